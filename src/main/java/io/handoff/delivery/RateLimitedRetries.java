package io.handoff.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Platform;
import io.handoff.scheduler.Job;

/**
 * How long the outbox keeps trying a message a platform answers with HTTP 429. Such answers are not failures (the
 * platform is busy, not broken) and are retried after the platform's Retry-After, clamped to between one second and
 * {@code maxRetryAfter}; but a platform that keeps refusing for {@code giveUpAfter} since its first 429, or
 * {@code maxRetries} times in a row, gets the message given up to the dead letters, where an admin can replay it.
 *
 * @param giveUpAfter   time since the first 429 after which the next 429 gives the message up
 * @param maxRetries    429 answers retried at most; the next one gives the message up
 * @param maxRetryAfter the longest Retry-After honoured; a longer one (or a date far off) is cut to this
 */
record RateLimitedRetries(Duration giveUpAfter, int maxRetries, Duration maxRetryAfter) {
    static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    public RateLimitedRetries {
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (giveUpAfter.isNegative() || giveUpAfter.isZero() || maxRetries < 1
                || maxRetryAfter.compareTo(MIN_RETRY_AFTER) < 0) {
            throw new IllegalArgumentException("handoff.delivery: rate-limited-give-up-after must be positive, "
                    + "max-rate-limited-retries at least 1 and max-retry-after at least 1s");
        }
    }

    /** 24 hours, 1,000 answers, Retry-After at most one hour. */
    public static RateLimitedRetries defaults() {
        return new RateLimitedRetries(Duration.ofHours(24), 1000, Duration.ofHours(1));
    }

    /** The platform's Retry-After, within one second and {@code maxRetryAfter}. */
    public Duration clamp(Duration retryAfter) {
        if (retryAfter == null || retryAfter.compareTo(MIN_RETRY_AFTER) < 0) {
            return MIN_RETRY_AFTER;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    /**
     * Whether the 429 the platform just gave for this run of the job ends the tries: returns the dead-letter reason,
     * e.g. "Slack kept answering 429 for 24 h (87 times)", or empty to retry.
     */
    public Optional<String> giveUp(Platform platform, Job job, Instant now) {
        int answers = job.rateLimited() + 1;
        Duration refusing = Duration.between(job.rateLimitedSince().orElse(now), now);
        if (job.rateLimited() < maxRetries && refusing.compareTo(giveUpAfter) < 0) {
            return Optional.empty();
        }
        return Optional.of(name(platform) + " kept answering 429 for " + describe(refusing) + " (" + answers
                + " times); given up after " + (job.rateLimited() >= maxRetries ? maxRetries + " rate-limited retries"
                : describe(giveUpAfter)) + ", replay it once the platform accepts messages again");
    }

    static String describe(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours > 0) {
            return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return duration.toSeconds() + " s";
    }

    private static String name(Platform platform) {
        return switch (platform) {
            case SLACK -> "Slack";
            case TEAMS -> "Microsoft Teams";
            case PLAYGROUND -> "The playground";
        };
    }
}
