package io.handoff.msteams;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Person;
import io.handoff.graph.TeamId;

/**
 * Renders the chat port's messages and forms as Adaptive Cards (JSON built with Jackson): text as RichTextBlocks of
 * plain TextRuns ({@link CardText}: never markdown, so nothing is escaped), buttons as Action.Submit carrying
 * {@code {action, value}}, a scale of buttons as one compact choice with a send button (five buttons do not fit a
 * phone), links as Action.OpenUrl, forms as inputs with an Action.Submit carrying {@code {form, state}}. Input ids say
 * how to read the submitted value back: {@code people.<field>} and {@code find.<field>} (comma-joined person ids,
 * merged), {@code choice.<field>} and {@code text.<field>}.
 *
 * <p>Cards declare 1.5, the version every Teams client renders; a form with a people picker declares 1.6, where the
 * official schema has the picker's search ({@code choices.data} with Data.Query, {@code style: filtered}; Teams
 * documents both as Teams features). The picker never depends on the search alone: it offers a short list of likely
 * colleagues as checkboxes (the people already named, those the person works with, their teammates), and the search
 * for anyone else starts empty, so no renderer shows people as raw ids.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    /** The version of a card with a people picker: {@code choices.data} and {@code style: filtered} are 1.6. */
    static final String PICKER_VERSION = "1.6";
    static final String PEOPLE = "people.";
    /** The search half of a people picker: whoever is not on its short list. */
    static final String FIND = "find.";
    static final String CHOICE = "choice.";
    /** A multiple choice ({@link Field.Choices}): its values arrive comma-joined. */
    static final String CHOICES = "choices.";
    static final String TEXT = "text.";
    static final String ERROR = "error.";
    /** Data key of a button's action id, a button's value, a form's id and a form's state. */
    static final String ACTION = "action";
    static final String VALUE = "value";
    static final String FORM = "form";
    static final String STATE = "state";
    /** In a form card's submit data: the id of the card whose button opened the form (replaced when it is answered). */
    static final String ORIGIN = "origin";
    /** The people picker searches the roster through the bot (invoke application/search). */
    static final String PEOPLE_DATASET = "handoff.people";
    /** At most this many colleagues are offered as checkboxes besides the ones already picked. */
    static final int LIKELY_PEOPLE = 8;
    /**
     * The key of the people picker's Data.Query. The connector's serializer treats a dot in a JSON key as nesting
     * ({@code choices.data} would become {@code choices → data} and fail on the choices array); an escaped dot is
     * written as a plain dot on the wire.
     */
    static final String DATA_QUERY_KEY = "choices\\.data";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    /** Who fills in a form: the colleagues they may pick (never themselves) and their own team. */
    record Directory(Collection<Person> roster, Optional<TeamId> team) {
        Directory {
            roster = List.copyOf(roster);
            team = team == null ? Optional.empty() : team;
        }

        Optional<Person> find(String id) {
            return roster.stream().filter(person -> person.id().value().equals(id)).findFirst();
        }
    }

    /** The message as one card, followed by its files (images inline as data: URIs, other files as attachments). */
    static List<Attachment> message(Message message) {
        return message(message, file -> "data:" + file.mediaType() + ";base64,"
                + Base64.getEncoder().encodeToString(file.content()));
    }

    /**
     * The message as one card, followed by its images as attachments at {@code contentUrl} (a data: URI or a link).
     * Other files linked to over http(s) become a line naming the file with a short "Download" button under it (a
     * long button title is cut off on a phone); as data: URIs, attachments.
     */
    static List<Attachment> message(Message message, Function<io.handoff.chat.Attachment, String> contentUrl) {
        List<Attachment> attachments = new ArrayList<>();
        ObjectNode card = card(VERSION, message.summary());
        ArrayNode body = card.withArray("body");
        ArrayNode actions = card.withArray("actions");
        render(message.blocks(), body);
        List<Attachment> files = new ArrayList<>();
        for (io.handoff.chat.Attachment file : message.attachments()) {
            String url = contentUrl.apply(file);
            if (!file.isImage() && !url.startsWith("data:")) {
                body.addAll(CardText.blocks(file.title()));
                ObjectNode set = body.addObject().put("type", "ActionSet");
                set.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Download")
                        .put("tooltip", "Download " + file.title()).put("url", url);
                continue;
            }
            Attachment attachment = new Attachment();
            attachment.setContentType(file.mediaType());
            attachment.setName(file.fileName());
            attachment.setContentUrl(url);
            files.add(attachment);
        }
        if (actions.isEmpty()) {
            card.remove("actions");
        }
        if (body.isEmpty()) {
            body.addAll(CardText.blocks(message.summary()));
        }
        attachments.add(attachment(card));
        attachments.addAll(files);
        return attachments;
    }

    static Attachment attachment(JsonNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    /** A form as a card; people pickers offer likely colleagues from {@code directory} and search the rest. */
    static ObjectNode form(Form form, Directory directory) {
        boolean picker = form.fields().stream().anyMatch(Field.PeoplePicker.class::isInstance);
        ObjectNode card = card(picker ? PICKER_VERSION : VERSION, form.title());
        ArrayNode body = card.withArray("body");
        body.addAll(CardText.styled(CardText.styled(CardText.blocks(form.title()), "weight", "bolder"),
                "size", "medium"));
        for (Field field : form.fields()) {
            if (field instanceof Field.Note note) {
                body.addAll(CardText.blocks(note.text()));
            } else if (field instanceof Field.Section section) {
                List<ObjectNode> title = CardText.styled(CardText.blocks(section.title()), "weight", "bolder");
                title.get(0).put("separator", true).put("spacing", "large");
                body.addAll(title);
            } else if (field instanceof Field.PeoplePicker people) {
                body.addAll(people(people, directory));
            } else {
                body.add(input(field));
            }
        }
        ObjectNode submit = card.withArray("actions").addObject();
        submit.put("type", "Action.Submit").put("title", form.submitLabel()).put("style", "positive");
        submit.putObject("data").put(FORM, form.id()).put(STATE, form.state());
        return card;
    }

    /**
     * The form card again, with what was submitted filled in and each error in words right below its field; errors
     * for fields the card does not have go to the top. People picked through the search come back as choices named
     * by {@code names} (a person id to a display name), so nobody shows as a raw id.
     */
    static ObjectNode withErrors(ObjectNode formCard, Map<String, String> errors, Map<String, List<String>> submitted,
                                 Function<String, Optional<String>> names) {
        ObjectNode card = formCard.deepCopy();
        ArrayNode body = card.withArray("body");
        ArrayNode rebuilt = JSON.arrayNode();
        List<String> placed = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        List<JsonNode> elements = new ArrayList<>();
        body.forEach(elements::add);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String id = element.path("id").asText("");
            if (id.startsWith(ERROR)) {
                continue;
            }
            String field = fieldId(id);
            if (element.isObject() && field != null && submitted.containsKey(field)) {
                refill((ObjectNode) element, id, submitted.get(field), listed, names);
            }
            rebuilt.add(element);
            boolean lastOfField = field != null && (i + 1 >= elements.size()
                    || !field.equals(fieldId(elements.get(i + 1).path("id").asText(""))));
            if (lastOfField && errors.containsKey(field) && !placed.contains(field)) {
                rebuilt.addAll(error(field, errors.get(field)));
                placed.add(field);
            }
        }
        ArrayNode result = JSON.arrayNode();
        result.add(rebuilt.get(0));
        errors.forEach((field, text) -> {
            if (!placed.contains(field)) {
                result.addAll(error(field, text));
            }
        });
        for (int i = 1; i < rebuilt.size(); i++) {
            result.add(rebuilt.get(i));
        }
        card.set("body", result);
        return card;
    }

    private static void refill(ObjectNode input, String id, List<String> values, Set<String> listed,
                               Function<String, Optional<String>> names) {
        if (id.startsWith(PEOPLE)) {
            List<String> offered = input.path("choices").findValuesAsText(VALUE);
            List<String> here = values.stream().filter(offered::contains).toList();
            listed.addAll(here);
            input.put(VALUE, String.join(",", here));
        } else if (id.startsWith(FIND)) {
            ArrayNode choices = input.withArray("choices");
            List<String> rest = new ArrayList<>();
            for (String value : values) {
                if (listed.contains(value)) {
                    continue;
                }
                Optional<String> name = names.apply(value);
                if (name.isPresent()) { // an id nobody has is not shown back: it could only be garbage
                    choice(choices, name.get(), value);
                    rest.add(value);
                }
            }
            input.put(VALUE, String.join(",", rest));
        } else {
            input.put(VALUE, String.join(",", values));
        }
    }

    /** The field id an input id belongs to, or null when the element is no input of ours. */
    static String fieldId(String inputId) {
        for (String prefix : List.of(PEOPLE, FIND, CHOICES, CHOICE, TEXT)) {
            if (inputId.startsWith(prefix)) {
                return inputId.substring(prefix.length());
            }
        }
        return null;
    }

    private static List<ObjectNode> error(String field, String text) {
        List<ObjectNode> blocks = CardText.styled(CardText.styled(CardText.blocks(text), "color", "attention"),
                "size", "small");
        blocks.get(0).put("id", ERROR + field).put("spacing", "none");
        return blocks;
    }

    /**
     * A people picker in two inputs read back as one field: checkboxes of the likely colleagues (the people already
     * picked first, then those the core suggests and teammates, {@value #LIKELY_PEOPLE} at most) and a search for
     * anyone else. The limit is said in the label and the search's placeholder, before anything is submitted.
     */
    private static List<ObjectNode> people(Field.PeoplePicker picker, Directory directory) {
        List<ObjectNode> inputs = new ArrayList<>();
        String limit = picker.max() > 0 ? " Up to " + picker.max() + " people." : "";
        Set<String> offered = new LinkedHashSet<>();
        List<Person> choices = new ArrayList<>();
        for (String id : picker.initial()) {
            if (offered.add(id)) {
                // someone named before must stay picked, or submitting would withdraw the handoff: never by raw id
                choices.add(directory.find(id).orElseGet(() -> Person.of(id, "A colleague not in the directory",
                        null)));
            }
        }
        List<Person> likely = new ArrayList<>();
        picker.likely().forEach(id -> directory.find(id).ifPresent(likely::add));
        directory.team().ifPresent(team -> directory.roster().stream()
                .filter(person -> person.teamId().filter(team::equals).isPresent()).forEach(likely::add));
        likely.stream().filter(person -> offered.size() < picker.initial().size() + LIKELY_PEOPLE)
                .filter(person -> offered.add(person.id().value())).forEach(choices::add);
        boolean listed = !choices.isEmpty();
        if (listed) {
            ObjectNode list = JSON.objectNode().put("type", "Input.ChoiceSet").put("id", PEOPLE + picker.id())
                    .put("label", picker.label() + limit).put("isMultiSelect", true).put("style", "expanded");
            ArrayNode options = list.putArray("choices");
            choices.forEach(person -> choice(options, person.displayName(), person.id().value()));
            if (!picker.initial().isEmpty()) {
                list.put(VALUE, String.join(",", picker.initial().stream().filter(offered::contains).toList()));
            }
            inputs.add(list);
        }
        ObjectNode search = JSON.objectNode().put("type", "Input.ChoiceSet").put("id", FIND + picker.id())
                .put("label", listed ? "Someone else? Search by name" : picker.label() + limit)
                .put("isMultiSelect", true).put("style", "filtered")
                .put("placeholder", picker.max() > 0 ? "Type a name (up to " + picker.max() + " people in all)"
                        : "Type a name");
        search.putArray("choices");
        search.putObject(DATA_QUERY_KEY).put("type", "Data.Query").put("dataset", PEOPLE_DATASET);
        if (!picker.optional() && !listed) {
            search.put("isRequired", true).put("errorMessage", missing(picker));
        }
        inputs.add(search);
        return inputs;
    }

    private static String missing(Field field) {
        String said = field instanceof Field.PeoplePicker p ? p.missing()
                : field instanceof Field.Choice c ? c.missing()
                : field instanceof Field.Choices c ? c.missing()
                : field instanceof Field.TextInput t ? t.missing() : null;
        if (said != null && !said.isBlank()) {
            return said;
        }
        return field instanceof Field.PeoplePicker ? "Pick at least one colleague"
                : field instanceof Field.Choice ? "Choose one of the answers"
                : field instanceof Field.Choices ? "Choose at least one" : "Write a few words here";
    }

    private static ObjectNode input(Field field) {
        ObjectNode input = JSON.objectNode();
        input.put("label", field.label()).put("isRequired", !field.optional());
        if (!field.optional()) {
            input.put("errorMessage", missing(field));
        }
        if (field instanceof Field.Choice choice) {
            input.put("type", "Input.ChoiceSet").put("id", CHOICE + choice.id()).put("style", "compact")
                    .put("placeholder", choice.hint() == null || choice.hint().isBlank() ? "Choose"
                            : choice.hint());
            ArrayNode choices = input.putArray("choices");
            choice.options().forEach(option -> choice(choices, option.label(), option.value()));
            if (choice.initial() != null) {
                input.put(VALUE, choice.initial());
            }
        } else if (field instanceof Field.Choices choices) {
            input.put("type", "Input.ChoiceSet").put("id", CHOICES + choices.id()).put("isMultiSelect", true)
                    .put("style", "compact").put("placeholder", choices.hint() == null || choices.hint().isBlank()
                            ? "Choose any" : choices.hint());
            ArrayNode options = input.putArray("choices");
            choices.options().forEach(option -> choice(options, option.label(), option.value()));
            List<String> initial = choices.options().stream().map(Field.Option::value)
                    .filter(choices.initial()::contains).toList();
            if (!initial.isEmpty()) {
                input.put(VALUE, String.join(",", initial));
            }
        } else if (field instanceof Field.TextInput text) {
            input.put("type", "Input.Text").put("id", TEXT + text.id()).put("maxLength", text.maxLength())
                    .put("isMultiline", text.multiline());
            if (text.initial() != null) {
                input.put(VALUE, text.initial());
            }
            if (text.hint() != null) {
                input.put("placeholder", text.hint());
            }
        } else {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return input;
    }

    private static void choice(ArrayNode choices, String title, String value) {
        choices.addObject().put("title", title).put(VALUE, value);
    }

    private static void render(List<Block> blocks, ArrayNode body) {
        boolean separate = false;
        boolean scaled = false;
        for (Block block : blocks) {
            List<ObjectNode> elements = new ArrayList<>();
            if (block instanceof Heading heading) {
                elements.addAll(CardText.styled(CardText.styled(CardText.blocks(heading.text()), "weight",
                        "bolder"), "size", "medium"));
            } else if (block instanceof Paragraph paragraph) {
                elements.addAll(CardText.blocks(paragraph));
            } else if (block instanceof Buttons buttons && buttons.isScale() && !scaled) {
                // one scale per card: its value arrives under the input id "value", as a button's would
                elements.addAll(scale(buttons));
                scaled = true;
            } else if (block instanceof Buttons buttons) {
                ObjectNode element = JSON.objectNode().put("type", "ActionSet");
                ArrayNode set = element.putArray("actions");
                for (Button button : buttons.buttons()) {
                    ObjectNode action = submit(set, button.label(), button.action().id(), button.style());
                    ((ObjectNode) action.get("data")).put(VALUE, button.action().value());
                }
                elements.add(element);
            } else if (block instanceof Link link) {
                ObjectNode element = JSON.objectNode().put("type", "ActionSet");
                element.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", link.label())
                        .put("url", link.url().toString());
                elements.add(element);
            } else if (block instanceof Divider) {
                separate = true;
            }
            if (!elements.isEmpty()) {
                if (separate) {
                    elements.get(0).put("separator", true);
                    separate = false;
                }
                body.addAll(elements);
            }
        }
    }

    /**
     * A scale as a compact choice and a send button: it fits 320 pixels where five buttons are cut to a few pixels
     * each. The submit carries the action id; the chosen value is merged in under the input's id, {@value #VALUE},
     * so it arrives exactly as a pressed button's {@code {action, value}}.
     */
    private static List<ObjectNode> scale(Buttons buttons) {
        ObjectNode input = JSON.objectNode().put("type", "Input.ChoiceSet").put("id", VALUE)
                .put("style", "compact").put("label", buttons.scaleLabel()).put("placeholder", "Choose")
                .put("isRequired", true).put("errorMessage", "Choose one of the answers first");
        ArrayNode choices = input.putArray("choices");
        buttons.buttons().forEach(button -> choice(choices, button.label(), button.action().value()));
        ObjectNode set = JSON.objectNode().put("type", "ActionSet");
        submit(set.putArray("actions"), "Send", buttons.buttons().get(0).action().id(), Button.Style.PRIMARY);
        return List.of(input, set);
    }

    private static ObjectNode submit(ArrayNode actions, String title, String actionId, Button.Style style) {
        ObjectNode action = actions.addObject().put("type", "Action.Submit").put("title", title);
        if (style == Button.Style.PRIMARY) {
            action.put("style", "positive");
        } else if (style == Button.Style.DANGER) {
            action.put("style", "destructive");
        }
        action.putObject("data").put(ACTION, actionId);
        return action;
    }

    private static ObjectNode card(String version, String fallback) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard")
                .put("version", version).put("fallbackText", fallback);
        card.putArray("body");
        card.putArray("actions");
        return card;
    }
}
