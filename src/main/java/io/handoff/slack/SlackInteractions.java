package io.handoff.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import io.handoff.chat.Action;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Form;
import io.handoff.chat.Message;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.PersonId;
import io.handoff.slack.SlackActors.Who;

/**
 * Interactions: button presses become {@link Interaction.ButtonPressed} (the "open" button a command), handled on
 * the after-ack executor with the ack waiting at most the ack wait (SLACK_ACK_WAIT), as slash commands are; modal
 * submissions {@link Interaction.FormSubmitted} with people pickers' Slack users resolved to persons; form errors, a
 * next form or the close are the submission's ack, everything else follows after it.
 */
final class SlackInteractions {
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final ChatBot bot;
    private final SlackActors actors;
    private final SlackFollowUp followUp;
    /** What a people picker says while Slack has not yet said who some of the picked users are. */
    static final String STILL_LOOKING = "Slack is still telling me who some of these colleagues are. "
            + "Please press the button again in a moment.";

    private final SlackPeople people;
    private final SlackUserLookups lookups;
    private final SlackModalOrigin origins;
    private final Executor executor;
    private final Duration ackWait;

    SlackInteractions(ChatBot bot, SlackActors actors, SlackFollowUp followUp, SlackPeople people,
                      SlackUserLookups lookups, SlackModalOrigin origins, Executor executor, Duration ackWait) {
        this.bot = bot;
        this.executor = executor;
        this.ackWait = ackWait;
        this.origins = origins;
        this.actors = actors;
        this.followUp = followUp;
        this.people = people;
        this.lookups = lookups;
    }

    Response onButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action pressed = payload.getActions().get(0);
        String actionId = BlockKit.coreActionId(pressed.getActionId() == null ? "" : pressed.getActionId());
        if (actionId.equals(BlockKit.LINK_ACTION) || actionId.isEmpty()) {
            return ctx.ack();
        }
        // like a slash command: handled on the after-ack executor, the ack waiting for it at most the ack wait (a
        // button that draws a map or opens a report must not hold the ack); the answer follows after the ack anyway
        CompletableFuture<Void> press;
        try {
            press = CompletableFuture.runAsync(() -> press(payload, pressed, actionId, ctx), executor);
        } catch (RuntimeException rejected) { // shutting down
            log.warn("Button {} refused while shutting down", actionId);
            return ctx.ack();
        }
        try {
            press.get(ackWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            log.debug("Button {} still running when its ack went", actionId);
        } catch (ExecutionException failed) {
            log.error("Button {} failed", actionId, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return ctx.ack();
    }

    /** The button's interaction handled, its answer and follow-ups scheduled; failures are logged. */
    private void press(BlockActionPayload payload, BlockActionPayload.Action pressed, String actionId,
                       ActionContext ctx) {
        try {
            Optional<Who> resolved = actors.resolve(ctx, payload.getUser().getId());
            if (resolved.isEmpty()) {
                return;
            }
            Who who = resolved.get();
            String value = pressed.getValue() == null ? "" : pressed.getValue();
            Interaction interaction = actionId.equals(BlockKit.OPEN_ACTION)
                    ? who.command(value)
                    : new Interaction.ButtonPressed(who.actor(), new Action(actionId, SlackText.truncate(value,
                    Action.MAX_VALUE)));
            Outcome outcome = bot.handle(interaction);
            actors.touchedAfterAck(who);
            Reply reply = outcome.reply();
            String responseUrl = payload.getResponseUrl() == null || payload.getResponseUrl().isBlank() ? null
                    : payload.getResponseUrl();
            if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                // the modal carries where it was opened from, so its submission can replace that message
                Form form = SlackFollowUp.form(reply);
                followUp.openModal(who, form, payload.getTriggerId(), origins.wrap(form.state(), responseUrl));
                Optional<Message> replacing = reply instanceof Reply.OpenForm open ? open.replacing() : Optional.empty();
                if (replacing.isPresent() && responseUrl != null) {
                    // "Yes, and there's more": the question becomes its answer while the form opens
                    followUp.replaceOriginal(who, outcome, replacing.get(), SlackFollowUp.Respond.of(ctx));
                } else {
                    followUp.afterAck(who, outcome, replacing.orElse(null));
                }
            } else if (reply instanceof Reply.Replace replace && payload.getResponseUrl() != null
                    && !payload.getResponseUrl().isBlank()) {
                // the message the button was on (not a Home tab: that has no response URL) becomes the answer
                followUp.replaceOriginal(who, outcome, replace.message(), SlackFollowUp.Respond.of(ctx));
            } else {
                followUp.afterAck(who, outcome, SlackFollowUp.shownMessage(reply));
            }
        } catch (RuntimeException e) {
            log.error("Button {} failed", actionId, e);
        }
    }

    Response onSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        View view = payload.getView();
        try {
            Optional<Who> resolved = actors.resolve(ctx, payload.getUser().getId());
            if (resolved.isEmpty() || view == null || view.getCallbackId() == null || view.getCallbackId().isBlank()) {
                return ctx.ack();
            }
            Who who = resolved.get();
            SlackUserLookups.Resolved users = lookups.resolve(who.tenant(), pickedUsers(view.getState()), who.client());
            Map<String, String> stillLooking = new LinkedHashMap<>();
            Map<String, List<String>> values = values(view.getState(), users, stillLooking);
            if (!stillLooking.isEmpty()) {
                actors.touchedAfterAck(who);
                return ctx.ackWithErrors(BlockKit.errors(stillLooking));
            }
            SlackModalOrigin.Carried carried = SlackModalOrigin.unwrap(view.getPrivateMetadata());
            Outcome outcome = bot.handle(new Interaction.FormSubmitted(who.actor(), view.getCallbackId(),
                    carried.state(), values));
            actors.touchedAfterAck(who);
            Reply reply = outcome.reply();
            if (reply instanceof Reply.FormErrors errors) {
                followUp.afterAck(who, outcome, null);
                return ctx.ackWithErrors(BlockKit.errors(errors.errors()));
            }
            if (reply instanceof Reply.NextForm || reply instanceof Reply.OpenForm) {
                followUp.afterAck(who, outcome, null);
                Form next = SlackFollowUp.form(reply);
                View modal = BlockKit.modal(next, ids -> people.slackIds(who.tenant(), ids));
                modal.setPrivateMetadata(origins.wrap(next.state(), carried.responseUrl().orElse(null)));
                return ctx.ackWithUpdate(modal);
            }
            if (reply instanceof Reply.CloseForm close && close.replacesOrigin() && carried.responseUrl().isPresent()) {
                String url = carried.responseUrl().get();
                if (origins.trusted(url)) {
                    // the message whose button opened this modal becomes the answer
                    followUp.replaceOriginal(who, outcome, close.message(),
                            new Responder(ctx.getSlack(), url)::send);
                    return ctx.ack();
                }
                log.warn("A modal of {} in tenant {} carried a response URL that is not Slack's; not posted to it",
                        who.person(), who.tenant());
            }
            followUp.afterAck(who, outcome, SlackFollowUp.shownMessage(reply));
            return ctx.ack();
        } catch (RuntimeException e) {
            log.error("Form {} failed", view == null ? null : view.getCallbackId(), e);
            return ctx.ack();
        }
    }

    /** Every Slack user picked in the form's people pickers, to be looked up together. */
    private static List<String> pickedUsers(ViewState state) {
        List<String> users = new ArrayList<>();
        if (state == null || state.getValues() == null) {
            return users;
        }
        state.getValues().values().forEach(actions -> actions.values().forEach(value -> {
            if (value.getSelectedUsers() != null) {
                users.addAll(value.getSelectedUsers());
            } else if (value.getSelectedUser() != null) {
                users.add(value.getSelectedUser());
            }
        }));
        return users;
    }

    /**
     * Field id → submitted values; Slack user ids of people pickers become person ids ({@code users}). A picker with
     * a user still being looked up gets an entry in {@code stillLooking} (block id → what to say).
     */
    private static Map<String, List<String>> values(ViewState state, SlackUserLookups.Resolved users,
                                                    Map<String, String> stillLooking) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, actions) -> actions.forEach((actionId, value) -> {
            List<String> submitted = new ArrayList<>();
            List<String> picked = value.getSelectedUsers() != null ? value.getSelectedUsers()
                    : value.getSelectedUser() != null ? List.of(value.getSelectedUser()) : null;
            if (picked != null) {
                for (String slackUser : picked) {
                    if (users.pending().contains(slackUser)) {
                        stillLooking.put(blockId, STILL_LOOKING);
                    }
                    Optional.ofNullable(users.people().get(slackUser)).map(PersonId::value)
                            .filter(id -> !submitted.contains(id)).ifPresent(submitted::add);
                }
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
}
