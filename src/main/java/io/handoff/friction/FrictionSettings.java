package io.handoff.friction;

import java.time.Duration;
import java.util.Objects;

/**
 * A tenant's settings for friction and the empathy nudges: poll cadence, the anonymity thresholds, when an
 * unconfirmed handoff counts as stale, and how often story prompts and survey reminders go out.
 */
public record FrictionSettings(PollCadence cadence, AnonymityPolicy policy, Duration staleAfter,
                               Duration storyPromptEvery, Duration surveyReminderEvery) {
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(182);
    public static final Duration DEFAULT_EVERY = Duration.ofDays(7);

    public FrictionSettings(PollCadence cadence, AnonymityPolicy policy, Duration staleAfter) {
        this(cadence, policy, staleAfter, DEFAULT_EVERY, DEFAULT_EVERY);
    }

    public FrictionSettings {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(policy, "policy");
        staleAfter = staleAfter == null ? DEFAULT_STALE_AFTER : staleAfter;
        storyPromptEvery = storyPromptEvery == null ? DEFAULT_EVERY : storyPromptEvery;
        surveyReminderEvery = surveyReminderEvery == null ? DEFAULT_EVERY : surveyReminderEvery;
        for (Duration d : new Duration[] {staleAfter, storyPromptEvery, surveyReminderEvery}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("cadences and stale-after must be positive (was " + d + ")");
            }
        }
    }

    public static FrictionSettings defaults() {
        return new FrictionSettings(PollCadence.WEEKLY, AnonymityPolicy.defaults(), DEFAULT_STALE_AFTER);
    }
}
