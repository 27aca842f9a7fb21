package io.handoff.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import io.handoff.graph.TenantId;
import io.handoff.map.DatedFriction;

/**
 * What a manager reads about a journey: its blueprint, the touchpoints whose customer signal fell
 * ({@link SignalFalls}, the tenant's {@code journey-signal-fall}), and "where to look inside": the backstage handoffs
 * of those touchpoints whose friction rose over the same recent periods. That is co-movement, never a cause; friction
 * only where the maps may show it (the tenant's minimum of respondents).
 */
final class JourneyInsights {
    private final Journeys journeys;
    private final JourneyQueries queries;
    private final ToIntFunction<TenantId> fallThreshold;
    private final Clock clock;

    public JourneyInsights(Journeys journeys, JourneyQueries queries, ToIntFunction<TenantId> fallThreshold,
                           Clock clock) {
        this.journeys = Objects.requireNonNull(journeys);
        this.queries = Objects.requireNonNull(queries);
        this.fallThreshold = Objects.requireNonNull(fallThreshold);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A fallen touchpoint with the backstage handoffs whose friction rose with it (empty when none did). */
    public record FallenTouchpoint(Blueprint.TouchpointPlan plan, List<SignalFalls.Fall> falls,
                                   List<BackstageHandoff> movedTogether, Optional<String> comparedUpTo,
                                   boolean recent) {
        public FallenTouchpoint {
            falls = List.copyOf(falls);
            movedTogether = List.copyOf(movedTogether);
            comparedUpTo = Objects.requireNonNullElse(comparedUpTo, Optional.empty());
        }

        /** A fall too long ago to compare with friction (friction reads only the latest closed periods). */
        static FallenTouchpoint longAgo(Blueprint.TouchpointPlan plan, List<SignalFalls.Fall> falls) {
            return new FallenTouchpoint(plan, falls, List.of(), Optional.empty(), false);
        }

        /**
         * Whether friction behind the touchpoint could be compared at all: some handoff behind it had enough answers
         * in a recent period ({@link #comparedUpTo} names the latest such period in words).
         */
        public boolean compared() {
            return comparedUpTo.isPresent();
        }

        public Touchpoint touchpoint() {
            return plan.touchpoint();
        }

        /** The latest period among the falls (the period a note about this fall is keyed by). */
        public SignalPeriod latestPeriod() {
            return falls.stream().map(SignalFalls.Fall::latestPeriod).max(SignalPeriod::compareTo).orElseThrow();
        }
    }

    /** The blueprint and the fallen touchpoints, in journey order. */
    public record Insight(Blueprint blueprint, List<FallenTouchpoint> fallen) {
        public Insight {
            fallen = List.copyOf(fallen);
        }
    }

    public Insight insight(TenantId tenant, JourneyId id) {
        Blueprint blueprint = queries.blueprint(tenant, id, queries.depth());
        return insight(tenant, blueprint, journeys.signals(tenant, id));
    }

    /** Every journey of the tenant with what fell in it (one read of the graph per journey). */
    public List<Insight> all(TenantId tenant) {
        List<Insight> insights = new ArrayList<>();
        for (Journey journey : journeys.journeys(tenant)) {
            try {
                insights.add(insight(tenant, journey.id()));
            } catch (UnknownJourneyException deletedMeanwhile) {
                // nothing to say about a journey that is gone
            }
        }
        return insights;
    }

    Insight insight(TenantId tenant, Blueprint blueprint, List<CustomerSignal> signals) {
        Map<TouchpointId, List<SignalFalls.Fall>> byTouchpoint = new LinkedHashMap<>();
        SignalFalls.falls(signals, fallThreshold.applyAsInt(tenant))
                .forEach(f -> byTouchpoint.computeIfAbsent(f.touchpoint(), t -> new ArrayList<>()).add(f));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<FallenTouchpoint> fallen = new ArrayList<>();
        java.util.function.BiFunction<io.handoff.graph.PersonId, io.handoff.graph.PersonId,
                Optional<DatedFriction>> friction = null;
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                List<SignalFalls.Fall> falls = byTouchpoint.getOrDefault(plan.touchpoint().id(), List.of());
                if (falls.isEmpty()) {
                    continue;
                }
                boolean recent = falls.stream().anyMatch(f -> recent(f.latestPeriod(), today));
                if (!recent) {
                    fallen.add(FallenTouchpoint.longAgo(plan, falls));
                    continue;
                }
                friction = friction != null ? friction : queries.recentFriction(tenant);
                fallen.add(movedTogether(plan, falls, friction));
            }
        }
        return new Insight(blueprint, fallen);
    }

    /**
     * The backstage handoffs whose friction rose, each read from the latest closed period with enough answers among
     * the latest {@link DatedFriction#LOOK_BACK} (one quiet period does not hide them), and that period in words: the
     * most recent one any of them was read from.
     */
    private static FallenTouchpoint movedTogether(Blueprint.TouchpointPlan plan, List<SignalFalls.Fall> falls,
                                                  java.util.function.BiFunction<io.handoff.graph.PersonId,
                                                          io.handoff.graph.PersonId, Optional<DatedFriction>> friction) {
        List<BackstageHandoff> together = new ArrayList<>();
        DatedFriction newest = null;
        for (BackstageHandoff h : plan.backstage()) {
            Optional<DatedFriction> dated = friction.apply(h.upstream(), h.downstream());
            if (dated.isEmpty()) {
                continue;
            }
            if (newest == null || dated.get().back() < newest.back()) {
                newest = dated.get();
            }
            if (SignalFalls.frictionRose(dated.get().aggregate())) {
                together.add(new BackstageHandoff(h.upstream(), h.upstreamName(), h.downstream(), h.downstreamName(),
                        h.what(), h.hops(), h.status(), h.criticality(), h.lastKnownTrue(), h.daysSinceConfirmed(),
                        h.stale(), Optional.of(dated.get().aggregate())));
            }
        }
        return new FallenTouchpoint(plan, falls, together, Optional.ofNullable(newest).map(DatedFriction::period),
                true);
    }

    /**
     * Friction trends are the latest closed poll periods, so a fall is compared with them only when it is recent:
     * its latest period began at most five weeks (a week) or two months (a month) ago.
     */
    static boolean recent(SignalPeriod period, LocalDate today) {
        LocalDate since = period.week() ? today.minusWeeks(5) : today.minusMonths(2);
        return !period.start().isBefore(since);
    }

    public Optional<Journey> find(TenantId tenant, String idOrName) {
        String wanted = idOrName.strip();
        List<Journey> all = journeys.journeys(tenant);
        return all.stream().filter(j -> j.id().value().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> all.stream().filter(j -> j.name().equalsIgnoreCase(wanted)).findFirst());
    }

    public List<Journey> journeys(TenantId tenant) {
        return journeys.journeys(tenant);
    }
}
