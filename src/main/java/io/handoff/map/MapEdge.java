package io.handoff.map;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Health;

/**
 * An arrow from upstream {@code from} to downstream {@code to}: one handoff between people, or all handoffs between
 * two teams ({@code handoffs} counted, {@code frequency} then null, {@code criticality} the highest). The counts say
 * how many are confirmed by both sides, disputed, or still named by one side only. {@code unaware} is, for a handoff
 * named by one side only, the person who has not named it (for an upstream: a hidden customer); null otherwise.
 */
public record MapEdge(String from, String to, String what, Frequency frequency, Criticality criticality, Health health,
                      int handoffs, int confirmed, int disputed, int pending, Optional<FrictionAggregate> friction,
                      Instant lastConfirmedAt, String unaware, List<HandedOver> items) {

    /** One thing a team hands another ("sorted parcels") and how many of the handoffs between them carry it. */
    public record HandedOver(String what, int handoffs) {
        public HandedOver {
            Objects.requireNonNull(what, "what");
        }
    }

    /** An arrow without its items (a person's handoff: {@code what} says it all). */
    public MapEdge(String from, String to, String what, Frequency frequency, Criticality criticality, Health health,
                   int handoffs, int confirmed, int disputed, int pending, Optional<FrictionAggregate> friction,
                   Instant lastConfirmedAt, String unaware) {
        this(from, to, what, frequency, criticality, health, handoffs, confirmed, disputed, pending, friction,
                lastConfirmedAt, unaware, List.of());
    }

    public MapEdge {
        items = items == null ? List.of() : List.copyOf(items);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(criticality, "criticality");
        health = health == null ? Health.OK : health;
        friction = friction == null ? Optional.empty() : friction;
        if (confirmed + disputed + pending != handoffs || handoffs < 1) {
            throw new IllegalArgumentException("edge counts do not add up for " + from + " -> " + to);
        }
    }

    public boolean critical() {
        return criticality == Criticality.CRITICAL;
    }

    /** Nobody on the other side has confirmed any of it yet: drawn dashed. */
    public boolean unconfirmed() {
        return confirmed == 0 && pending > 0;
    }

    public boolean anyDisputed() {
        return disputed > 0;
    }

    public boolean blocking() {
        return health == Health.BLOCKING;
    }

    /** How heavy the line is: by frequency for one handoff, by count for a team link (1 to 6). */
    public double weight() {
        if (frequency != null) {
            return switch (frequency) {
                case DAILY -> 4;
                case WEEKLY -> 3;
                case MONTHLY -> 2;
                case AD_HOC -> 1;
            };
        }
        return Math.min(6, 1 + Math.log(handoffs) / Math.log(2));
    }

    /** The word for the edge's state: confirmed, unconfirmed, disputed or mixed. */
    public String statusWord() {
        if (disputed > 0) {
            return disputed == handoffs ? "disputed" : "partly disputed";
        }
        if (pending > 0) {
            return confirmed == 0 ? "unconfirmed" : "partly confirmed";
        }
        return "confirmed";
    }
}
