package io.handoff.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * my-data shows the touchpoints a person is named as a front-line owner of; forget-me removes them from every
 * touchpoint's owners (the touchpoint stays, ownerless if nobody else owns it).
 */
final class JourneyPersonalData implements PersonalData {
    private final Journeys journeys;

    JourneyPersonalData(Journeys journeys) {
        this.journeys = Objects.requireNonNull(journeys);
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        List<String> lines = new ArrayList<>();
        List<Object> owned = new ArrayList<>();
        for (Journey journey : journeys.ownedBy(tenant, person)) {
            for (Touchpoint touchpoint : journey.touchpoints()) {
                if (touchpoint.ownerPeople().contains(person)) {
                    lines.add("Front-line owner of \"" + touchpoint.name() + "\" in the journey \"" + journey.name() + "\"");
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("journey", journey.id().value());
                    data.put("touchpoint", touchpoint.id().value());
                    data.put("name", touchpoint.name());
                    owned.add(data);
                }
            }
        }
        if (owned.isEmpty()) {
            return List.of();
        }
        return List.of(new DataSection("Customer journeys", lines, Map.of("touchpointsOwned", owned)));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        int count = journeys.forgetOwner(tenant, person);
        return count == 0 ? List.of() : List.of(count == 1 ? "your ownership of touchpoints in 1 customer journey"
                : "your ownership of touchpoints in " + count + " customer journeys");
    }
}
