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
                                   List<BackstageHandoff> movedTogether) {
        public FallenTouchpoint {
            falls = List.copyOf(falls);
            movedTogether = List.copyOf(movedTogether);
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
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                List<SignalFalls.Fall> falls = byTouchpoint.getOrDefault(plan.touchpoint().id(), List.of());
                if (falls.isEmpty()) {
                    continue;
                }
                boolean recent = falls.stream().anyMatch(f -> recent(f.latestPeriod(), today));
                List<BackstageHandoff> together = !recent ? List.of() : plan.backstage().stream()
                        .filter(h -> h.friction().filter(SignalFalls::frictionRose).isPresent()).toList();
                fallen.add(new FallenTouchpoint(plan, falls, together));
            }
        }
        return new Insight(blueprint, fallen);
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
