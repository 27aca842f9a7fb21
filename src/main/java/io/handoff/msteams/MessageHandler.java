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
import io.handoff.chat.Reply;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.map.MapAccess;

/**
 * Message activities: text messages are commands (the bot's @mention stripped in channels; {@code home} shows the
 * home card; {@code team-channel} said in a channel sets that team's channel), Action.Submit data are button presses
 * ({@code {action, value}}) or form submissions ({@code {form, state}} plus the inputs). Each goes to the chat port and
 * its outcome is rendered as Adaptive Cards; answers to a command typed in a channel go to the person's personal chat,
 * never to the channel. Action.Execute data come here too ({@link InvokeHandler}).
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
    private final MsTeamsChannels teamChannels;
    private final MapAccess access;

    MessageHandler(ChatBot chat, GraphStore graph, ActivityActors actors, ConversationReferences references,
                   SentForms forms, MsTeamsNotifications notifications, MsTeamsSender privately, MsTeamsFiles files,
                   MsTeamsChannels teamChannels, MapAccess access) {
        this.chat = chat;
        this.graph = graph;
        this.actors = actors;
        this.references = references;
        this.forms = forms;
        this.notifications = notifications;
        this.privately = privately;
        this.files = files;
        this.teamChannels = teamChannels;
        this.access = access;
    }

    void onMessage(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode data = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        converse(turn, data, reply -> turn.sendActivity(reply).join());
    }

    /**
     * A command ({@code data} null: the message text) or the data of a card's action (a button or a form), answered
     * through {@code direct}: in the conversation it came from when that is the person's personal chat, else there
     * only with a pointer to the personal chat, where the answer goes.
     */
    void converse(TurnContext turn, JsonNode data, Consumer<Activity> direct) {
        Optional<Actor> resolved = actors.actor(turn);
        if (resolved.isEmpty()) {
            send(direct, Message.text("Handoff works with the work accounts of a "
                    + "Microsoft 365 organisation; this conversation has none."));
            return;
        }
        Actor actor = resolved.get();
        Activity activity = turn.getActivity();
        if (data == null && MsTeamsChannels.isCommand(commandText(activity))) {
            onTeamChannel(turn, actor, commandText(activity));
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
        }
        if (data != null && data.isObject() && data.hasNonNull(AdaptiveCards.FORM)) {
            onForm(out, actor, data);
        } else if (data != null && data.isObject() && data.hasNonNull(AdaptiveCards.ACTION)) {
            onButton(out, actor, data);
        } else {
            onCommand(out, actor, commandText(activity));
        }
    }

    /**
     * {@code team-channel <team> [off]}: said by a Handoff admin (HANDOFF_MAP_ADMINS, as for {@code settings}) in a
     * team's channel, it makes that channel the team's; the answer stays in the channel, as it concerns everyone there.
     */
    private void onTeamChannel(TurnContext turn, Actor actor, String text) {
        Activity activity = turn.getActivity();
        String[] words = text.strip().split("\\s+", 2);
        // Teams sends a message's text as HTML: "R&amp;D" is the team R&D
        String arguments = words.length > 1 ? HtmlUtils.htmlUnescape(words[1]) : "";
        TeamsChannelData channelData = activity.teamsGetChannelData();
        boolean inChannel = activity.getConversation() != null
                && "channel".equals(activity.getConversation().getConversationType())
                && channelData != null && channelData.getChannel() != null && channelData.getChannel().getId() != null;
        if (!inChannel) {
            send(turn, MsTeamsMessages.message(new Message("Say it in the team's channel", List.of(Paragraph.builder()
                    .plain("Say ").strong("@Handoff team-channel <team>").plain(" in the channel that team should "
                            + "use, in a team where Handoff is installed: Handoff then posts the stories shared "
                            + "with that team and its friction digests there.").build()))));
            return;
        }
        if (!access.viewer(actor.tenant(), actor.person()).admin()) {
            send(turn, MsTeamsMessages.message(Message.text("Only Handoff admins (named in HANDOFF_MAP_ADMINS) can set "
                    + "a team's channel.")));
            return;
        }
        MsTeamsChannels.ChannelPlace place = new MsTeamsChannels.ChannelPlace(activity.getServiceUrl(),
                channelData.getChannel().getId(), channelData.getTeam() == null ? null : channelData.getTeam().getId(),
                ActivityActors.microsoftTenant(activity));
        send(turn, MsTeamsMessages.message(teamChannels.configure(actor.tenant(), arguments, place)));
        log.info("admin {} of tenant {} set a team channel in Teams", actor.person(), actor.tenant());
    }

    private void onCommand(Consumer<Activity> out, Actor actor, String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("home")) {
            sendHome(out, actor);
            return;
        }
        handle(out, actor, new Interaction.Command(actor, text), null, Map.of());
    }

    private void onButton(Consumer<Activity> out, Actor actor, JsonNode data) {
        Action action;
        try {
            action = new Action(data.get(AdaptiveCards.ACTION).asText(), data.path(AdaptiveCards.VALUE).asText(""));
        } catch (IllegalArgumentException e) {
            send(out, Message.text("That button is no longer valid. Say home to start again."));
            return;
        }
        handle(out, actor, new Interaction.ButtonPressed(actor, action), null, Map.of());
    }

    private void onForm(Consumer<Activity> out, Actor actor, JsonNode data) {
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
            if (key.startsWith(AdaptiveCards.PEOPLE)) {
                values.put(fieldId, Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .distinct().toList());
            } else {
                values.put(fieldId, value.isBlank() ? List.of() : List.of(value));
            }
        }
        handle(out, actor, new Interaction.FormSubmitted(actor, formId, state, values), formId, values);
    }

    private void handle(Consumer<Activity> out, Actor actor, Interaction interaction, String formId,
                        Map<String, List<String>> submitted) {
        Outcome outcome = chat.handle(interaction);
        answer(out, actor, outcome.reply(), formId, submitted);
        List<Person> unreachable = notifications.unreachable(actor, outcome.notifications());
        for (Person colleague : unreachable) {
            send(out, new Message(colleague.displayName() + " could not be asked yet",
                    List.of(Paragraph.builder().strong(colleague.displayName())
                            .plain(" does not use Handoff in Teams or Slack yet, so they could not be asked now. "
                                    + "Handoff has noted your request; ask them to add the Handoff app.").build())));
        }
        if (graph.person(actor.tenant(), actor.person()).isEmpty()) {
            return; // forgotten (forget-me): MsTeamsPersonalData erased what the adapter kept; nothing more to send
        }
        notifications.deliverLater(actor.tenant(), outcome.notifications());
    }

    private void answer(Consumer<Activity> out, Actor actor, Reply reply, String formId,
                        Map<String, List<String>> submitted) {
        if (reply instanceof Reply.Show show) {
            out.accept(MsTeamsMessages.message(show.message(), actor.tenant(), Optional.of(actor.person()), files));
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
                out.accept(MsTeamsMessages.card(AdaptiveCards.withErrors(card.get(), errors.errors(), submitted),
                        "Please check the form"));
            } else {
                // The card is gone (older than a week): still say what was wrong, never drop it silently.
                List<io.handoff.chat.Block> blocks = new ArrayList<>();
                blocks.add(Paragraph.of("Your answer could not be saved:"));
                errors.errors().values().forEach(text -> blocks.add(Paragraph.of(text)));
                send(out, new Message("Your answer could not be saved", blocks));
            }
        }
    }

    private void sendForm(Consumer<Activity> out, Actor actor, Form form) {
        List<Person> roster = graph.graph(actor.tenant()).people().values().stream()
                .filter(person -> !person.id().equals(actor.person()))
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        ObjectNode card = AdaptiveCards.form(form, roster);
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

    /** The message text without the bot's @mention (channels) and surrounding blanks. */
    static String commandText(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        if (activity.getRecipient() != null && activity.getEntities() != null) {
            String stripped = activity.removeRecipientMention();
            text = stripped == null ? text : stripped;
        }
        return text.replaceAll("(?s)<at>.*?</at>", " ").replace("&nbsp;", " ").strip();
    }
}
