package io.handoff.msteams;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.port.RetryAfter;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries Bot Framework connector calls that the connector asks to be repeated: HTTP 429 after its
 * {@code Retry-After}, and 412/502/503/504 with exponential backoff. The SDK's own retry handler repeats only 408 and
 * 5xx, at once, and never 429. A wait longer than {@code maxWait}, or the last attempt, returns the response as it is,
 * so the caller sees the failure (and its Retry-After) and the outbox can retry later.
 */
final class ConnectorRetry implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(ConnectorRetry.class);
    private static final Set<Integer> RETRIED = Set.of(412, 429, 502, 503, 504);

    private final MsTeamsProperties.Retry settings;

    ConnectorRetry(MsTeamsProperties.Retry settings) {
        this.settings = settings;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; attempt < settings.maxAttempts() && RETRIED.contains(response.code()); attempt++) {
            Duration wait = retryAfter(response).orElse(backoff);
            if (wait.compareTo(settings.maxWait()) > 0) {
                break;
            }
            log.info("Connector answered {} to {} {}; retry {} in {} ms", response.code(), chain.request().method(),
                    chain.request().url().encodedPath(), attempt, wait.toMillis());
            response.close();
            sleep(wait);
            response = chain.proceed(chain.request());
            backoff = backoff.multipliedBy(2);
        }
        return response;
    }

    /** The wait a response asks for: Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response response) {
        return parseRetryAfter(response.header("Retry-After"));
    }

    static Optional<Duration> parseRetryAfter(String value) {
        return RetryAfter.parse(value);
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
