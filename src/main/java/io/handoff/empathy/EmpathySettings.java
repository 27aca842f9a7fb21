package io.handoff.empathy;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.SettingType;
import io.handoff.settings.TenantSettings;

/**
 * The tenant settings the empathy nudges own (declared here, registered by {@link #SETTINGS}) and a tenant's view of
 * them: how often story prompts and survey reminders go out, and when an unconfirmed handoff counts as stale.
 */
public record EmpathySettings(Duration storyPromptEvery, Duration surveyReminderEvery, Duration staleAfter) {

    public static final Setting<Period> STORY_PROMPT_EVERY = Setting.period("story-prompt-every", Period.ofWeeks(1),
            "how often a person is invited to tell a story about one of their upstream handoffs", "1 week");
    public static final Setting<Period> SURVEY_REMINDER_EVERY = Setting.period("survey-reminder-every",
            Period.ofWeeks(1), "how often someone who has named no internal customers yet is reminded", "1 week");
    public static final Setting<Period> STALE_AFTER = Setting.period("stale-after", Period.ofMonths(6),
                    "a handoff not confirmed for this long counts as stale (and its people are nudged)", "6 months")
            .shownAs(p -> SettingType.PERIOD.describe().apply(p) + " without confirmation");

    public static final SettingGroup SETTINGS = SettingGroup.of("empathy", STORY_PROMPT_EVERY, SURVEY_REMINDER_EVERY,
            STALE_AFTER);

    public EmpathySettings {
        Objects.requireNonNull(storyPromptEvery, "storyPromptEvery");
        Objects.requireNonNull(surveyReminderEvery, "surveyReminderEvery");
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    /** A tenant's empathy view of its settings; periods count a month as 30 days. */
    public static EmpathySettings of(TenantSettings settings) {
        return new EmpathySettings(approximate(settings.get(STORY_PROMPT_EVERY)),
                approximate(settings.get(SURVEY_REMINDER_EVERY)), approximate(settings.get(STALE_AFTER)));
    }

    public static EmpathySettings defaults() {
        return of(TenantSettings.defaults());
    }

    static Duration approximate(Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }
}
