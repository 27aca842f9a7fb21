package io.handoff.msteams;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ErrorResponse;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Sends a message to a person in their personal Teams chat with the bot, through the conversation reference stored
 * when they last used the app ({@code continueConversation} with the real app id). For a person who never opened the
 * app but has a Teams account (from a team roster or an earlier activity), {@link PersonalChats} first starts that
 * chat and stores its reference.
 */
final class MsTeamsSender implements PlatformSender {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsSender.class);

    private final MsTeamsAdapter adapter;
    private final String appId;
    private final ConversationReferences references;
    private final MsTeamsFiles files;
    private final PersonalChats chats;

    MsTeamsSender(MsTeamsAdapter adapter, String appId, ConversationReferences references, MsTeamsFiles files,
                PersonalChats chats) {
        this.adapter = adapter;
        this.appId = appId;
        this.references = references;
        this.files = files;
        this.chats = chats;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public boolean canReach(TenantId tenant, Person recipient) {
        return references.exists(tenant, recipient.id()) || chats.canStart(tenant, recipient);
    }

    @Override
    public void send(TenantId tenant, Person recipient, Message message) {
        ConversationReference reference = references.find(tenant, recipient.id())
                .orElseGet(() -> chats.start(tenant, recipient));
        send(reference, MsTeamsMessages.message(message, tenant, Optional.of(recipient.id()), files));
    }

    /** Sends an activity into a stored conversation now (proactively). */
    void send(ConversationReference reference, Activity activity) {
        // A failed send is caught inside the turn: the adapter's turn-error handler must not swallow it (or answer
        // "sorry" into the colleague's chat); the caller needs it to retry or dead-letter.
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try {
            adapter.continueConversation(appId, reference, turn -> turn.sendActivity(activity)
                    .handle((sent, error) -> {
                        failed.set(error);
                        return null;
                    })).join();
        } catch (RuntimeException e) {
            failed.compareAndSet(null, e);
        }
        if (failed.get() != null) {
            throw failure(failed.get(), reference.getUser() == null ? "?" : reference.getUser().getId());
        }
    }

    static SendFailure failure(Throwable thrown, String recipient) {
        Throwable cause = rootCause(thrown);
        if (cause instanceof ErrorResponseException error && error.response() != null) {
            int status = error.response().code();
            String code = errorCode(error);
            log.warn("Teams refused a call for {}: HTTP {} {}", recipient, status, code);
            if (status == 429) {
                Duration wait = ConnectorRetry.parseRetryAfter(error.response().headers().get("Retry-After"))
                        .orElse(Duration.ofSeconds(1));
                return SendFailure.rateLimited(wait);
            }
            if (status == 400) {
                // A malformed or refused request (bad member id, card too large...): the same call fails again.
                return SendFailure.permanentFailure("Teams refused the request for " + recipient + " with HTTP 400"
                        + errorCodeAndMessage(error));
            }
            if (status == 403 || status == 404) {
                // The app was uninstalled, the user blocked the bot or left the organisation.
                return SendFailure.permanentFailure("Teams answered " + status + code + " for " + recipient);
            }
            return SendFailure.transientFailure("Teams answered " + status + code, error);
        }
        if (cause instanceof AuthenticationException) {
            return SendFailure.transientFailure("no Bot Framework token: " + cause.getMessage(), cause);
        }
        return SendFailure.transientFailure("Teams could not be reached: " + cause.getMessage(), cause);
    }

    /** The HTTP status of the connector's answer behind {@code thrown}, or -1 when the connector did not answer. */
    static int status(Throwable thrown) {
        return rootCause(thrown) instanceof ErrorResponseException error && error.response() != null
                ? error.response().code() : -1;
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause instanceof java.io.IOException && cause.getCause() != null)) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The connector's error code and message ({@code {"error":{"code":"BadArgument","message":"…"}}}) as
     * " (code: message)", the message cut to 200 characters and stripped of control characters, or "".
     */
    private static String errorCodeAndMessage(ErrorResponseException error) {
        String code = errorCode(error);
        String message;
        try {
            ErrorResponse body = error.body();
            message = body == null || body.getError() == null ? null : body.getError().getMessage();
        } catch (RuntimeException unreadable) {
            message = null;
        }
        if (message == null || message.isBlank()) {
            return code;
        }
        message = message.replaceAll("\\p{Cntrl}", " ").strip();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return code.isEmpty() ? " (" + message + ")" : code.substring(0, code.length() - 1) + ": " + message + ")";
    }

    /** The connector's error code ({@code {"error":{"code":"BotNotInConversationRoster",…}}}) as " (code)", or "". */
    private static String errorCode(ErrorResponseException error) {
        try {
            ErrorResponse body = error.body();
            String code = body == null || body.getError() == null ? null : body.getError().getCode();
            return code == null || code.isBlank() ? "" : " (" + code.replaceAll("[^A-Za-z0-9_.-]", "") + ")";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
