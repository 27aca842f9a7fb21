package io.handoff.scheduler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.TenantId;

/**
 * A unit of work for the {@link Scheduler}: run the handler of {@code type} with {@code payload} at {@code dueAt}.
 * The id names the job within the tenant (for example {@code story-prompt:pat:2026-W48}); scheduling the same id again
 * updates the waiting job instead of adding a second one. {@code failures} counts failed runs so far;
 * {@code rateLimited} counts the runs a platform's rate limit put off ({@link JobResult.RateLimited}, not failures),
 * the first of them at {@code rateLimitedSince}, so a handler can give up on a platform that never stops saying 429.
 */
public record Job(TenantId tenant, String id, String type, String payload, Instant dueAt, int failures,
                  int rateLimited, Optional<Instant> rateLimitedSince) {
    public static final int MAX_ID = 256;
    public static final int MAX_TYPE = 64;

    public Job {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dueAt, "dueAt");
        id = requireText("job id", id, MAX_ID);
        type = requireText("job type", type, MAX_TYPE);
        payload = payload == null ? "" : payload;
        if (failures < 0 || rateLimited < 0) {
            throw new IllegalArgumentException("failures and rate-limited runs must not be negative");
        }
        rateLimitedSince = rateLimitedSince == null ? Optional.empty() : rateLimitedSince;
    }

    /** A job never put off by a rate limit. */
    public Job(TenantId tenant, String id, String type, String payload, Instant dueAt, int failures) {
        this(tenant, id, type, payload, dueAt, failures, 0, Optional.empty());
    }

    /** A new job (no failures yet). */
    public static Job of(TenantId tenant, String id, String type, String payload, Instant dueAt) {
        return new Job(tenant, id, type, payload, dueAt, 0);
    }

    private static String requireText(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException(what + " must not contain spaces or control characters");
        }
        return value;
    }
}
