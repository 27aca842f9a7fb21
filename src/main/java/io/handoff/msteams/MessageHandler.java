package io.handoff.msteams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Place;
import io.handoff.chat.Reply;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;

/**
 * Message activities: text messages are commands (the bot's @mention stripped in channels, the HTML Teams sends
 * unescaped; {@code home} shows the home card), said at a {@link Place}: Teams, and the channel when said in one.
 * Action.Submit data are button presses ({@code {action, value}}) or form submissions ({@code {form, state}} plus the
 * inputs). Each goes to the chat port and its outcome is rendered as Adaptive Cards; answers to a command typed in a
 * channel go to the person's personal chat, never to the channel, unless the core says the answer concerns everyone
 * there ({@link ChatBot#answeredWhereSaid}: {@code team-channel}). Action.Execute data come here too
 * ({@link InvokeHandler}).
 */
final class MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
    private final ChatBot chat;
    private final GraphStore graph;
    private final ActivityActors actors;
    private final ConversationReferences references;
    private final SentForms forms;
    private final MsTeamsNotifications notifications;
    private final MsTeamsSender privately;
    private final MsTeamsFiles files;

    MessageHandler(ChatBot chat, GraphStore graph, ActivityActors actors, ConversationReferences references,
                   SentForms forms, MsTeamsNotifications notifications, MsTeamsSender privately, MsTeamsFiles files) {
        this.chat = chat;
        this.graph = graph;
        this.actors = actors;
        this.references = references;
        this.forms = forms;
        this.notifications = notifications;
        this.privately = privately;
        this.files = files;
    }

    void onMessage(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode data = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        converse(turn, data, reply -> turn.sendActivity(reply).join(), cardUpdate(turn));
    }

    /**
     * How to replace the card a button was on (Action.Submit: the activity's replyToId names it; the connector's
     * updateActivity, PUT v3/conversations/{id}/activities/{replyToId}), in the person's own chat only; empty for a
     * typed message or when Teams did not say which card it was.
     */
    private static Optional<Consumer<Activity>> cardUpdate(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getValue() == null) {
            return Optional.empty();
        }
        return update(turn, activity.getReplyToId());
    }

    /**
     * How to replace the card {@code cardId} of the conversation this activity came from (the person's own chat or
     * the channel the card is in): the connector's updateActivity on that conversation, so an id can only ever name
     * one of Handoff's own messages there. Empty for an id that is missing or not shaped like an activity id.
     */
    private static Optional<Consumer<Activity>> update(TurnContext turn, String cardId) {
        if (cardId == null || !ACTIVITY_ID.matcher(cardId).matches()) {
            return Optional.empty();
        }
        return Optional.of(replacement -> {
            replacement.setId(cardId);
            turn.updateActivity(replacement).join();
        });
    }

    /** A mention of someone in a message's HTML, compiled once (not on every message). */
    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("(?s)<at>.*?</at>");

    /** What an activity id may look like before it goes into a connector URL (Teams: "1:…" or digits). */
    private static final java.util.regex.Pattern ACTIVITY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9:._@|-]{1,200}");

    /** {@link #converse(TurnContext, JsonNode, Consumer, Optional)} where a replacement goes as a new answer. */
    void converse(TurnContext turn, JsonNode data, Consumer<Activity> direct) {
        converse(turn, data, direct, Optional.empty());
    }

    /**
     * A command ({@code data} null: the message text) or the data of a card's action (a button or a form), answered
     * through {@code direct}: in the conversation it came from when that is the person's personal chat, else there
     * only with a pointer to the personal chat, where the answer goes.
     */
    void converse(TurnContext turn, JsonNode data, Consumer<Activity> direct, Optional<Consumer<Activity>> replace) {
        Optional<ActivityActors.Acting> resolved = actors.resolve(turn);
        if (resolved.isEmpty()) {
            send(direct, Message.text("Handoff works with the work accounts of a "
                    + "Microsoft 365 organisation; this conversation has none."));
            return;
        }
        Actor actor = resolved.get().actor();
        try {
            converse(turn, data, direct, replace, actor);
        } finally {
            if (!resolved.get().remembered()) {
                actors.rememberAfterTurn(turn, actor); // after the interaction: a forget-me leaves nothing behind
            }
        }
    }

    private void converse(TurnContext turn, JsonNode data, Consumer<Activity> direct,
                          Optional<Consumer<Activity>> replace, Actor actor) {
        Activity activity = turn.getActivity();
        if (data == null && chat.answeredWhereSaid(commandText(activity))) {
            // it concerns everyone here (a channel's role): answered where it was said, not privately
            handle(direct, actor, command(actor, activity), null, Map.of());
            return;
        }
        Consumer<Activity> out = direct;
        if (!ActivityActors.isPersonal(activity)) {
            // Answers are personal (forms, my-data...): they go to the person's own chat with Handoff, never to a channel.
            Optional<ConversationReference> personal = references.find(actor.tenant(), actor.person());
            if (personal.isEmpty()) {
                send(direct, new Message("Open a personal chat with Handoff", List.of(Paragraph.builder()
                        .plain("To keep your answers private, Handoff answers in a personal chat. Open ")
                        .strong("Handoff").plain(" from the Apps bar and say it there.").build())));
                return;
            }
            send(direct, Message.text("I answered you in our personal chat."));
            out = reply -> privately.send(personal.get(), reply);
            // a card in a channel answered there is still replaced where it is (as Slack replaces the original);
            // everything else, forms included, goes to the personal chat
        }
        // a form opened from a card in this personal chat carries that card's id, so its answer can replace it
        Optional<String> formOrigin = ActivityActors.isPersonal(activity) && activity.getValue() != null
                ? Optional.ofNullable(activity.getReplyToId()).filter(id -> ACTIVITY_ID.matcher(id).matches())
                : Optional.empty();
        if (data != null && data.isObject() && data.hasNonNull(AdaptiveCards.FORM)) {
            // the card the form came from, named in its data: updated in this conversation only (a forged id can
            // name nothing but Handoff's own messages in the person's own chat)
            Optional<Consumer<Activity>> origin = ActivityActors.isPersonal(activity)
                    ? update(turn, data.path(AdaptiveCards.ORIGIN).asText(null)) : Optional.empty();
            onForm(out, origin, actor, data);
        } else if (data != null && data.isObject() && data.hasNonNull(AdaptiveCards.ACTION)) {
            onButton(out, replace, formOrigin, actor, data);
        } else {
            onCommand(out, actor, activity);
        }
    }

    private void onCommand(Consumer<Activity> out, Actor actor, Activity activity) {
        String text = commandText(activity);
        if (text.isEmpty() || text.equalsIgnoreCase("home")) {
            sendHome(out, actor);
            return;
        }
        handle(out, actor, command(actor, activity), null, Map.of());
    }

    /** The message as a command, said on Teams, in the channel it came from when it came from one. */
    private static Interaction.Command command(Actor actor, Activity activity) {
        return new Interaction.Command(actor, commandText(activity), place(activity));
    }

    /**
     * Where a message was said: Teams, and the channel (with its team, service URL and Microsoft tenant, all a post
     * there needs) when it was said in a channel of a team.
     */
    static Place place(Activity activity) {
        if (activity.getConversation() == null
                || !"channel".equals(activity.getConversation().getConversationType())) {
            return Place.on(Platform.TEAMS); // the channel data are read (a JSON round trip) only in a channel
        }
        TeamsChannelData channelData;
        try {
            channelData = activity.teamsGetChannelData();
        } catch (RuntimeException unreadable) { // channel data Teams would not send: not said in a channel
            channelData = null;
        }
        boolean inChannel = channelData != null && channelData.getChannel() != null
                && channelData.getChannel().getId() != null && activity.getServiceUrl() != null
                && !activity.getServiceUrl().isBlank();
        if (!inChannel) {
            return Place.on(Platform.TEAMS);
        }
        return Place.in(MsTeamsChannels.reference(new MsTeamsChannels.ChannelPlace(activity.getServiceUrl(),
                channelData.getChannel().getId(), channelData.getTeam() == null ? null : channelData.getTeam().getId(),
                ActivityActors.microsoftTenant(activity))));
    }

    private void onButton(Consumer<Activity> out, Optional<Consumer<Activity>> replace, Optional<String> formOrigin,
                          Actor actor, JsonNode data) {
        Action action;
        try {
            // a button's value, or a scale's choice merged in under the same key
            JsonNode value = data.path(AdaptiveCards.VALUE);
            action = new Action(data.get(AdaptiveCards.ACTION).asText(), value.isValueNode() ? value.asText("") : "");
        } catch (IllegalArgumentException e) {
            send(out, Message.text("That button is no longer valid. Say home to start again."));
            return;
        }
        handle(out, replace, formOrigin, actor, new Interaction.ButtonPressed(actor, action), null, Map.of());
    }

    private void onForm(Consumer<Activity> out, Optional<Consumer<Activity>> origin, Actor actor, JsonNode data) {
        String formId = data.get(AdaptiveCards.FORM).asText();
        String state = data.path(AdaptiveCards.STATE).asText("");
        Map<String, List<String>> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            String fieldId = AdaptiveCards.fieldId(key);
            if (fieldId == null || fieldId.isEmpty()) {
                continue;
            }
            String value = entry.getValue().isValueNode() ? entry.getValue().asText("") : "";
            if (key.startsWith(AdaptiveCards.CHOICES)) {
                values.put(fieldId, Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .distinct().toList());
            } else if (key.startsWith(AdaptiveCards.PEOPLE) || key.startsWith(AdaptiveCards.FIND)) {
                // the picker's short list and its search are one field: the people picked in either
                List<String> people = new ArrayList<>(values.getOrDefault(fieldId, List.of()));
                Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .filter(v -> !people.contains(v)).forEach(people::add);
                values.put(fieldId, List.copyOf(people));
            } else {
                values.put(fieldId, value.isBlank() ? List.of() : List.of(value));
            }
        }
        handle(out, origin, Optional.empty(), actor, new Interaction.FormSubmitted(actor, formId, state, values),
                formId, values);
    }

    private void handle(Consumer<Activity> out, Actor actor, Interaction interaction, String formId,
                        Map<String, List<String>> submitted) {
        handle(out, Optional.empty(), Optional.empty(), actor, interaction, formId, submitted);
    }

    /**
     * Handles the interaction and answers: a {@link Reply.Replace} (a button's) or a {@link Reply.CloseForm} that
     * replaces its origin (a form's) goes through {@code replace} when there is a card to replace; a form opened by
     * a button carries {@code formOrigin}, the id of the card the button was on.
     */
    private void handle(Consumer<Activity> out, Optional<Consumer<Activity>> replace, Optional<String> formOrigin,
                        Actor actor, Interaction interaction, String formId, Map<String, List<String>> submitted) {
        Outcome outcome = chat.handle(interaction);
        Reply reply = outcome.reply();
        if (reply instanceof Reply.Replace replacement && replace.isPresent()) {
            replaceCard(out, replace.get(), actor, replacement.message());
        } else if (reply instanceof Reply.CloseForm close && close.replacesOrigin() && replace.isPresent()) {
            replaceCard(out, replace.get(), actor, close.message());
        } else if (reply instanceof Reply.OpenForm open && open.replacing().isPresent()) {
            // "Yes, and there's more": the question becomes its answer, then the form
            if (replace.isPresent()) {
                replaceCard(out, replace.get(), actor, open.replacing().get());
            } else {
                out.accept(MsTeamsMessages.message(open.replacing().get(), actor.tenant(), Optional.of(actor.person()),
                        files));
            }
            sendForm(out, actor, open.form(), formOrigin);
        } else if (reply instanceof Reply.OpenForm open) {
            sendForm(out, actor, open.form(), formOrigin);
        } else {
            answer(out, actor, reply, formId, submitted);
        }
        List<Person> unreachable = notifications.unreachable(actor, outcome.notifications());
        for (Person colleague : unreachable) {
            send(out, new Message(colleague.displayName() + " could not be asked yet",
                    List.of(Paragraph.builder().strong(colleague.displayName())
                            .plain(" does not use Handoff in Teams or Slack yet, so they could not be asked now. "
                                    + "Handoff has noted your request; ask them to add the Handoff app.").build())));
        }
        if (outcome.notifications().isEmpty() || !graph.hasPerson(actor.tenant(), actor.person())) {
            return; // nothing to send, or forgotten (forget-me): MsTeamsPersonalData erased what the adapter kept
        }
        notifications.deliverLater(actor.tenant(), outcome.notifications());
    }

    private void answer(Consumer<Activity> out, Actor actor, Reply reply, String formId,
                        Map<String, List<String>> submitted) {
        if (reply instanceof Reply.Show show) {
            out.accept(MsTeamsMessages.message(show.message(), actor.tenant(), Optional.of(actor.person()), files));
        } else if (reply instanceof Reply.Replace replace) { // no card to replace: a new message
            out.accept(MsTeamsMessages.message(replace.message(), actor.tenant(), Optional.of(actor.person()), files));
        } else if (reply instanceof Reply.CloseForm close) {
            out.accept(MsTeamsMessages.message(close.message(), actor.tenant(), Optional.of(actor.person()), files));
        } else if (reply instanceof Reply.OpenForm open) {
            sendForm(out, actor, open.form());
        } else if (reply instanceof Reply.NextForm next) {
            sendForm(out, actor, next.form());
        } else if (reply instanceof Reply.FormErrors errors) {
            Optional<ObjectNode> card = formId == null ? Optional.empty()
                    : forms.find(actor.tenant(), actor.person(), formId);
            if (card.isPresent()) {
                out.accept(MsTeamsMessages.card(AdaptiveCards.withErrors(card.get(), errors.errors(), submitted,
                        id -> Identifier.isValid(id) ? graph.person(actor.tenant(), PersonId.of(id))
                                .map(Person::displayName) : Optional.empty()), "Please check the form"));
            } else {
                // The card is gone (older than a week): still say what was wrong, never drop it silently.
                List<io.handoff.chat.Block> blocks = new ArrayList<>();
                blocks.add(Paragraph.of("Your answer could not be saved:"));
                errors.errors().values().forEach(text -> blocks.add(Paragraph.of(text)));
                send(out, new Message("Your answer could not be saved", blocks));
            }
        }
    }

    /** The card becomes the message; if the connector refuses, the message is sent as a new one instead. */
    private void replaceCard(Consumer<Activity> out, Consumer<Activity> replace, Actor actor, Message message) {
        try {
            replace.accept(MsTeamsMessages.message(message, actor.tenant(), Optional.of(actor.person()), files));
        } catch (RuntimeException refused) {
            log.warn("Could not replace a card of {} in tenant {}; sending the answer instead", actor.person(),
                    actor.tenant(), refused);
            out.accept(MsTeamsMessages.message(message, actor.tenant(), Optional.of(actor.person()), files));
        }
    }

    private void sendForm(Consumer<Activity> out, Actor actor, Form form) {
        sendForm(out, actor, form, Optional.empty());
    }

    /** Sends the form card; with {@code origin}, its submit data name the card the form was opened from. */
    private void sendForm(Consumer<Activity> out, Actor actor, Form form, Optional<String> origin) {
        Map<PersonId, Person> people = graph.graph(actor.tenant()).people();
        List<Person> roster = people.values().stream()
                .filter(person -> !person.id().equals(actor.person()))
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        Optional<TeamId> team = Optional.ofNullable(people.get(actor.person())).flatMap(Person::teamId);
        ObjectNode card = AdaptiveCards.form(form, new AdaptiveCards.Directory(roster, team));
        origin.ifPresent(id -> card.path("actions").forEach(action -> {
            if (action.path("data").isObject()) {
                ((ObjectNode) action.get("data")).put(AdaptiveCards.ORIGIN, id);
            }
        }));
        forms.save(actor.tenant(), actor.person(), form.id(), card);
        out.accept(MsTeamsMessages.card(card, form.title()));
    }

    void sendHome(Consumer<Activity> out, Actor actor) {
        send(out, new Message("Your Handoff home", chat.home(actor).blocks()));
    }

    static void send(Consumer<Activity> out, Message message) {
        out.accept(MsTeamsMessages.message(message));
    }

    static void send(TurnContext turn, Activity activity) {
        turn.sendActivity(activity).join();
    }

    /**
     * The message text without the bot's @mention (channels) and surrounding blanks, as typed: Teams sends it as
     * HTML ({@code R&amp;D} is R&D).
     */
    static String commandText(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        if (activity.getRecipient() != null && activity.getEntities() != null) {
            String stripped = activity.removeRecipientMention();
            text = stripped == null ? text : stripped;
        }
        return HtmlUtils.htmlUnescape(MENTION.matcher(text).replaceAll(" ").replace("&nbsp;", " ")).strip();
    }
}
