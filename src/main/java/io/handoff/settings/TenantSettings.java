package io.handoff.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a tenant wants Handoff to behave; every field has a default, so a tenant without settings gets
 * {@link #defaults()}. {@link #problems()} lists what is wrong in words an admin can act on.
 *
 * @param frictionPollEvery     how often each person is asked the friction poll about their handoffs
 * @param storyPromptEvery      how often a person is invited to tell a story about an internal customer
 * @param surveyReminderEvery   how often someone who has not finished the survey is reminded
 * @param workingDays           days Handoff may message people (in each person's own time zone)
 * @param workdayStart          first time of day Handoff may message people (their local time)
 * @param workdayEnd            time of day after which Handoff waits for the next working day; 00:00 means midnight
 * @param minRespondents        fewest respondents before friction results are shown (never below 2)
 * @param minCommentRespondents fewest respondents before free-text comments are shown (at least minRespondents)
 * @param weeklyCap             most Handoff-initiated messages (nudges) a person gets in any 7 days; 0 turns them off
 * @param staleAfter            a handoff not confirmed for this long counts as stale
 * @param digestChannel         where the weekly digest goes (platform channel id), or null for none
 * @param managerReportDigest   whether each team manager gets their manager report ({@code report}) every Monday
 */
public record TenantSettings(Period frictionPollEvery, Period storyPromptEvery, Period surveyReminderEvery,
                             Set<DayOfWeek> workingDays, LocalTime workdayStart, LocalTime workdayEnd,
                             Integer minRespondents, Integer minCommentRespondents, Integer weeklyCap,
                             Period staleAfter, String digestChannel, Boolean managerReportDigest) {
    public static final int ABSOLUTE_MIN_RESPONDENTS = 2;
    public static final int MAX_WEEKLY_CAP = 50;
    public static final int MAX_DIGEST_CHANNEL = 200;

    /** Fills every missing field with its default. */
    public TenantSettings {
        frictionPollEvery = frictionPollEvery == null ? Period.ofWeeks(2) : frictionPollEvery;
        storyPromptEvery = storyPromptEvery == null ? Period.ofWeeks(1) : storyPromptEvery;
        surveyReminderEvery = surveyReminderEvery == null ? Period.ofWeeks(1) : surveyReminderEvery;
        workingDays = workingDays == null ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                : workingDays.isEmpty() ? Set.of() : EnumSet.copyOf(workingDays);
        workdayStart = workdayStart == null ? LocalTime.of(9, 0) : workdayStart;
        workdayEnd = workdayEnd == null ? LocalTime.of(17, 0) : workdayEnd;
        minRespondents = minRespondents == null ? 3 : minRespondents;
        minCommentRespondents = minCommentRespondents == null ? 5 : minCommentRespondents;
        weeklyCap = weeklyCap == null ? 3 : weeklyCap;
        staleAfter = staleAfter == null ? Period.ofMonths(6) : staleAfter;
        digestChannel = digestChannel == null || digestChannel.isBlank() ? null : digestChannel.strip();
        managerReportDigest = managerReportDigest != null && managerReportDigest;
    }

    /** Settings without the manager report digest (off). */
    public TenantSettings(Period frictionPollEvery, Period storyPromptEvery, Period surveyReminderEvery,
                          Set<DayOfWeek> workingDays, LocalTime workdayStart, LocalTime workdayEnd,
                          Integer minRespondents, Integer minCommentRespondents, Integer weeklyCap,
                          Period staleAfter, String digestChannel) {
        this(frictionPollEvery, storyPromptEvery, surveyReminderEvery, workingDays, workdayStart, workdayEnd,
                minRespondents, minCommentRespondents, weeklyCap, staleAfter, digestChannel, null);
    }

    public static TenantSettings defaults() {
        return new TenantSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the working day runs to midnight. */
    public boolean endsAtMidnight() {
        return workdayEnd.equals(LocalTime.MIDNIGHT);
    }

    /** Everything wrong with these settings (empty when they are valid). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        positive("frictionPollEvery", frictionPollEvery, problems);
        positive("storyPromptEvery", storyPromptEvery, problems);
        positive("surveyReminderEvery", surveyReminderEvery, problems);
        positive("staleAfter", staleAfter, problems);
        if (workingDays.isEmpty()) {
            problems.add("workingDays must name at least one day (MONDAY … SUNDAY)");
        }
        if (!endsAtMidnight() && !workdayStart.isBefore(workdayEnd)) {
            problems.add("workdayStart (" + workdayStart + ") must be before workdayEnd (" + workdayEnd
                    + "); use 00:00 as workdayEnd for midnight");
        }
        if (minRespondents < ABSOLUTE_MIN_RESPONDENTS) {
            problems.add("minRespondents must be at least " + ABSOLUTE_MIN_RESPONDENTS
                    + " so no single person's answer can be singled out");
        }
        if (minCommentRespondents < minRespondents) {
            problems.add("minCommentRespondents (" + minCommentRespondents + ") must be at least minRespondents ("
                    + minRespondents + ")");
        }
        if (weeklyCap < 0 || weeklyCap > MAX_WEEKLY_CAP) {
            problems.add("weeklyCap must be between 0 (no nudges) and " + MAX_WEEKLY_CAP);
        }
        if (digestChannel != null && (digestChannel.length() > MAX_DIGEST_CHANNEL
                || digestChannel.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
            problems.add("digestChannel must be a channel id of at most " + MAX_DIGEST_CHANNEL
                    + " characters without spaces");
        }
        return problems;
    }

    /** Returns these settings, or throws {@link InvalidSettingsException} listing every problem. */
    public TenantSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return this;
    }

    private static void positive(String name, Period period, List<String> problems) {
        if (period.isNegative() || period.isZero()) {
            problems.add(name + " must be a positive period such as P7D, P2W or P6M");
        }
    }
}
