package io.handoff.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.empathy.RelayedStories;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * The touchpoints a person is on the front line of (an owner, or a member of an owner team), each with their direct
 * suppliers behind it: the upstream people of the backstage handoffs into them (confirmed or claimed, never disputed,
 * as the blueprint walks), one per person.
 */
final class FrontLineTouchpoints {
    private final Journeys journeys;
    private final JourneyQueries queries;

    FrontLineTouchpoints(Journeys journeys, JourneyQueries queries) {
        this.journeys = Objects.requireNonNull(journeys);
        this.queries = Objects.requireNonNull(queries);
    }

    /** One touchpoint the person is on the front line of, with the people who hand work straight to them. */
    record Owned(Journey journey, Touchpoint touchpoint, List<RelayedStories.Supplier> suppliers,
                 List<String> supplierNames) {
        Owned {
            suppliers = List.copyOf(suppliers);
            supplierNames = List.copyOf(supplierNames);
        }
    }

    List<Owned> ownedBy(TenantId tenant, PersonId person) {
        List<Owned> owned = new ArrayList<>();
        for (Journey journey : journeys.journeys(tenant)) {
            for (Blueprint.StagePlan stage : queries.blueprint(tenant, journey.id(), 1).stages()) {
                for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                    if (plan.frontStage().stream().noneMatch(f -> f.person().equals(person))) {
                        continue;
                    }
                    Map<PersonId, BackstageHandoff> direct = new LinkedHashMap<>();
                    plan.backstage().stream().filter(h -> h.downstream().equals(person) && h.hops() == 1)
                            .forEach(h -> direct.putIfAbsent(h.upstream(), h));
                    owned.add(new Owned(journey, plan.touchpoint(), direct.values().stream()
                            .map(h -> new RelayedStories.Supplier(h.upstream(), h.what())).toList(),
                            direct.values().stream().map(BackstageHandoff::upstreamName).toList()));
                }
            }
        }
        return owned;
    }
}
