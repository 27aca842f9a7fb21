package io.handoff.msteams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;

/**
 * Handoff's Teams bot: translates activities into the chat port's interactions and renders the outcome as Adaptive
 * Cards. Text messages are commands (the bot's @mention stripped in channels; {@code home} shows the home card;
 * answers to a command typed in a channel go to the person's personal chat, never to the channel),
 * Action.Submit data are button presses ({@code {action, value}}) or form submissions ({@code {form, state}} plus the
 * inputs). Every activity resolves its sender to a person, stores their personal conversation reference and records
 * Teams as the platform they used last. Installing the app in a team creates the tenant, answers with a welcome and
 * leaves the roster import to {@link MsTeamsRosterImports} (in the background, which then says how many colleagues it
 * added); colleagues added to the team later are fetched and saved the same way. When Handoff is removed from a team
 * (or the team is deleted) the team channels chosen in it are forgotten; a colleague leaving a team is only logged.
 */
final class MsTeamsBot implements Bot {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsBot.class);
    private static final String SEARCH = "application/search";
    private static final String EXECUTE = "adaptiveCard/action";
    private static final int SEARCH_RESULTS = 15;

    private final ChatBot chat;
    private final GraphStore graph;
    private final MsTeamsPeople people;
    private final ConversationReferences references;
    private final SentForms forms;
    private final PlatformPreference platformPreference;
    private final MsTeamsNotifications notifications;
    private final MsTeamsSender privately;
    private final MsTeamsFiles files;
    private final MsTeamsAddresses addresses;
    private final MsTeamsChannels teamChannels;
    private final MapAccess access;
    private final MsTeamsRosterImports rosters;

    MsTeamsBot(ChatBot chat, GraphStore graph, MsTeamsPeople people, ConversationReferences references, SentForms forms,
             PlatformPreference platformPreference, MsTeamsNotifications notifications, MsTeamsSender privately,
             MsTeamsFiles files, MsTeamsAddresses addresses, MsTeamsChannels teamChannels, MapAccess access,
             MsTeamsRosterImports rosters) {
        this.rosters = rosters;
        this.files = files;
        this.addresses = addresses;
        this.teamChannels = teamChannels;
        this.access = access;
        this.chat = chat;
        this.graph = graph;
        this.people = people;
        this.references = references;
        this.forms = forms;
        this.platformPreference = platformPreference;
        this.notifications = notifications;
        this.privately = privately;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        try {
            Activity activity = turn.getActivity();
            String type = activity.getType() == null ? "" : activity.getType();
            switch (type) {
                case ActivityTypes.MESSAGE -> onMessage(turn);
                case ActivityTypes.CONVERSATION_UPDATE -> onConversationUpdate(turn);
                case ActivityTypes.INSTALLATION_UPDATE -> onInstallationUpdate(turn);
                case ActivityTypes.INVOKE -> onInvoke(turn);
                default -> log.debug("Ignoring a Teams {} activity", type);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- messages: commands, buttons, forms ----

    private void onMessage(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode data = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        converse(turn, data, reply -> turn.sendActivity(reply).join());
    }

    /**
     * A command ({@code data} null: the message text) or the data of a card's action (a button or a form), answered
     * through {@code direct}: in the conversation it came from when that is the person's personal chat, else there
     * only with a pointer to the personal chat, where the answer goes.
     */
    private void converse(TurnContext turn, JsonNode data, Consumer<Activity> direct) {
        Optional<Actor> resolved = actor(turn);
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
        if (!isPersonal(activity)) {
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
                microsoftTenant(activity));
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

    private void sendHome(Consumer<Activity> out, Actor actor) {
        send(out, new Message("Your Handoff home", chat.home(actor).blocks()));
    }

    private static void send(Consumer<Activity> out, Message message) {
        out.accept(MsTeamsMessages.message(message));
    }

    private static void send(TurnContext turn, Activity activity) {
        turn.sendActivity(activity).join();
    }

    private static boolean isPersonal(Activity activity) {
        return activity.getConversation() != null
                && "personal".equals(activity.getConversation().getConversationType());
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

    // ---- installation, roster and people search ----

    private void onConversationUpdate(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (isBot(activity, activity.getMembersRemoved()) || teamDeleted(activity)) {
            onRemovedFromTeam(activity);
            return;
        }
        if (isBot(activity, activity.getMembersAdded())) {
            onInstalled(turn);
        } else {
            actor(turn);
            onMembersRemoved(activity);
            onMembersAdded(turn);
        }
    }

    /** Whether the bot itself (the activity's recipient) is among {@code members}. */
    private static boolean isBot(Activity activity, List<ChannelAccount> members) {
        return members != null && activity.getRecipient() != null && activity.getRecipient().getId() != null
                && members.stream().anyMatch(m -> m != null && activity.getRecipient().getId().equals(m.getId()));
    }

    private static boolean teamDeleted(Activity activity) {
        TeamsChannelData channelData = activity.teamsGetChannelData();
        String event = channelData == null ? null : channelData.getEventType();
        return "teamDeleted".equals(event) || "teamHardDeleted".equals(event);
    }

    /**
     * Handoff was removed from a team, or the team was deleted: forgets what points into it (the team channels chosen
     * there, the roster import's claim) so Handoff stops posting there. People stay: they are still colleagues.
     */
    private void onRemovedFromTeam(Activity activity) {
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = microsoftTenant(activity);
        Optional<TenantId> tenant = microsoftTenant == null ? Optional.empty()
                : graph.tenantForMicrosoft(microsoftTenant);
        if (team == null || team.getId() == null || tenant.isEmpty()) {
            log.debug("Handoff left a Teams conversation outside any known team");
            return;
        }
        List<TeamId> forgotten = teamChannels.forgetMsTeamsTeam(tenant.get(), team.getId());
        rosters.forget(tenant.get(), team.getId());
        log.info("Handoff was removed from Teams team {} of {}: forgot the channels of teams {}", team.getId(),
                tenant.get(), forgotten);
    }

    /** Someone left a team: they are still an employee, so their graph data stays; only noted. */
    private void onMembersRemoved(Activity activity) {
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = microsoftTenant(activity);
        if (activity.getMembersRemoved() == null || microsoftTenant == null) {
            return;
        }
        Optional<TenantId> tenant = graph.tenantForMicrosoft(microsoftTenant);
        if (tenant.isEmpty()) {
            return;
        }
        for (ChannelAccount removed : activity.getMembersRemoved()) {
            if (removed == null || removed.getId() == null || !removed.getId().startsWith("29:")) {
                continue;
            }
            String aad = removed.getAadObjectId();
            Optional<PersonId> known = aad == null || aad.isBlank() ? Optional.empty()
                    : people.known(tenant.get(), aad);
            log.info("{} left Teams team {} of {}; Handoff keeps what it knows about them",
                    known.map(PersonId::value).orElse("A colleague unknown to Handoff"),
                    team == null ? "?" : team.getId(), tenant.get());
        }
    }

    /**
     * Colleagues added to a team after Handoff was installed there: Teams names them by id only, so each one's details
     * are asked of the connector ({@code GET /v3/conversations/{team}/members/{member}}) in the background, after
     * Teams got its answer, and saved exactly as the roster import saves a member. Someone already linked is not
     * asked again (a repeated activity changes nothing); a connector error skips that member and is logged.
     */
    private void onMembersAdded(TurnContext turn) {
        Activity activity = turn.getActivity();
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = microsoftTenant(activity);
        if (team == null || team.getId() == null || microsoftTenant == null || activity.getMembersAdded() == null) {
            return;
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        List<String> unknown = new ArrayList<>();
        for (ChannelAccount added : activity.getMembersAdded()) {
            if (added == null || added.getId() == null || !added.getId().startsWith("29:")) {
                continue; // bots (28:) and blanks are not colleagues
            }
            String aad = added.getAadObjectId();
            Optional<PersonId> known = aad == null || aad.isBlank() ? Optional.empty() : people.known(tenant, aad);
            if (known.isPresent()) {
                addresses.rememberUserId(tenant, known.get(), added.getId());
            } else {
                unknown.add(added.getId());
            }
        }
        if (!unknown.isEmpty()) {
            rosters.fetchJoiners(tenant, activity.getConversationReference(), team.getId(), unknown);
        }
    }

    private void onInstallationUpdate(TurnContext turn) {
        String action = turn.getActivity().getAction();
        if (action != null && action.toLowerCase(Locale.ROOT).startsWith("add")) {
            actor(turn);
        }
    }

    private void onInstalled(TurnContext turn) {
        Activity activity = turn.getActivity();
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = microsoftTenant(activity);
        if (microsoftTenant == null) {
            return;
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        addresses.rememberServiceUrl(tenant, activity.getServiceUrl());
        if (team == null || team.getId() == null) {
            actor(turn).ifPresent(installer -> sendHome(reply -> turn.sendActivity(reply).join(), installer));
            return;
        }
        // Someone new to Handoff is resolved by the import (with their email from the roster), not here: asking the
        // connector for them would hold Teams' answer up again.
        ChannelAccount from = activity.getFrom();
        if (from != null && from.getAadObjectId() != null && !from.getAadObjectId().isBlank()
                && people.known(tenant, from.getAadObjectId()).isPresent()) {
            actor(turn);
        }
        String name = team.getName() == null || team.getName().isBlank() ? "this team" : team.getName();
        MsTeamsRosterImports.Start start = rosters.importRoster(tenant, activity.getConversationReference(),
                team.getId(), name);
        if (start == MsTeamsRosterImports.Start.ALREADY_CLAIMED) {
            return; // Teams sent the install again: the first one is being answered
        }
        Paragraph roster = start == MsTeamsRosterImports.Start.STARTED
                ? Paragraph.of("Handoff is adding the team's colleagues now and will say here when they are in.")
                : Paragraph.of("Handoff is adding many teams at once and could not add this team's colleagues now: "
                        + "remove Handoff from the team and add it again in a few minutes.");
        send(turn, MsTeamsMessages.message(new Message("Handoff is installed", List.of(
                Paragraph.builder().plain("Handoff is installed in ").strong(name).plain(".").build(),
                roster,
                Paragraph.builder().plain("Open a personal chat with Handoff and say ").strong("customers")
                        .plain(" to name who depends on your work.").build()))));
    }

    /**
     * Every invoke gets a 200 invoke response (anything else shows the person an error): the people search of the
     * forms' picker, Universal Actions ({@code adaptiveCard/action}, Action.Execute), and an empty one for the rest.
     */
    private void onInvoke(TurnContext turn) {
        Activity activity = turn.getActivity();
        String name = activity.getName() == null ? "" : activity.getName();
        switch (name) {
            case SEARCH -> onSearch(turn);
            case EXECUTE -> onExecute(turn);
            default -> {
                log.debug("Acknowledging a Teams invoke Handoff does not handle: {}", MsTeamsRequestGate.shown(name));
                invokeResponse(turn, null);
            }
        }
    }

    /**
     * Action.Execute (Universal Actions): its data are read as an Action.Submit's (a button or a form) and the first
     * answer replaces the card in place, as the adaptive-card invoke response; further answers follow as messages.
     */
    private void onExecute(TurnContext turn) {
        JsonNode value = turn.getActivity().getValue() == null ? JsonNodeFactory.instance.objectNode()
                : Serialization.objectToTree(turn.getActivity().getValue());
        JsonNode data = value.path("action").path("data");
        List<Activity> answers = new ArrayList<>();
        if (data.isObject() && (data.hasNonNull(AdaptiveCards.FORM) || data.hasNonNull(AdaptiveCards.ACTION))) {
            converse(turn, data, answers::add);
        } else {
            send(answers::add, Message.text("That button is no longer valid. Say home to start again."));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("statusCode", 200);
        Optional<JsonNode> card = answers.isEmpty() ? Optional.empty() : card(answers.get(0));
        if (card.isPresent()) {
            body.put("type", AdaptiveCards.CONTENT_TYPE).set("value", card.get());
            answers.remove(0);
        } else {
            body.put("type", "application/vnd.microsoft.activity.message").put("value", "Done.");
        }
        answers.forEach(answer -> turn.sendActivity(answer).join());
        invokeResponse(turn, body);
    }

    private static Optional<JsonNode> card(Activity answer) {
        if (answer.getAttachments() == null) {
            return Optional.empty();
        }
        return answer.getAttachments().stream()
                .filter(attachment -> AdaptiveCards.CONTENT_TYPE.equals(attachment.getContentType()))
                .map(attachment -> Serialization.objectToTree(attachment.getContent())).findFirst();
    }

    private static void invokeResponse(TurnContext turn, Object body) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, body));
        turn.sendActivity(response).join();
    }

    private void onSearch(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode query = activity.getValue() == null ? JsonNodeFactory.instance.objectNode()
                : Serialization.objectToTree(activity.getValue());
        String text = query.path("queryText").asText("").strip().toLowerCase(Locale.ROOT);
        String microsoftTenant = microsoftTenant(activity);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("type", "application/vnd.microsoft.search.searchResponse");
        var results = body.putObject("value").putArray("results");
        Optional<TenantId> tenant = microsoftTenant == null ? Optional.empty()
                : graph.tenantForMicrosoft(microsoftTenant);
        if (tenant.isPresent() && AdaptiveCards.PEOPLE_DATASET.equals(query.path("dataset").asText())) {
            graph.graph(tenant.get()).people().values().stream()
                    .filter(p -> p.displayName().toLowerCase(Locale.ROOT).contains(text)
                            || (p.email() != null && p.email().startsWith(text)))
                    .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                    .limit(SEARCH_RESULTS)
                    .forEach(p -> results.addObject().put("title", p.displayName()).put("value", p.id().value()));
        }
        invokeResponse(turn, body);
    }

    // ---- who is acting ----

    /**
     * The tenant and person behind the activity's sender, or empty when it has no Microsoft 365 tenant or Entra
     * user. Stores their personal conversation reference and records Teams as their latest platform.
     */
    private Optional<Actor> actor(TurnContext turn) {
        Activity activity = turn.getActivity();
        String microsoftTenant = microsoftTenant(activity);
        ChannelAccount from = activity.getFrom();
        if (microsoftTenant == null || from == null || from.getAadObjectId() == null
                || from.getAadObjectId().isBlank()) {
            return Optional.empty();
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        String aad = from.getAadObjectId();
        PersonId person = people.known(tenant, aad)
                .orElseGet(() -> people.resolve(tenant, aad, from.getName(), email(turn, from)));
        if (isPersonal(activity)) {
            references.save(tenant, person, activity.getConversationReference());
        }
        addresses.remember(tenant, person, activity.getServiceUrl(), from.getId());
        platformPreference.touched(tenant, person, Platform.TEAMS);
        return Optional.of(new Actor(tenant, person));
    }

    /**
     * The activity's Microsoft 365 tenant: {@code conversation.tenantId}, else {@code channelData.tenant.id}
     * ({@link MsTeamsRequestGate} let the activity in only if they agree and are GUIDs).
     */
    private static String microsoftTenant(Activity activity) {
        String id = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        if (id == null || id.isBlank()) {
            TeamsChannelData channelData = activity.teamsGetChannelData();
            id = channelData == null || channelData.getTenant() == null ? null : channelData.getTenant().getId();
        }
        return id == null || id.isBlank() ? null : id.strip();
    }

    /** The sender's email (or user principal name) from Teams, asked once when they are new to Handoff. */
    private static String email(TurnContext turn, ChannelAccount from) {
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turn, from.getId()).join();
            if (member == null) {
                return null;
            }
            return member.getEmail() != null ? member.getEmail() : member.getUserPrincipalName();
        } catch (CompletionException | IllegalStateException | IllegalArgumentException e) {
            log.warn("Could not read the email of Teams user {}: {}", from.getAadObjectId(), e.getMessage());
            return null;
        }
    }
}
