package io.handoff.slack;

import java.io.IOException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.ActionRespondUtility;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.chat.Form;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.slack.SlackActors.Who;

/**
 * What follows an outcome in Slack: a modal opened at once (the trigger id expires within seconds), then after the ack
 * on the executor the reply to the actor, every notification through {@link Delivery}, and the actor's refreshed
 * Home tab.
 */
final class SlackFollowUp {
    private static final Logger log = LoggerFactory.getLogger(SlackFollowUp.class);

    private final ChatBot bot;
    private final Delivery delivery;
    private final SlackPeople people;
    private final Executor afterAck;

    SlackFollowUp(ChatBot bot, Delivery delivery, SlackPeople people, Executor afterAck) {
        this.bot = bot;
        this.delivery = delivery;
        this.people = people;
        this.afterAck = afterAck;
    }

    /** Runs {@link #followUp} on the executor, so the platform gets its ack at once. */
    void afterAck(Who who, Outcome outcome, Message toActor) {
        if (toActor == null && outcome.notifications().isEmpty() && !outcome.homeChanged()) {
            return;
        }
        afterAck.execute(() -> followUp(who, outcome, toActor, null));
    }

    /**
     * The reply to the actor (if any) in {@code channel}, or else in their DM; every notification through
     * {@link Delivery}; then the actor's refreshed Home tab.
     */
    void followUp(Who who, Outcome outcome, Message toActor, String channel) {
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

    /**
     * After the ack: the message the pressed button was on is replaced through the action's response URL
     * ({@code replace_original}); if Slack refuses, the message is sent to the person instead. Then notifications
     * and Home as {@link #followUp}.
     */
    void replaceOriginal(Who who, Outcome outcome, Message replacement, Respond responder) {
        afterAck.execute(() -> {
            Message unsent = replacement;
            try {
                WebhookResponse response = responder.send(ActionResponse.builder().replaceOriginal(true)
                        .text(BlockKit.fallbackText(replacement)).blocks(BlockKit.message(replacement)).build());
                if (response.getCode() != null && response.getCode() / 100 == 2) {
                    unsent = null;
                } else {
                    log.warn("Slack refused to replace a message of {} of tenant {} (HTTP {})", who.person(),
                            who.tenant(), response.getCode());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not replace a message of {} of tenant {}", who.person(), who.tenant(), e);
            }
            followUp(who, outcome, unsent, null);
        });
    }

    /** Posts to a response URL: the button's own ({@code ctx::respond}) or one carried in a modal. */
    @FunctionalInterface
    interface Respond {
        WebhookResponse send(ActionResponse response) throws IOException;

        static Respond of(ActionRespondUtility ctx) {
            return ctx::respond;
        }
    }

    void publishHome(Who who) {
        View home = BlockKit.home(bot.home(who.actor()));
        SlackApi.call("views.publish", () -> who.client().viewsPublish(r -> r.userId(who.slackUserId()).view(home)));
    }

    /** Opens the form as a modal carrying {@code metadata} (the form's state, and where it was opened from). */
    void openModal(Who who, Form form, String triggerId, String metadata) {
        View modal = BlockKit.modal(form, ids -> people.slackIds(who.tenant(), ids));
        modal.setPrivateMetadata(metadata);
        // the trigger id expires within seconds: open the modal now, before anything slow
        SlackApi.call("views.open", () -> who.client().viewsOpen(r -> r.triggerId(triggerId).view(modal)));
    }

    static Form form(Reply reply) {
        return reply instanceof Reply.OpenForm open ? open.form() : ((Reply.NextForm) reply).form();
    }

    static Message shownMessage(Reply reply) {
        if (reply instanceof Reply.Show show) {
            return show.message();
        }
        if (reply instanceof Reply.CloseForm close) {
            return close.message();
        }
        if (reply instanceof Reply.Replace replace) { // nothing to replace: shown as a new message
            return replace.message();
        }
        return null;
    }
}
