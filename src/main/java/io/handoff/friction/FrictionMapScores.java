package io.handoff.friction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.FrictionAggregate;
import io.handoff.map.FrictionScores;

/**
 * Friction for the maps, only from aggregates the {@link AnonymityPolicy} allowed when their period closed. A person
 * to person handoff is coloured with its upstream's aggregate for the downstream's team (never the one answer on
 * that edge); a pair of teams with the team-pair aggregate. The score is 0 (mean 5, smooth) to 1 (mean 1), over the
 * latest closed period, with up to {@value #TREND_PERIODS} closed periods of trend.
 */
public final class FrictionMapScores implements FrictionScores {
    static final int TREND_PERIODS = 6;

    private static final int CACHED_PERIODS = 512;

    private final GraphStore graph;
    private final FrictionService friction;
    /** Closed periods never change, so their shown aggregates are kept in memory (tenant + period id). */
    private final Map<String, Map<Scope, ShownAggregate>> closed = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<Scope, ShownAggregate>> eldest) {
                    return size() > CACHED_PERIODS;
                }
            });

    public FrictionMapScores(GraphStore graph, FrictionService friction) {
        this.graph = Objects.requireNonNull(graph);
        this.friction = Objects.requireNonNull(friction);
    }

    /** The tenant's own {@code min-respondents} (the maps check it again over what friction allowed). */
    @Override
    public int minRespondents(TenantId tenant) {
        return friction.settings(tenant).policy().minRespondents();
    }

    @Override
    public Optional<FrictionAggregate> handoff(TenantId tenant, PersonId upstream, PersonId downstream) {
        return graph.person(tenant, downstream).flatMap(Person::teamId)
                .flatMap(team -> aggregate(tenant, new Scope.PersonToTeam(upstream, team)));
    }

    @Override
    public Optional<FrictionAggregate> teams(TenantId tenant, TeamId upstream, TeamId downstream) {
        return aggregate(tenant, new Scope.TeamPair(upstream, downstream));
    }

    private Optional<FrictionAggregate> aggregate(TenantId tenant, Scope scope) {
        FrictionStore store = friction.store();
        Period latest = friction.currentPeriod(tenant).previous();
        if (!store.closed(tenant, latest)) {
            latest = latest.previous(); // the digest of the period just ended has not run yet
        }
        List<Double> trend = new ArrayList<>();
        Optional<ShownAggregate> current = Optional.empty();
        Period period = latest;
        for (int i = 0; i < TREND_PERIODS; i++) {
            Optional<ShownAggregate> shown = Optional.ofNullable(shownIn(tenant, period).get(scope));
            if (i == 0) {
                current = shown;
                if (current.isEmpty()) {
                    return Optional.empty();
                }
            }
            shown.ifPresent(a -> trend.add(0, score(a)));
            period = period.previous();
        }
        ShownAggregate now = current.orElseThrow();
        return Optional.of(new FrictionAggregate(score(now), now.respondents(), trend));
    }

    private Map<Scope, ShownAggregate> shownIn(TenantId tenant, Period period) {
        String key = tenant.value() + "|" + period.id();
        Map<Scope, ShownAggregate> cached = closed.get(key);
        if (cached != null) {
            return cached;
        }
        FrictionStore store = friction.store();
        if (!store.closed(tenant, period)) {
            return Map.of();
        }
        Map<Scope, ShownAggregate> shown = Map.copyOf(store.shown(tenant, period));
        closed.put(key, shown);
        return shown;
    }

    /** 0 for a mean of 5 (no friction) to 1 for a mean of 1. */
    static double score(ShownAggregate aggregate) {
        return (5.0 - aggregate.mean()) / 4.0;
    }
}
