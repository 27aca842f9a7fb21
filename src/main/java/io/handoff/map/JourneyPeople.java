package io.handoff.map;

import java.util.Optional;
import java.util.Set;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * The people behind a customer journey, for {@code map journey <name>}: the front-line owners of its touchpoints and
 * their upstream chain of handoffs. The journey module implements this port (maps must not depend on journeys);
 * without it no journey is known.
 */
@FunctionalInterface
public interface JourneyPeople {
    /** The journey with this id or name (case-insensitive), and its people; empty when there is none. */
    Optional<Crew> crew(TenantId tenant, String idOrName);

    JourneyPeople NONE = (tenant, idOrName) -> Optional.empty();

    /** A journey's id and name, and the people behind it. */
    record Crew(String id, String name, Set<PersonId> people) {
        public Crew {
            people = Set.copyOf(people);
        }
    }
}
