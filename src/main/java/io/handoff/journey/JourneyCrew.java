package io.handoff.journey;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.JourneyPeople;

/**
 * The people behind a journey for the maps ({@code map journey <name>}): every touchpoint's front-line people and
 * everyone on the backstage chain behind them, walked as the blueprint walks it (confirmed and claimed handoffs, to
 * the configured depth).
 */
final class JourneyCrew implements JourneyPeople {
    private final JourneyInsights insights;
    private final JourneyQueries queries;

    JourneyCrew(JourneyInsights insights, JourneyQueries queries) {
        this.insights = Objects.requireNonNull(insights);
        this.queries = Objects.requireNonNull(queries);
    }

    @Override
    public Optional<Crew> crew(TenantId tenant, String idOrName) {
        return insights.find(tenant, idOrName).map(journey -> {
            Blueprint blueprint = queries.blueprint(tenant, journey.id(), queries.depth());
            Set<PersonId> people = new LinkedHashSet<>();
            blueprint.stages().stream().flatMap(s -> s.touchpoints().stream()).forEach(plan -> {
                plan.frontStage().forEach(f -> people.add(f.person()));
                plan.backstage().forEach(h -> {
                    people.add(h.upstream());
                    people.add(h.downstream());
                });
            });
            return new Crew(journey.id().value(), journey.name(), people);
        });
    }
}
