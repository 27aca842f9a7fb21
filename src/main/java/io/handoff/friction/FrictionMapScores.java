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
import io.handoff.map.FrictionReading;
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

    /** Reads the latest closed period and its trend once; each handoff is then a look-up in memory. */
    @Override
    public HandoffLookup handoffs(TenantId tenant) {
        List<Map<Scope, ShownAggregate>> periods = new ArrayList<>(TREND_PERIODS);
        Period period = latestClosed(tenant);
        for (int i = 0; i < TREND_PERIODS; i++) {
            periods.add(shownIn(tenant, period));
            period = period.previous();
        }
        return (upstream, downstream, team) -> team.flatMap(t -> aggregate(new Scope.PersonToTeam(upstream, t), periods));
    }

    /**
     * For the manager's report: the shown figure of the upstream's handoffs to the downstream's team with the closed
     * periods just before it (consecutive ones only, each read by its dates), or how many of that team answered so far
     * in the running period. Reads the periods and the running answers once per report.
     */
    @Override
    public FrictionReading.Lookup readings(TenantId tenant) {
        int minimum = minRespondents(tenant);
        Period latest = latestClosed(tenant);
        List<Period> closedPeriods = new ArrayList<>(TREND_PERIODS);
        List<Map<Scope, ShownAggregate>> shown = new ArrayList<>(TREND_PERIODS);
        Period period = latest;
        for (int i = 0; i < TREND_PERIODS; i++) {
            closedPeriods.add(period);
            shown.add(shownIn(tenant, period));
            period = period.previous();
        }
        Period running = friction.currentPeriod(tenant);
        Map<Scope, java.util.Set<PersonId>> answered = new java.util.HashMap<>();
        for (FrictionAnswer answer : friction.store().answers(tenant, running)) {
            answer.downstreamTeamId().ifPresent(team -> answered.computeIfAbsent(
                    new Scope.PersonToTeam(answer.upstream(), team), s -> new java.util.HashSet<>())
                    .add(answer.downstream()));
        }
        var teams = graph.teamMap(tenant);
        return (upstream, downstream, team) -> team.map(t -> {
            Scope scope = new Scope.PersonToTeam(upstream, t);
            List<FrictionReading.Point> trend = new ArrayList<>();
            for (int i = 0; i < closedPeriods.size(); i++) {
                ShownAggregate aggregate = shown.get(i).get(scope);
                if (aggregate == null) {
                    break; // the trend reads only consecutive periods with a figure
                }
                Period p = closedPeriods.get(i);
                trend.add(0, new FrictionReading.Point(p.label(), p.start(), p.end(), aggregate.mean()));
            }
            ShownAggregate now = shown.get(0).get(scope);
            Optional<FrictionReading.Figure> figure = now == null ? Optional.empty()
                    : Optional.of(new FrictionReading.Figure(now.mean(), now.answers(), trend));
            int soFar = answered.getOrDefault(scope, java.util.Set.of()).size();
            return new FrictionReading(figure, soFar, minimum, running.spoken(), teams.teamName(t));
        });
    }

    /**
     * For a journey's "moved together": the latest closed period, among the latest {@code lookBack}, whose aggregate
     * for the upstream's handoffs to the downstream's team met the tenant's minimum, with the trend of the
     * {@value #TREND_PERIODS} periods up to it (only those that met the minimum too). A quiet period no longer ends the
     * comparison; a figure below the minimum is never used.
     */
    @Override
    public io.handoff.map.DatedFriction.Lookup recent(TenantId tenant, int lookBack) {
        int minimum = minRespondents(tenant);
        int back = Math.max(1, lookBack);
        List<Period> periods = new ArrayList<>();
        List<Map<Scope, ShownAggregate>> shown = new ArrayList<>();
        Period period = latestClosed(tenant);
        for (int i = 0; i < back + TREND_PERIODS - 1; i++) {
            periods.add(period);
            shown.add(shownIn(tenant, period));
            period = period.previous();
        }
        return (upstream, downstream, team) -> team.flatMap(t -> {
            Scope scope = new Scope.PersonToTeam(upstream, t);
            for (int start = 0; start < back; start++) {
                ShownAggregate now = shown.get(start).get(scope);
                if (now == null || now.respondents() < minimum) {
                    continue;
                }
                List<Double> trend = new ArrayList<>();
                for (int i = start; i < start + TREND_PERIODS; i++) {
                    ShownAggregate earlier = shown.get(i).get(scope);
                    if (earlier != null && earlier.respondents() >= minimum) {
                        trend.add(0, score(earlier));
                    }
                }
                return Optional.of(new io.handoff.map.DatedFriction(new FrictionAggregate(score(now),
                        now.respondents(), trend), periods.get(start).label(), start));
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<FrictionAggregate> teams(TenantId tenant, TeamId upstream, TeamId downstream) {
        return aggregate(tenant, new Scope.TeamPair(upstream, downstream));
    }

    private Optional<FrictionAggregate> aggregate(TenantId tenant, Scope scope) {
        Period period = latestClosed(tenant);
        ShownAggregate now = shownIn(tenant, period).get(scope);
        if (now == null) {
            return Optional.empty();
        }
        List<Map<Scope, ShownAggregate>> periods = new ArrayList<>(TREND_PERIODS);
        for (int i = 0; i < TREND_PERIODS; i++) {
            periods.add(i == 0 ? Map.of(scope, now) : shownIn(tenant, period));
            period = period.previous();
        }
        return aggregate(scope, periods);
    }

    /** The latest period whose digest has run: the previous one, or the one before while its digest is due. */
    private Period latestClosed(TenantId tenant) {
        Period latest = friction.currentPeriod(tenant).previous();
        return friction.store().closed(tenant, latest) ? latest : latest.previous();
    }

    /** The aggregate of {@code scope} in the first of {@code periods} (latest first) with its trend, oldest first. */
    private static Optional<FrictionAggregate> aggregate(Scope scope, List<Map<Scope, ShownAggregate>> periods) {
        ShownAggregate now = periods.get(0).get(scope);
        if (now == null) {
            return Optional.empty();
        }
        List<Double> trend = new ArrayList<>();
        for (Map<Scope, ShownAggregate> shown : periods) {
            Optional.ofNullable(shown.get(scope)).ifPresent(a -> trend.add(0, score(a)));
        }
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
