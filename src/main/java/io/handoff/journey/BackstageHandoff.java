package io.handoff.journey;

import java.time.Instant;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.PersonId;
import io.handoff.map.FrictionAggregate;

/**
 * One internal handoff behind a touchpoint: {@code upstream} hands {@code what} to {@code downstream}, {@code hops}
 * handoffs away from the front line (1 = into a front-line person). {@code friction} is present only when the
 * tenant's minimum of respondents answered for it, as on every map.
 */
public record BackstageHandoff(PersonId upstream, String upstreamName, PersonId downstream, String downstreamName,
                               String what, int hops, EdgeStatus status, Criticality criticality,
                               Instant lastKnownTrue, long daysSinceConfirmed, boolean stale,
                               Optional<FrictionAggregate> friction) {
}
