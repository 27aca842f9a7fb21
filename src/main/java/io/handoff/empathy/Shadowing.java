package io.handoff.empathy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.handoff.graph.Side;

/**
 * The upstream person's wish to shadow a shift of the storyteller, and the date both sides settle on: requested by
 * the upstream, then a date proposed by one side, then confirmed by the other.
 */
record Shadowing(State state, LocalDate date, Side proposedBy, Instant updatedAt) {
    public enum State { REQUESTED, PROPOSED, CONFIRMED }

    public Shadowing {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (state != State.REQUESTED && (date == null || proposedBy == null)) {
            throw new IllegalArgumentException("a proposed or confirmed shadowing needs a date and who proposed it");
        }
    }

    public static Shadowing requested(Instant now) {
        return new Shadowing(State.REQUESTED, null, null, now);
    }

    /** {@code by} proposes a date (first proposal or a counter-proposal); a confirmed date cannot be re-proposed. */
    public Shadowing proposed(LocalDate newDate, Side by, Instant now) {
        if (state == State.CONFIRMED) {
            throw new IllegalStateException("the shadowing date is already confirmed");
        }
        return new Shadowing(State.PROPOSED, newDate, by, now);
    }

    /** The side that did not propose the date confirms it. */
    public Shadowing confirmedBy(Side by, Instant now) {
        if (state != State.PROPOSED) {
            throw new IllegalStateException("there is no proposed date to confirm");
        }
        if (by == proposedBy) {
            throw new IllegalStateException("the other side confirms a proposed date");
        }
        return new Shadowing(State.CONFIRMED, date, proposedBy, now);
    }
}
