package io.handoff.friction;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.SettingRule;
import io.handoff.settings.TenantSettings;

/**
 * The tenant settings friction owns (declared here, registered by {@link #SETTINGS}) and a tenant's friction view of
 * them: the poll cadence and the anonymity thresholds.
 */
public record FrictionSettings(PollCadence cadence, AnonymityPolicy policy) {
    public static final int ABSOLUTE_MIN_RESPONDENTS = 2;

    public static final Setting<java.time.Period> POLL_EVERY = Setting.period("friction-poll-every",
            java.time.Period.ofWeeks(2), "how often each person is asked the friction poll about their handoffs "
                    + "(up to 10 days: weekly, up to 3 weeks: fortnightly, longer: monthly)", "2 weeks");
    public static final Setting<Integer> MIN_RESPONDENTS = Setting.integer("min-respondents", 3,
                    "fewest different people whose answers make a friction figure anyone sees (maps, digests, reports)")
            .must(n -> n >= ABSOLUTE_MIN_RESPONDENTS, "must be at least " + ABSOLUTE_MIN_RESPONDENTS
                    + " so no single person's answer can be singled out")
            .shownAs(n -> n + " before friction results are shown");
    public static final Setting<Integer> MIN_COMMENT_RESPONDENTS = Setting.integer("min-comment-respondents", 5,
                    "fewest different writers before free-text comments are shown (at least min-respondents)")
            .shownAs(n -> n + " before comments are shown");
    public static final Setting<String> DIGEST_CHANNEL = Setting.channel("digest-channel",
            "where the weekly digest goes (a platform channel id), or none", 200);

    /** Friction's settings and the rule between its thresholds. */
    public static final SettingGroup SETTINGS = SettingGroup.of("friction", POLL_EVERY, MIN_RESPONDENTS,
            MIN_COMMENT_RESPONDENTS, DIGEST_CHANNEL).withRules(SettingRule.of(FrictionSettings::commentThreshold,
            MIN_RESPONDENTS, MIN_COMMENT_RESPONDENTS));

    public FrictionSettings {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(policy, "policy");
    }

    private static Optional<String> commentThreshold(TenantSettings s) {
        int min = s.get(MIN_RESPONDENTS);
        int comments = s.get(MIN_COMMENT_RESPONDENTS);
        return comments >= min ? Optional.empty() : Optional.of("minCommentRespondents (" + comments
                + ") must be at least minRespondents (" + min + ")");
    }

    /** A tenant's friction view of its settings. */
    public static FrictionSettings of(TenantSettings settings) {
        return new FrictionSettings(cadence(settings.get(POLL_EVERY)),
                new AnonymityPolicy(settings.get(MIN_RESPONDENTS), settings.get(MIN_COMMENT_RESPONDENTS)));
    }

    /** Weekly polls with the default thresholds (no tenant settings wired in, e.g. in tests). */
    public static FrictionSettings defaults() {
        return new FrictionSettings(PollCadence.WEEKLY, AnonymityPolicy.defaults());
    }

    /** Polls run on calendar periods: up to 10 days is weekly, up to 3 weeks fortnightly, longer monthly. */
    static PollCadence cadence(java.time.Period every) {
        long days = approximate(every).toDays();
        return days <= 10 ? PollCadence.WEEKLY : days <= 21 ? PollCadence.FORTNIGHTLY : PollCadence.MONTHLY;
    }

    static Duration approximate(java.time.Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }
}
