package io.handoff.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Translates Slack requests into the chat port and back: slash commands and DMs become commands, button presses
 * {@link Interaction.ButtonPressed}, modal submissions {@link Interaction.FormSubmitted}; the reply is rendered as
 * Block Kit within Slack's 3-second window, and everything slow (notifications, DMs, uploads, Home tab updates)
 * runs on the executor after the ack.
 */
final class SlackListeners {
    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);
    static final String SYNC_TEAMS = "sync-teams";
    static final String TEAM_CHANNEL = "team-channel";
    private static final String SORRY = "Sorry, something went wrong on our side. Please try again in a minute.";

    private final ChatBot bot;
    private final Delivery delivery;
    private final SlackWorkspaces workspaces;
    private final SlackPeople people;
    private final SlackRoster roster;
    private final SlackEventDedup dedup;
    private final Executor afterAck;
    private final SlackTeamChannels teamChannels;

    SlackListeners(ChatBot bot, Delivery delivery, SlackWorkspaces workspaces, SlackPeople people, SlackRoster roster,
                   SlackEventDedup dedup, PlatformPreference platformPreference, Executor afterAck,
                   SlackTeamChannels teamChannels) {
        this.teamChannels = teamChannels;
        this.platformPreference = platformPreference;
        this.bot = bot;
        this.delivery = delivery;
        this.workspaces = workspaces;
        this.people = people;
        this.roster = roster;
        this.dedup = dedup;
        this.afterAck = afterAck;
    }

    private final PlatformPreference platformPreference;

    void registerOn(App app) {
        app.command(SlackIgnoredRequests.ANY, this::onCommand);
        app.event(AppHomeOpenedEvent.class, this::onHomeOpened);
        app.event(MessageEvent.class, this::onDirectMessage);
        // every id: a button or modal Handoff does not know (an old message, an unknown action id) is acknowledged
        app.blockAction(SlackIgnoredRequests.ANY, this::onButton);
        app.viewSubmission(SlackIgnoredRequests.ANY, this::onSubmission);
        app.viewClosed(SlackIgnoredRequests.ANY, (request, ctx) -> ctx.ack());
        app.enableTokenRevocationHandlers();
    }

    /** The person who acted, in their tenant, with a Web API client bound to the workspace's bot token. */
    record Who(TenantId tenant, PersonId person, String slackUserId, MethodsClient client) {
        Actor actor() {
            return new Actor(tenant, person);
        }
    }

    // ---- slash commands ------------------------------------------------------------------------------------------

    private Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        try {
            Optional<Who> resolved = resolve(ctx, payload.getUserId());
            if (resolved.isEmpty()) {
                return ctx.ack(ephemeral(Message.text("Handoff works for people of this workspace only.")));
            }
            Who who = resolved.get();
            String text = people.mentionsAsPeople(who.tenant(), SlackEntities.unescape(payload.getText()));
            if (text.strip().equalsIgnoreCase(SYNC_TEAMS)) {
                return ctx.ack(ephemeral(Message.text(syncTeams(who))));
            }
            String[] command = text.strip().split("\\s+", 2);
            if (command[0].equalsIgnoreCase(TEAM_CHANNEL)) {
                return ctx.ack(ephemeral(Message.text(teamChannel(who, command.length > 1 ? command[1] : ""))));
            }
            Outcome outcome = bot.handle(new Interaction.Command(who.actor(), text));
            Message shown = null;
            Reply reply = outcome.reply();
            if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                openModal(who, form(reply), payload.getTriggerId());
            } else if (reply instanceof Reply.Show show) {
                shown = show.message();
            } else if (reply instanceof Reply.CloseForm close) {
                shown = close.message();
            } else if (reply instanceof Reply.FormErrors errors) {
                shown = Message.text(String.join("\n", errors.errors().values()));
            }
            afterAck(who, outcome, shown == null ? null : attachmentsOnly(shown));
            return shown == null ? ctx.ack() : ctx.ack(ephemeral(shown));
        } catch (RuntimeException e) {
            log.error("Slash command failed", e);
            return ctx.ack(ephemeral(Message.text(SORRY)));
        }
    }

    private String syncTeams(Who who) {
        com.slack.api.model.User user = SlackApi.call("users.info",
                () -> who.client().usersInfo(r -> r.user(who.slackUserId()))).getUser();
        if (user == null || !(user.isAdmin() || user.isOwner())) {
            return "Only workspace admins and owners can sync teams from user groups.";
        }
        afterAck.execute(() -> {
            try {
                roster.sync(who.tenant(), who.client());
            } catch (RuntimeException e) {
                log.warn("Syncing user groups of tenant {} failed", who.tenant(), e);
            }
        });
        return "Syncing teams from your Slack user groups now.";
    }

    private String teamChannel(Who who, String arguments) {
        com.slack.api.model.User user = SlackApi.call("users.info",
                () -> who.client().usersInfo(r -> r.user(who.slackUserId()))).getUser();
        if (user == null || !(user.isAdmin() || user.isOwner())) {
            return "Only workspace admins and owners can set a team's channel.";
        }
        return teamChannels.configure(who.tenant(), arguments);
    }

    private static SlashCommandResponse ephemeral(Message message) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallbackText(message))
                .blocks(BlockKit.message(message)).build();
    }

    // ---- events ----------------------------------------------------------------------------------------------------

    private Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || !firstDelivery(ctx, payload.getEventId())) {
            return ctx.ack();
        }
        afterAck.execute(() -> {
            try {
                resolve(ctx, event.getUser()).ifPresent(this::publishHome);
            } catch (RuntimeException e) {
                log.warn("Publishing the Home tab failed", e);
            }
        });
        return ctx.ack();
    }

    private Response onDirectMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (!"im".equals(event.getChannelType()) || event.getBotId() != null || event.getUser() == null
                || event.getText() == null || !firstDelivery(ctx, payload.getEventId())) {
            return ctx.ack();
        }
        afterAck.execute(() -> {
            try {
                Optional<Who> resolved = resolve(ctx, event.getUser());
                if (resolved.isEmpty()) {
                    return;
                }
                Who who = resolved.get();
                String text = people.mentionsAsPeople(who.tenant(), SlackEntities.unescape(event.getText()));
                Outcome outcome = bot.handle(new Interaction.Command(who.actor(), text));
                Reply reply = outcome.reply();
                if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                    // a message event has no trigger id: offer a button, whose press has one
                    SlackApi.call("chat.postMessage", () -> who.client().chatPostMessage(r -> r
                            .channel(event.getChannel())
                            .text(SlackText.escape(form(reply).title()))
                            .blocks(BlockKit.openFormPrompt(form(reply), SlackText.truncate(text, 2000)))));
                    followUp(who, outcome, null, null);
                } else {
                    followUp(who, outcome, shownMessage(reply), event.getChannel());
                }
            } catch (RuntimeException e) {
                log.warn("Answering a direct message failed", e);
            }
        });
        return ctx.ack();
    }

    private boolean firstDelivery(EventContext ctx, String eventId) {
        boolean first;
        try {
            first = dedup.firstDelivery(tenant(ctx), eventId);
        } catch (RuntimeException e) {
            log.error("Cannot tell whether Slack event {} is new; acknowledging it without acting", eventId, e);
            return false;
        }
        if (!first) {
            log.info("Ignoring redelivery {} of Slack event {}", ctx.getRetryNum(), eventId);
        }
        return first;
    }

    // ---- buttons ---------------------------------------------------------------------------------------------------

    private Response onButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action pressed = payload.getActions().get(0);
        String actionId = BlockKit.coreActionId(pressed.getActionId() == null ? "" : pressed.getActionId());
        if (actionId.equals(BlockKit.LINK_ACTION) || actionId.isEmpty()) {
            return ctx.ack();
        }
        try {
            Optional<Who> resolved = resolve(ctx, payload.getUser().getId());
            if (resolved.isEmpty()) {
                return ctx.ack();
            }
            Who who = resolved.get();
            String value = pressed.getValue() == null ? "" : pressed.getValue();
            Interaction interaction = actionId.equals(BlockKit.OPEN_ACTION)
                    ? new Interaction.Command(who.actor(), value)
                    : new Interaction.ButtonPressed(who.actor(), new Action(actionId, SlackText.truncate(value,
                    Action.MAX_VALUE)));
            Outcome outcome = bot.handle(interaction);
            Reply reply = outcome.reply();
            if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                openModal(who, form(reply), payload.getTriggerId());
                afterAck(who, outcome, null);
            } else {
                afterAck(who, outcome, shownMessage(reply));
            }
        } catch (RuntimeException e) {
            log.error("Button {} failed", actionId, e);
        }
        return ctx.ack();
    }

    // ---- modals ----------------------------------------------------------------------------------------------------

    private Response onSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        View view = payload.getView();
        try {
            Optional<Who> resolved = resolve(ctx, payload.getUser().getId());
            if (resolved.isEmpty() || view == null || view.getCallbackId() == null || view.getCallbackId().isBlank()) {
                return ctx.ack();
            }
            Who who = resolved.get();
            Map<String, List<String>> values = values(who, view.getState());
            Outcome outcome = bot.handle(new Interaction.FormSubmitted(who.actor(), view.getCallbackId(),
                    view.getPrivateMetadata(), values));
            Reply reply = outcome.reply();
            if (reply instanceof Reply.FormErrors errors) {
                afterAck(who, outcome, null);
                return ctx.ackWithErrors(BlockKit.errors(errors.errors()));
            }
            if (reply instanceof Reply.NextForm || reply instanceof Reply.OpenForm) {
                afterAck(who, outcome, null);
                return ctx.ackWithUpdate(BlockKit.modal(form(reply), ids -> people.slackIds(who.tenant(), ids)));
            }
            afterAck(who, outcome, shownMessage(reply));
            return ctx.ack();
        } catch (RuntimeException e) {
            log.error("Form {} failed", view == null ? null : view.getCallbackId(), e);
            return ctx.ack();
        }
    }

    /** Field id → submitted values; Slack user ids of people pickers become person ids. */
    private Map<String, List<String>> values(Who who, ViewState state) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, actions) -> actions.forEach((actionId, value) -> {
            List<String> submitted = new ArrayList<>();
            if (value.getSelectedUsers() != null) {
                for (String slackUser : value.getSelectedUsers()) {
                    people.resolve(who.tenant(), slackUser, who.client()).map(PersonId::value)
                            .filter(id -> !submitted.contains(id)).ifPresent(submitted::add);
                }
            } else if (value.getSelectedUser() != null) {
                people.resolve(who.tenant(), value.getSelectedUser(), who.client()).map(PersonId::value)
                        .ifPresent(submitted::add);
            } else if (value.getSelectedOption() != null && value.getSelectedOption().getValue() != null) {
                submitted.add(value.getSelectedOption().getValue());
            } else if (value.getSelectedOptions() != null) {
                value.getSelectedOptions().forEach(option -> submitted.add(option.getValue()));
            } else if (value.getValue() != null && !value.getValue().isBlank()) {
                submitted.add(value.getValue());
            }
            values.put(blockId, submitted);
        }));
        return values;
    }

    private void openModal(Who who, Form form, String triggerId) {
        View modal = BlockKit.modal(form, ids -> people.slackIds(who.tenant(), ids));
        // the trigger id expires within seconds: open the modal now, before anything slow
        SlackApi.call("views.open", () -> who.client().viewsOpen(r -> r.triggerId(triggerId).view(modal)));
    }

    // ---- after the ack ---------------------------------------------------------------------------------------------

    /** Runs {@link #followUp} on the executor, so the platform gets its ack at once. */
    private void afterAck(Who who, Outcome outcome, Message toActor) {
        if (toActor == null && outcome.notifications().isEmpty() && !outcome.homeChanged()) {
            return;
        }
        afterAck.execute(() -> followUp(who, outcome, toActor, null));
    }

    /**
     * The reply to the actor (if any) in {@code channel}, or else in their DM; every notification through
     * {@link Delivery}; then the actor's refreshed Home tab.
     */
    private void followUp(Who who, Outcome outcome, Message toActor, String channel) {
        if (toActor != null) {
            try {
                SlackMessenger.post(who.client(), channel == null ? who.slackUserId() : channel, who.slackUserId(),
                        toActor, SlackMessenger.RateLimits.WAIT);
            } catch (RuntimeException e) {
                log.warn("Could not send the reply to {} of tenant {}", who.person(), who.tenant(), e);
            }
        }
        for (Notification notification : outcome.notifications()) {
            try {
                delivery.deliver(who.tenant(), notification, notification.key());
            } catch (RuntimeException e) {
                log.warn("Could not deliver {} to {} of tenant {}", notification.key(), notification.to(),
                        who.tenant(), e);
            }
        }
        if (outcome.homeChanged()) {
            try {
                publishHome(who);
            } catch (RuntimeException e) {
                log.warn("Could not refresh the Home tab of {} of tenant {}", who.person(), who.tenant(), e);
            }
        }
    }

    private void publishHome(Who who) {
        View home = BlockKit.home(bot.home(who.actor()));
        SlackApi.call("views.publish", () -> who.client().viewsPublish(r -> r.userId(who.slackUserId()).view(home)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Optional<Who> resolve(Context ctx, String slackUserId) {
        TenantId tenant = tenant(ctx);
        Optional<Who> who = people.resolve(tenant, slackUserId, ctx.client())
                .map(person -> new Who(tenant, person, slackUserId, ctx.client()));
        // Messages go where the person answered last (unless they chose a platform).
        who.ifPresent(found -> platformPreference.touched(tenant, found.person(), Platform.SLACK));
        return who;
    }

    /** The tenant of the request's workspace; the first request of a new workspace creates it and syncs its teams. */
    private TenantId tenant(Context ctx) {
        String teamName = ctx.getAuthTestResponse() == null ? null : ctx.getAuthTestResponse().getTeam();
        SlackWorkspaces.Registration registration = workspaces.register(ctx.getEnterpriseId(), ctx.getTeamId(),
                ctx.isEnterpriseInstall(), teamName);
        if (registration.created()) {
            MethodsClient client = ctx.client();
            afterAck.execute(() -> {
                try {
                    roster.sync(registration.tenant(), client);
                } catch (RuntimeException e) {
                    log.warn("Syncing user groups of the new tenant {} failed", registration.tenant(), e);
                }
            });
        }
        return registration.tenant();
    }

    private static Form form(Reply reply) {
        return reply instanceof Reply.OpenForm open ? open.form() : ((Reply.NextForm) reply).form();
    }

    private static Message shownMessage(Reply reply) {
        if (reply instanceof Reply.Show show) {
            return show.message();
        }
        if (reply instanceof Reply.CloseForm close) {
            return close.message();
        }
        return null;
    }

    /** After an ephemeral reply the files of the message still need a DM (ephemeral messages carry no files). */
    private static Message attachmentsOnly(Message message) {
        return message.attachments().isEmpty() ? null : new Message(message.summary(), List.of(), message.attachments());
    }
}
