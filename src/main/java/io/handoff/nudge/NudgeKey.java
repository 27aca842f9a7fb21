package io.handoff.nudge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

import io.handoff.graph.Handoff;
import io.handoff.graph.PersonId;

/**
 * The one key of a prompt about a handoff: recipient, handoff, purpose and period (ISO week). Every feature that
 * prompts a person about a handoff keys its notification with this, and the outbox keeps one message per key, so a
 * person can never get two prompts with the same purpose about the same handoff in one week, whichever path (the
 * rotation, a signal) produced them. The first one queued wins.
 */
public record NudgeKey(PersonId to, String handoff, Purpose purpose, String period) {

    /** What a prompt asks for. */
    public enum Purpose {
        /** Tell the upstream a day-in-the-life story. */
        STORY,
        /** Say whether a handoff not confirmed for long is still true. */
        STILL_TRUE,
        /** Meet a new internal customer. */
        NEW_CUSTOMER,
        /** Walk a customer moment (a leader's invitation; the "handoff" is {@code <journey>/<touchpoint>}). */
        WALK;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public NudgeKey {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(period, "period");
    }

    /** The key of a prompt to {@code to} about {@code edge} for {@code purpose} in the ISO week of {@code now}. */
    public static NudgeKey of(PersonId to, Handoff edge, Purpose purpose, Instant now) {
        return new NudgeKey(to, edge.upstream().value() + ">" + edge.downstream().value(), purpose, isoWeek(now));
    }

    /**
     * The key of a leader's invitation to walk {@code touchpoint} of {@code journey} (ids) in {@code period}, so one
     * person is invited to one touchpoint once per period.
     */
    public static NudgeKey walk(PersonId to, String journey, String touchpoint, String period) {
        return new NudgeKey(to, journey + "/" + touchpoint, Purpose.WALK, period);
    }

    /** The ISO week of an instant in UTC, e.g. {@code 2026-W49}. */
    public static String isoWeek(Instant instant) {
        return isoWeek(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The ISO week of a day, e.g. {@code 2026-W49}: the one spelling of a week in keys and job ids. */
    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The notification key: {@code prompt:<purpose>:<handoff>:<to>:<period>}. */
    public String value() {
        return "prompt:" + purpose.code() + ":" + handoff + ":" + to.value() + ":" + period;
    }
}
