package io.handoff.map;

import java.time.Instant;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The demo organisation in a fresh tenant of the real test Redis, and a map service over it. */
final class MapFixture {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final RedisGraphStore store = new RedisGraphStore(TestRedis.client());
    final TenantId tenant = TestRedis.uniqueTenant();
    final MapService maps;

    MapFixture() {
        this(FrictionScores.NONE);
    }

    MapFixture(FrictionScores friction) {
        SampleOrganisation.load(store, tenant, NOW);
        maps = new MapService(store, new MapBuilder(friction, MapBuilder.DEFAULT_COLLAPSE_ABOVE, 3));
    }
}
