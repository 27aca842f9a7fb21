package io.handoff.map;

import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Port to the friction polls: aggregates per handoff and per pair of teams. An implementation returns an aggregate
 * only where enough people answered for it to be shown (the configured minimum of respondents), so no individual
 * answer can be read off a map. {@link #NONE} is used until friction polls are wired in: every edge is drawn grey.
 */
public interface FrictionScores {

    Optional<FrictionAggregate> handoff(TenantId tenant, PersonId upstream, PersonId downstream);

    Optional<FrictionAggregate> teams(TenantId tenant, TeamId upstream, TeamId downstream);

    /** Handoff aggregates for one query over many handoffs whose downstream people's teams are already known. */
    @FunctionalInterface
    interface HandoffLookup {
        Optional<FrictionAggregate> of(PersonId upstream, PersonId downstream, Optional<TeamId> downstreamTeam);
    }

    /**
     * A look-up for one query: an implementation reads what every handoff shares (the period, its state) once
     * instead of once per handoff. By default it asks {@link #handoff} each time.
     */
    default HandoffLookup handoffs(TenantId tenant) {
        return (upstream, downstream, team) -> handoff(tenant, upstream, downstream);
    }

    /**
     * The fewest respondents an aggregate needs before a map shows it: the tenant's own threshold (friction's
     * {@code min-respondents} setting). Without friction polls nothing is shown whatever the number.
     */
    default int minRespondents(TenantId tenant) {
        return NO_AGGREGATE_BELOW;
    }

    /**
     * Readings for the manager's report: the shown figure with its trend by period, or how many answered so far when
     * the minimum is not met. By default (no friction polls) there is nothing to read.
     */
    default FrictionReading.Lookup readings(TenantId tenant) {
        return FrictionReading.Lookup.NONE;
    }

    /**
     * Friction of handoffs from the most recent closed period, among the latest {@code lookBack}, in which at least the
     * tenant's minimum of people answered about that handoff, with the period it comes from. By default (no friction
     * polls) there is nothing to read.
     */
    default DatedFriction.Lookup recent(TenantId tenant, int lookBack) {
        return DatedFriction.Lookup.NONE;
    }

    /** The threshold of an implementation that knows no tenant settings: the lowest the settings allow. */
    int NO_AGGREGATE_BELOW = 2;

    FrictionScores NONE = new FrictionScores() {
        @Override
        public Optional<FrictionAggregate> handoff(TenantId tenant, PersonId upstream, PersonId downstream) {
            return Optional.empty();
        }

        @Override
        public Optional<FrictionAggregate> teams(TenantId tenant, TeamId upstream, TeamId downstream) {
            return Optional.empty();
        }
    };
}
