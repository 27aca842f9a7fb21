package io.handoff.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * An edge of the internal-customer graph: {@code upstream} hands {@code terms.what()} to {@code downstream},
 * who is therefore upstream's internal customer. Timestamps are kept to the second.
 *
 * <p>Invariants: the two ends differ; an edge claimed by both sides is confirmed and a confirmed edge is claimed
 * by both; a confirmed edge has a confirmation time; nothing happens before the edge was created.
 */
public record Handoff(PersonId upstream, PersonId downstream, HandoffTerms terms, Health health, ClaimedBy claimedBy,
                      EdgeStatus status, Instant lastConfirmedAt, Instant createdAt, Instant updatedAt) {

    public Handoff {
        Objects.requireNonNull(upstream, "upstream is required");
        Objects.requireNonNull(downstream, "downstream is required");
        if (upstream.equals(downstream)) {
            throw new Refusal("a person cannot be their own internal customer (" + upstream + ")");
        }
        Objects.requireNonNull(terms, "terms are required");
        Objects.requireNonNull(health, "health is required");
        Objects.requireNonNull(claimedBy, "claimedBy is required");
        Objects.requireNonNull(status, "status is required");
        createdAt = seconds(Objects.requireNonNull(createdAt, "createdAt is required"));
        updatedAt = seconds(Objects.requireNonNull(updatedAt, "updatedAt is required"));
        lastConfirmedAt = lastConfirmedAt == null ? null : seconds(lastConfirmedAt);
        if ((claimedBy == ClaimedBy.BOTH) != (status == EdgeStatus.CONFIRMED)) {
            throw new IllegalArgumentException("an edge is confirmed exactly when both sides claim it (was "
                    + claimedBy + ", " + status + ")");
        }
        if (status == EdgeStatus.CONFIRMED && lastConfirmedAt == null) {
            throw new IllegalArgumentException("a confirmed edge needs its confirmation time");
        }
        if (updatedAt.isBefore(createdAt) || (lastConfirmedAt != null && lastConfirmedAt.isBefore(createdAt))) {
            throw new IllegalArgumentException("edge timestamps go back before its creation");
        }
    }

    /** A new edge, named by one side. */
    public static Handoff claimed(PersonId upstream, PersonId downstream, HandoffTerms terms, Side by, Instant now) {
        return new Handoff(upstream, downstream, terms, Health.OK, ClaimedBy.of(by), EdgeStatus.CLAIMED, null, now, now);
    }

    public String what() {
        return terms.what();
    }

    public Frequency frequency() {
        return terms.frequency();
    }

    public Criticality criticality() {
        return terms.criticality();
    }

    public PersonId end(Side side) {
        return side == Side.UPSTREAM ? upstream : downstream;
    }

    /** Claimed by one side only and not yet answered by the other: for the upstream side, a hidden customer. */
    public boolean pending() {
        return status == EdgeStatus.CLAIMED;
    }

    /**
     * {@code by} names this edge (again) with {@code newTerms}. Saying the same thing twice changes nothing.
     * When the other side names it too, the edge is confirmed. Criticality is the downstream's to judge, so an
     * upstream claim does not overrule a criticality the downstream already gave.
     */
    public Handoff claimedAgainBy(Side by, HandoffTerms newTerms, Instant now) {
        HandoffTerms merged = by == Side.UPSTREAM && claimedBy.includes(Side.DOWNSTREAM)
                ? new HandoffTerms(newTerms.what(), newTerms.frequency(), terms.criticality())
                : newTerms;
        if (claimedBy.includes(by) && status != EdgeStatus.DISPUTED && merged.equals(terms)) {
            return this;
        }
        ClaimedBy nowClaimedBy = status == EdgeStatus.DISPUTED ? ClaimedBy.of(by) : claimedBy.plus(by);
        if (nowClaimedBy == ClaimedBy.BOTH) {
            return new Handoff(upstream, downstream, merged, health, ClaimedBy.BOTH, EdgeStatus.CONFIRMED, now, createdAt, now);
        }
        return new Handoff(upstream, downstream, merged, health, nowClaimedBy, EdgeStatus.CLAIMED, lastConfirmedAt, createdAt, now);
    }

    /** {@code by} confirms the edge (first confirmation, or a re-confirmation of a stale one). */
    public Handoff confirmedBy(Side by, Instant now) {
        if (status == EdgeStatus.DISPUTED && claimedBy.includes(by)) {
            throw new IllegalStateException("the side that claimed a disputed edge cannot confirm it for the other side");
        }
        return new Handoff(upstream, downstream, terms, health, ClaimedBy.BOTH, EdgeStatus.CONFIRMED, now, createdAt, now);
    }

    /** {@code by} says the edge is not really there. Disputing twice changes nothing. */
    public Handoff disputedBy(Side by, Instant now) {
        ClaimedBy claimant = ClaimedBy.of(by.other());
        if (status == EdgeStatus.DISPUTED && claimedBy == claimant) {
            return this;
        }
        return new Handoff(upstream, downstream, terms, health, claimant, EdgeStatus.DISPUTED, lastConfirmedAt, createdAt, now);
    }

    public Handoff withHealth(Health newHealth, Instant now) {
        return newHealth == health ? this
                : new Handoff(upstream, downstream, terms, newHealth, claimedBy, status, lastConfirmedAt, createdAt, now);
    }

    /** When the edge was last known to be true: its last confirmation, or its last change if never confirmed. */
    public Instant lastKnownTrue() {
        return lastConfirmedAt != null ? lastConfirmedAt : updatedAt;
    }

    private static Instant seconds(Instant instant) {
        return instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond());
    }
}
