package io.handoff.slack;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;

/**
 * Acknowledges what Slack may send that Handoff does not act on: shortcuts, option requests of external selects,
 * legacy attachment buttons and dialogs. Without a listener Bolt answers 404 with a long warning, and Slack counts
 * every non-2xx answer as a failed delivery, retries it and may turn the app's subscriptions off. Events of types
 * without a listener ({@code team_join}, {@code member_joined_channel}, {@code user_change}, {@code app_mention} …)
 * are acknowledged by Bolt itself ({@code allEventsApiAutoAckEnabled}, one debug line); button presses, modal
 * submissions and closes are matched by {@link SlackListeners}' own catch-all patterns.
 */
final class SlackIgnoredRequests {
    private static final Logger log = LoggerFactory.getLogger(SlackIgnoredRequests.class);
    /** Matches every id Slack sends, the empty one included (a request without any id is malformed). */
    static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

    private SlackIgnoredRequests() {
    }

    /** Registers the catch-alls; call after {@link SlackListeners#registerOn}, which handles what Handoff uses. */
    static void registerOn(App app) {
        app.globalShortcut(ANY, (request, ctx) -> ignored(ctx, "global shortcut",
                request.getPayload().getCallbackId()));
        app.messageShortcut(ANY, (request, ctx) -> ignored(ctx, "message shortcut",
                request.getPayload().getCallbackId()));
        app.blockSuggestion(ANY, (request, ctx) -> {
            log.debug("Answering no options to a Slack block_suggestion for action {}",
                    request.getPayload().getActionId());
            return ctx.ack(r -> r.options(List.of()));
        });
        app.attachmentAction(ANY, (request, ctx) -> ignored(ctx, "attachment action",
                request.getPayload().getCallbackId()));
        app.dialogSubmission(ANY, (request, ctx) -> ignored(ctx, "dialog submission",
                request.getPayload().getCallbackId()));
        app.dialogCancellation(ANY, (request, ctx) -> ignored(ctx, "dialog cancellation",
                request.getPayload().getCallbackId()));
        app.dialogSuggestion(ANY, (request, ctx) -> {
            log.debug("Answering no options to a Slack dialog_suggestion {}", request.getPayload().getCallbackId());
            return ctx.ack(r -> r.options(List.of()));
        });
    }

    private static Response ignored(Context ctx, String kind, String id) {
        log.debug("Acknowledged a Slack {} Handoff does not handle: {}", kind, id);
        return ctx.ack();
    }
}
