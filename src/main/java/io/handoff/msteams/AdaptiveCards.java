package io.handoff.msteams;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

/**
 * Renders the chat port's messages and forms as Adaptive Cards (JSON built with Jackson): paragraphs and headings as
 * escaped TextBlocks, buttons as Action.Submit carrying {@code {action, value}}, links as Action.OpenUrl, forms as
 * inputs with an Action.Submit carrying {@code {form, state}}. Input ids say how to read the submitted value back:
 * {@code people.<field>} (comma-joined person ids), {@code choice.<field>} and {@code text.<field>}.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    static final String PEOPLE = "people.";
    static final String CHOICE = "choice.";
    static final String TEXT = "text.";
    static final String ERROR = "error.";
    /** Data key of a button's action id, a button's value, a form's id and a form's state. */
    static final String ACTION = "action";
    static final String VALUE = "value";
    static final String FORM = "form";
    static final String STATE = "state";
    /** The people picker searches the roster through the bot (invoke application/search) beyond these choices. */
    static final String PEOPLE_DATASET = "handoff.people";
    static final int STATIC_PEOPLE = 100;
    /**
     * The key of the people picker's Data.Query. The connector's serializer treats a dot in a JSON key as nesting
     * ({@code choices.data} would become {@code choices → data} and fail on the choices array); an escaped dot is
     * written as a plain dot on the wire.
     */
    static final String DATA_QUERY_KEY = "choices\\.data";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    /** The message as one card, followed by its files (images inline as data: URIs, other files as attachments). */
    static List<Attachment> message(Message message) {
        return message(message, file -> "data:" + file.mediaType() + ";base64,"
                + Base64.getEncoder().encodeToString(file.content()));
    }

    /**
     * The message as one card, followed by its images as attachments at {@code contentUrl} (a data: URI or a link).
     * Other files linked to over http(s) become an Action.OpenUrl to download them; as data: URIs, attachments.
     */
    static List<Attachment> message(Message message, Function<io.handoff.chat.Attachment, String> contentUrl) {
        List<Attachment> attachments = new ArrayList<>();
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        ArrayNode actions = card.withArray("actions");
        render(message.blocks(), body, actions);
        List<Attachment> files = new ArrayList<>();
        for (io.handoff.chat.Attachment file : message.attachments()) {
            String url = contentUrl.apply(file);
            if (!file.isImage() && !url.startsWith("data:")) {
                actions.addObject().put("type", "Action.OpenUrl").put("title", "Download " + file.title())
                        .put("url", url);
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
            body.add(textBlock(CardText.escape(message.summary())));
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

    /** A form as a card. People pickers offer {@code roster} (the first {@value #STATIC_PEOPLE}) and search the rest. */
    static ObjectNode form(Form form, Collection<Person> roster) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(textBlock(CardText.escape(form.title())).put("weight", "bolder").put("size", "medium"));
        for (Field field : form.fields()) {
            if (field instanceof Field.Note note) {
                body.add(textBlock(CardText.render(note.text())));
            } else {
                body.add(input(field, roster));
            }
        }
        ObjectNode submit = card.withArray("actions").addObject();
        submit.put("type", "Action.Submit").put("title", form.submitLabel()).put("style", "positive");
        submit.putObject("data").put(FORM, form.id()).put(STATE, form.state());
        return card;
    }

    /**
     * The form card again, with what was submitted filled in and each error as an attention-coloured TextBlock right
     * below its field; errors for fields the card does not have go to the top.
     */
    static ObjectNode withErrors(ObjectNode formCard, Map<String, String> errors, Map<String, List<String>> submitted) {
        ObjectNode card = formCard.deepCopy();
        ArrayNode body = card.withArray("body");
        ArrayNode rebuilt = JSON.arrayNode();
        List<String> placed = new ArrayList<>();
        for (JsonNode element : body) {
            String id = element.path("id").asText("");
            if (id.startsWith(ERROR)) {
                continue;
            }
            String field = fieldId(id);
            if (element.isObject() && field != null && submitted.containsKey(field)) {
                ((ObjectNode) element).put("value", String.join(",", submitted.get(field)));
            }
            rebuilt.add(element);
            if (field != null && errors.containsKey(field)) {
                rebuilt.add(error(field, errors.get(field)));
                placed.add(field);
            }
        }
        ArrayNode result = JSON.arrayNode();
        result.add(rebuilt.get(0));
        errors.forEach((field, text) -> {
            if (!placed.contains(field)) {
                result.add(error(field, text));
            }
        });
        for (int i = 1; i < rebuilt.size(); i++) {
            result.add(rebuilt.get(i));
        }
        card.set("body", result);
        return card;
    }

    /** The field id an input id belongs to, or null when the element is no input of ours. */
    static String fieldId(String inputId) {
        for (String prefix : List.of(PEOPLE, CHOICE, TEXT)) {
            if (inputId.startsWith(prefix)) {
                return inputId.substring(prefix.length());
            }
        }
        return null;
    }

    private static ObjectNode error(String field, String text) {
        return textBlock(CardText.escape(text)).put("id", ERROR + field).put("color", "attention")
                .put("spacing", "none").put("size", "small");
    }

    private static ObjectNode input(Field field, Collection<Person> roster) {
        ObjectNode input = JSON.objectNode();
        input.put("label", field.label()).put("isRequired", !field.optional());
        if (!field.optional()) {
            input.put("errorMessage", "Please fill in " + field.label());
        }
        if (field instanceof Field.PeoplePicker picker) {
            input.put("type", "Input.ChoiceSet").put("id", PEOPLE + picker.id()).put("isMultiSelect", true)
                    .put("style", "filtered");
            ArrayNode choices = input.putArray("choices");
            List<String> initial = picker.initial();
            roster.stream().limit(STATIC_PEOPLE).forEach(person -> choice(choices, person.displayName(),
                    person.id().value()));
            roster.stream().skip(STATIC_PEOPLE).filter(person -> initial.contains(person.id().value()))
                    .forEach(person -> choice(choices, person.displayName(), person.id().value()));
            input.putObject(DATA_QUERY_KEY).put("type", "Data.Query").put("dataset", PEOPLE_DATASET);
            if (!initial.isEmpty()) {
                input.put("value", String.join(",", initial));
            }
        } else if (field instanceof Field.Choice choice) {
            input.put("type", "Input.ChoiceSet").put("id", CHOICE + choice.id()).put("style", "compact");
            ArrayNode choices = input.putArray("choices");
            choice.options().forEach(option -> choice(choices, option.label(), option.value()));
            if (choice.initial() != null) {
                input.put("value", choice.initial());
            }
        } else if (field instanceof Field.TextInput text) {
            input.put("type", "Input.Text").put("id", TEXT + text.id()).put("maxLength", text.maxLength())
                    .put("isMultiline", text.multiline());
            if (text.initial() != null) {
                input.put("value", text.initial());
            }
            if (text.hint() != null) {
                input.put("placeholder", text.hint());
            }
        }
        return input;
    }

    private static void choice(ArrayNode choices, String title, String value) {
        choices.addObject().put("title", title).put("value", value);
    }

    private static void render(List<Block> blocks, ArrayNode body, ArrayNode actions) {
        boolean separate = false;
        for (Block block : blocks) {
            ObjectNode element = null;
            if (block instanceof Heading heading) {
                element = textBlock(CardText.escape(heading.text())).put("weight", "bolder").put("size", "medium");
            } else if (block instanceof Paragraph paragraph) {
                element = textBlock(CardText.render(paragraph));
            } else if (block instanceof Buttons buttons) {
                element = JSON.objectNode().put("type", "ActionSet");
                ArrayNode set = element.putArray("actions");
                for (Button button : buttons.buttons()) {
                    ObjectNode action = set.addObject().put("type", "Action.Submit").put("title", button.label());
                    if (button.style() == Button.Style.PRIMARY) {
                        action.put("style", "positive");
                    } else if (button.style() == Button.Style.DANGER) {
                        action.put("style", "destructive");
                    }
                    action.putObject("data").put(ACTION, button.action().id()).put(VALUE, button.action().value());
                }
            } else if (block instanceof Link link) {
                element = JSON.objectNode().put("type", "ActionSet");
                element.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", link.label())
                        .put("url", link.url().toString());
            } else if (block instanceof Divider) {
                separate = true;
            }
            if (element != null) {
                if (separate) {
                    element.put("separator", true);
                    separate = false;
                }
                body.add(element);
            }
        }
    }

    private static ObjectNode card() {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard")
                .put("version", VERSION);
        card.putArray("body");
        card.putArray("actions");
        return card;
    }

    private static ObjectNode textBlock(String markdown) {
        return JSON.objectNode().put("type", "TextBlock").put("text", markdown).put("wrap", true);
    }
}
