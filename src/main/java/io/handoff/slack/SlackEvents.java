package io.handoff.slack;

import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.slack.SlackActors.Who;

/**
 * Events, acknowledged at once and handled after the ack, each only on its first delivery ({@link SlackEventDedup}):
 * the Home tab opened (published afresh) and direct messages (commands of the chat port; a form is offered as a
 * button, as a message event has no trigger id to open a modal with).
 */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final ChatBot bot;
    private final SlackActors actors;
    private final SlackFollowUp followUp;
    private final SlackEventDedup dedup;
    private final Executor afterAck;

    SlackEvents(ChatBot bot, SlackActors actors, SlackFollowUp followUp, SlackEventDedup dedup, Executor afterAck) {
        this.bot = bot;
        this.actors = actors;
        this.followUp = followUp;
        this.dedup = dedup;
        this.afterAck = afterAck;
    }

    Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || !firstDelivery(ctx, payload.getEventId())) {
            return ctx.ack();
        }
        afterAck.execute(() -> {
            try {
                actors.resolve(ctx, event.getUser()).ifPresent(who -> {
                    actors.touched(who);
                    followUp.publishHome(who);
                });
            } catch (RuntimeException e) {
                log.warn("Publishing the Home tab failed", e);
            }
        });
        return ctx.ack();
    }

    Response onDirectMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (!"im".equals(event.getChannelType()) || event.getBotId() != null || event.getUser() == null
                || event.getText() == null || !firstDelivery(ctx, payload.getEventId())) {
            return ctx.ack();
        }
        afterAck.execute(() -> {
            try {
                Optional<Who> resolved = actors.resolve(ctx, event.getUser());
                if (resolved.isEmpty()) {
                    return;
                }
                Who who = resolved.get();
                String text = actors.commandText(who, event.getText());
                Outcome outcome = bot.handle(who.command(text));
                actors.touched(who);
                Reply reply = outcome.reply();
                if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                    // a message event has no trigger id: offer a button, whose press has one
                    SlackApi.call("chat.postMessage", () -> who.client().chatPostMessage(r -> r
                            .channel(event.getChannel())
                            .text(SlackText.escape(SlackFollowUp.form(reply).title()))
                            .blocks(BlockKit.openFormPrompt(SlackFollowUp.form(reply),
                                    SlackText.truncate(text, 2000)))));
                    followUp.followUp(who, outcome, null, null);
                } else {
                    followUp.followUp(who, outcome, SlackFollowUp.shownMessage(reply), event.getChannel());
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
            first = dedup.firstDelivery(actors.tenant(ctx), eventId);
        } catch (RuntimeException e) {
            log.error("Cannot tell whether Slack event {} is new; acknowledging it without acting", eventId, e);
            return false;
        }
        if (!first) {
            log.info("Ignoring redelivery {} of Slack event {}", ctx.getRetryNum(), eventId);
        }
        return first;
    }
}
