package io.handoff.empathy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.handoff.chat.Notification;
import io.handoff.nudge.Engagement;
import io.handoff.friction.FrictionService;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;

/**
 * The kinds of {@link DailyPrompt} of the empathy tick, each remembering in {@link Engagement} when it last went out
 * so its calendar cadence can tell when it is due again.
 */
final class DailyPrompts {
    static final String POLL = "poll";
    static final String STORY_AT = "story-at";
    static final String REMINDER_AT = "reminder-at";

    private DailyPrompts() {
    }

    /**
     * The friction polls of the current period (critical handoffs first), due once a period: the period is marked as
     * dealt with when the person is prompted, or when the tick goes past them with nothing due at all.
     */
    static DailyPrompt periodPolls(FrictionService friction, Engagement engagement) {
        return (tick, id) -> {
            boolean pollDue = !engagement.last(tick.tenant(), id, POLL).equals(java.util.Optional.of(tick.period().id()));
            List<Notification> polls = pollDue ? friction.polls(tick.tenant(), id) : List.of();
            Runnable mark = () -> engagement.mark(tick.tenant(), id, POLL, tick.period().id());
            return new DailyPrompt.Due(polls.size(), () -> polls, mark, pollDue ? mark : DailyPrompt.Due.NOTHING);
        };
    }

    /** A story prompt about the next handoff in the person's rotation, every {@code storyPromptEvery}. */
    static DailyPrompt storyPrompt(StoryPrompts prompts, Engagement engagement) {
        return (tick, id) -> {
            if (!elapsed(engagement, tick.tenant(), id, STORY_AT, tick.settings().storyPromptEvery(), tick.now())
                    || prompts.next(tick.tenant(), id).isEmpty()) {
                return DailyPrompt.Due.none(DailyPrompt.Due.NOTHING);
            }
            return new DailyPrompt.Due(1, () -> prompts.nextPrompt(tick.tenant(), id).map(List::of).orElse(List.of()),
                    () -> engagement.mark(tick.tenant(), id, STORY_AT, Long.toString(tick.now().getEpochSecond())),
                    DailyPrompt.Due.NOTHING);
        };
    }

    /**
     * A reminder to name one's internal customers, every {@code surveyReminderEvery}, for people who have not named
     * any yet.
     */
    static DailyPrompt surveyReminder(Engagement engagement) {
        return (tick, id) -> {
            if (!elapsed(engagement, tick.tenant(), id, REMINDER_AT, tick.settings().surveyReminderEvery(), tick.now())
                    || namedCustomers(tick.org(), id)) {
                return DailyPrompt.Due.none(DailyPrompt.Due.NOTHING);
            }
            return new DailyPrompt.Due(1, () -> List.of(new Notification(id, EmpathyTick.surveyReminder(),
                    "survey-reminder:" + id.value() + ":" + tick.now().getEpochSecond() / 86400)),
                    () -> engagement.mark(tick.tenant(), id, REMINDER_AT, Long.toString(tick.now().getEpochSecond())),
                    DailyPrompt.Due.NOTHING);
        };
    }

    private static boolean elapsed(Engagement engagement, TenantId tenant, PersonId person, String kind,
                                   Duration every, Instant now) {
        return engagement.last(tenant, person, kind)
                .map(epoch -> Instant.ofEpochSecond(Long.parseLong(epoch)).plus(every).isBefore(now.plusSeconds(3600)))
                .orElse(true);
    }

    private static boolean namedCustomers(OrgGraph org, PersonId person) {
        return org.edges().stream().anyMatch(e -> e.upstream().equals(person) && e.claimedBy().includes(Side.UPSTREAM));
    }
}
