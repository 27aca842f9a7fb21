package io.handoff.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.slack.SlackActors.Who;

/**
 * Slash commands: every text is a command of the chat port (the admins' {@code team-channel} and {@code sync-teams}
 * too, which the core parses and checks). Over HTTP the command runs on the request thread and a timer acknowledges
 * it once {@code ackWait} (SLACK_ACK_WAIT) is over ({@link SlackEarlyAck}); in Socket Mode, or with an ack wait of 0,
 * it runs on the after-ack executor and the ack waits for it at most {@code ackWait}. Answered by then (help, most commands), the ack is the
 * ephemeral answer (a form opens as a modal); still running (a map being drawn, a report, a slow Slack call), the ack
 * is a short ephemeral "Working on it…" and the answer follows through the command's {@code response_url}
 * (ephemeral; the person's DM if Slack refuses it). One rule for every command, whatever makes it slow, so no
 * acknowledgement waits for a picture or a Web API call. Files of an answer go to the person's DM after the ack in both
 * cases (ephemeral messages carry no files), with the three upload calls.
 */
final class SlackSlashCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackSlashCommands.class);
    static final String SORRY = "Sorry, something went wrong on our side. Please try again in a minute.";
    static final String WORKING = "Working on it…";

    private final ChatBot bot;
    private final SlackActors actors;
    private final SlackFollowUp followUp;
    private final Executor executor;
    private final Duration ackWait;

    SlackSlashCommands(ChatBot bot, SlackActors actors, SlackFollowUp followUp, Executor executor, Duration ackWait) {
        this.bot = bot;
        this.actors = actors;
        this.followUp = followUp;
        this.executor = executor;
        this.ackWait = ackWait;
    }

    /** What a command came to: the ephemeral answer (if any), and whose outcome follows after the ack. */
    private record Answer(Message shown, Who who, Outcome outcome) {
        static Answer only(Message shown) {
            return new Answer(shown, null, null);
        }

        /** After the ack: the files of the answer to the DM, notifications, the Home tab. */
        void follow(SlackFollowUp followUp) {
            if (who != null) {
                followUp.afterAck(who, outcome, shown == null ? null : attachmentsOnly(shown));
            }
        }
    }

    Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        Optional<SlackEarlyAck> early = SlackEarlyAck.current();
        if (early.isPresent() && !ackWait.isZero() && !ackWait.isNegative()) {
            return onThisThread(payload, ctx, early.get());
        }
        CompletableFuture<Answer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> answer(payload, ctx), executor);
        } catch (RuntimeException rejected) { // the executor is shutting down
            log.warn("Slash command refused while shutting down", rejected);
            return ack(ephemeral(Message.text(SORRY)));
        }
        try {
            Answer now = answer.get(ackWait.toNanos(), TimeUnit.NANOSECONDS);
            now.follow(followUp);
            return now.shown() == null ? ctx.ack() : ack(ephemeral(now.shown()));
        } catch (TimeoutException slow) {
            // the answer follows through the response URL once it is ready; the ack goes now
            String responseUrl = payload.getResponseUrl();
            answer.whenCompleteAsync((late, failure) -> answerLate(ctx, responseUrl, late, failure), executor);
            return ack(ephemeral(Message.text(WORKING)));
        } catch (ExecutionException failed) {
            log.error("Slash command failed", failed.getCause());
            return ack(ephemeral(Message.text(SORRY)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ack(ephemeral(Message.text(SORRY)));
        }
    }

    /**
     * Over HTTP: the command runs on the request thread, and a timer acknowledges it with "Working on it…" if it is
     * still running after the ack wait; then its answer follows through the response URL, as when it runs on the
     * executor. A quick command is answered in its ack without any thread hand-off.
     */
    private Response onThisThread(SlashCommandPayload payload, SlashCommandContext ctx, SlackEarlyAck early) {
        early.answerAfter(ackWait, () -> ack(ephemeral(Message.text(WORKING))));
        Answer now = null;
        RuntimeException failure = null;
        try {
            now = answer(payload, ctx);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (!early.claim()) {
            Answer late = now;
            Throwable failed = failure;
            String responseUrl = payload.getResponseUrl();
            try {
                executor.execute(() -> answerLate(ctx, responseUrl, late, failed));
            } catch (RuntimeException rejected) { // the executor is shutting down: answer on this thread
                answerLate(ctx, responseUrl, late, failed);
            }
            return ctx.ack(); // not sent: the request has its acknowledgement
        }
        if (failure != null) {
            log.error("Slash command failed", failure);
            return ack(ephemeral(Message.text(SORRY)));
        }
        now.follow(followUp);
        return now.shown() == null ? ctx.ack() : ack(ephemeral(now.shown()));
    }

    /** Runs the command: who says it, the core's outcome, and what the person is shown (a form opens as a modal). */
    private Answer answer(SlashCommandPayload payload, SlashCommandContext ctx) {
        Optional<Who> resolved = actors.resolve(ctx, payload.getUserId());
        if (resolved.isEmpty()) {
            return Answer.only(Message.text("Handoff works for people of this workspace only."));
        }
        Who who = resolved.get();
        String text = actors.commandText(who, payload.getText());
        Outcome outcome = bot.handle(who.command(text));
        actors.touchedAfterAck(who);
        Message shown = null;
        Reply reply = outcome.reply();
        if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
            // the trigger id is valid for 3 s after the command: opened here, at once, in both cases
            followUp.openModal(who, SlackFollowUp.form(reply), payload.getTriggerId(),
                    SlackModalOrigin.stateOnly(SlackFollowUp.form(reply).state()));
        } else if (reply instanceof Reply.FormErrors errors) {
            shown = Message.text(String.join("\n", errors.errors().values()));
        } else {
            shown = SlackFollowUp.shownMessage(reply); // a Replace: a command has no message to replace
        }
        return new Answer(shown, who, outcome);
    }

    /**
     * After a "Working on it…" ack: the answer through the response URL (ephemeral), or the person's DM when Slack
     * refuses it; a failure is said in words.
     */
    private void answerLate(SlashCommandContext ctx, String responseUrl, Answer late, Throwable failure) {
        if (failure != null) {
            log.error("Slash command failed after its ack", failure instanceof java.util.concurrent.CompletionException
                    && failure.getCause() != null ? failure.getCause() : failure);
            respond(ctx, responseUrl, Message.text(SORRY));
            return;
        }
        late.follow(followUp); // queued first: the picture's upload need not wait for the response URL
        if (late.shown() != null && !respond(ctx, responseUrl, late.shown()) && late.who() != null) {
            Message words = new Message(late.shown().summary(), late.shown().blocks(), List.of());
            followUp.followUp(late.who(), Outcome.reply(new Reply.Show(words)), words, null);
        }
    }

    /** Posts an ephemeral answer to the command's response URL; false when that did not work. */
    private static boolean respond(SlashCommandContext ctx, String responseUrl, Message message) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return false;
        }
        try {
            WebhookResponse response = new Responder(ctx.getSlack(), responseUrl).send(ephemeral(message));
            if (response.getCode() != null && response.getCode() / 100 == 2) {
                return true;
            }
            log.warn("Slack refused a slash command's late answer (HTTP {})", response.getCode());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not send a slash command's late answer", e);
        }
        return false;
    }

    /** The acknowledgement with an answer, its JSON written by {@link BlockKitJson} rather than Bolt's Gson. */
    private static Response ack(SlashCommandResponse answer) {
        return Response.json(200, BlockKitJson.of(answer));
    }

    private static SlashCommandResponse ephemeral(Message message) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallbackText(message))
                .blocks(BlockKit.message(message)).build();
    }

    /** After an ephemeral reply the files of the message still need a DM (ephemeral messages carry no files). */
    private static Message attachmentsOnly(Message message) {
        return message.attachments().isEmpty() ? null : new Message(message.summary(), List.of(), message.attachments());
    }
}
