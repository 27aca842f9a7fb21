package io.handoff.empathy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.handoff.chat.Notification;
import io.handoff.friction.Period;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * One kind of prompt the daily empathy tick may send a person (the period's friction polls, a story prompt, a survey
 * reminder; see {@link DailyPrompts}). The {@link PromptPlanner} asks each kind what is due for a person, applies the
 * engagement policy once for all of them, and then either takes the due prompts or lets each kind know it went past.
 */
interface DailyPrompt {

    /** What is due for {@code person} on this tick. Asking changes nothing. */
    Due due(Tick tick, PersonId person);

    /** The tick being planned: its tenant, time, the tenant's empathy settings, the friction period, and the org graph. */
    record Tick(TenantId tenant, Instant now, EmpathySettings settings, Period period, OrgGraph org) {
    }

    /**
     * What one kind has due for a person: {@code count} prompts (none due when 0; it is what the tick's statistics
     * count), their messages (asked for, in order of importance, only when the person is prompted, as producing them
     * may record that they were asked), what to record once they are queued, and what to record when the tick goes
     * past the person without this kind's prompts (nothing of it due, or nothing due at all).
     */
    record Due(int count, Supplier<List<Notification>> messages, Runnable prompted, Runnable passed) {
        static final Runnable NOTHING = () -> { };

        public Due {
            Objects.requireNonNull(messages);
            Objects.requireNonNull(prompted);
            Objects.requireNonNull(passed);
        }

        static Due none(Runnable passed) {
            return new Due(0, List::of, NOTHING, passed);
        }

        boolean pending() {
            return count > 0;
        }
    }
}
