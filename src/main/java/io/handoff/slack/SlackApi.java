package io.handoff.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.SlackApiTextResponse;

import io.handoff.chat.port.RetryAfter;

/**
 * Runs Slack Web API calls the way Handoff wants them: an HTTP 429 is retried after the Retry-After Slack asked for
 * (bounded: {@link #MAX_ATTEMPTS} attempts and {@link #MAX_WAIT} in all), and an answer with {@code ok: false}
 * becomes a {@link SlackCallFailed} carrying Slack's error code.
 */
final class SlackApi {
    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    static final int MAX_ATTEMPTS = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private SlackApi() {
    }

    /** Calls {@code method}, waiting out rate limits; throws {@link SlackCallFailed} unless Slack answered ok. */
    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        return call(method, MAX_WAIT, call);
    }

    /** Calls {@code method} once: a rate limit is reported (with its Retry-After) for the caller to schedule. */
    static <T extends SlackApiTextResponse> T once(String method, Call<T> call) {
        return call(method, Duration.ZERO, call);
    }

    private static <T extends SlackApiTextResponse> T call(String method, Duration maxWait, Call<T> call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (response == null) {
                    throw new SlackCallFailed(method, "no_response", null, null);
                }
                if (!response.isOk()) {
                    throw new SlackCallFailed(method, response.getError(), null, null);
                }
                return response;
            } catch (SlackApiException e) {
                Optional<Duration> retryAfter = retryAfter(e);
                if (retryAfter.isPresent() && attempt < MAX_ATTEMPTS
                        && waited.plus(retryAfter.get()).compareTo(maxWait) <= 0) {
                    log.info("Slack rate-limited {}; retrying in {} s (attempt {})", method,
                            retryAfter.get().toSeconds(), attempt + 1);
                    sleep(retryAfter.get());
                    waited = waited.plus(retryAfter.get());
                    continue;
                }
                String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                        : "http_" + e.getResponse().code();
                throw new SlackCallFailed(method, error, retryAfter.orElse(null), e);
            } catch (IOException e) {
                throw new SlackCallFailed(method, "io_error", null, e);
            } catch (SlackFilesUploadV2Exception e) {
                // one of the three calls of files.uploadV2 failed; Slack's error is in the response that failed
                String error = e.getCompleteResponse() != null ? e.getCompleteResponse().getError()
                        : e.getGetURLResponses().stream().map(r -> r.getError()).filter(java.util.Objects::nonNull)
                        .findFirst().orElse("upload_failed");
                throw new SlackCallFailed(method, error, null, e);
            }
        }
    }

    /** The wait Slack asks for with HTTP 429 (its Retry-After, at least 1 s; 1 s when the header is missing). */
    static Optional<Duration> retryAfter(SlackApiException e) {
        if (e.getResponse() == null || e.getResponse().code() != 429) {
            return Optional.empty();
        }
        Duration asked = RetryAfter.parse(e.getResponse().header("Retry-After")).orElse(MIN_RETRY_AFTER);
        return Optional.of(asked.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : asked);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("sleep", "interrupted", null, e);
        }
    }

    /** A Web API call that did not succeed; {@code error} is Slack's error code (e.g. {@code user_not_found}). */
    static final class SlackCallFailed extends RuntimeException {
        /** Errors that no retry will fix: the user, the conversation or the installation is gone or not allowed. */
        private static final List<String> PERMANENT = List.of("user_not_found", "account_inactive", "user_disabled",
                "channel_not_found", "is_archived", "not_in_channel", "cannot_dm_bot", "messages_tab_disabled",
                "invalid_auth", "not_authed", "token_revoked", "token_expired", "no_permission", "missing_scope",
                "team_access_not_granted", "org_login_required", "ekm_access_denied", "invalid_blocks",
                "invalid_arguments", "msg_too_long", "no_text", "restricted_action", "not_allowed_token_type",
                "app_missing_action_url", "invalid_auth_token", "users_not_found", "user_not_visible");

        private final transient String error;
        private final transient Duration retryAfter;

        SlackCallFailed(String method, String error, Duration retryAfter, Throwable cause) {
            super(method + " failed: " + error, cause);
            this.error = error == null ? "unknown_error" : error;
            this.retryAfter = retryAfter;
        }

        String error() {
            return error;
        }

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        boolean permanent() {
            return PERMANENT.contains(error);
        }
    }
}
