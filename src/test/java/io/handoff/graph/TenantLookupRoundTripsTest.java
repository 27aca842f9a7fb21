package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.handoff.testing.RoundTripRecorder;
import io.handoff.testing.TestRedis;

/**
 * The Redis round trips of finding who acts (the lookup before every acknowledgement), counted by a client that
 * records them: one once this instance kept the tenant index's answer, and no more than two after another instance
 * wrote the index (the kept answer's pipeline, then the index; its answer stands when the index still names the same
 * tenant). Single node only: the recorder wraps a plain connection.
 */
class TenantLookupRoundTripsTest {
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

    private final RoundTripRecorder recorder = new RoundTripRecorder();
    private final RedisGraphStore store = new RedisGraphStore(recorder.client());
    private final RedisGraphStore otherInstance = new RedisGraphStore(TestRedis.client());
    private final Predicate<String> thisThread = Thread.currentThread().getName()::equals;

    @Test
    void aKnownWorkspaceIsOneRoundTripAndAtMostTwoAfterAnotherInstanceWroteTheIndex() {
        TenantId tenant = TestRedis.uniqueTenant();
        String team = "T" + tenant.value();
        store.saveTenant(new Tenant(tenant, "Acme Parcels", null, team, null, NOW));
        assertThat(store.slackActor(null, team, "UPAT")).map(GraphStore.KnownActor::tenant).contains(tenant);

        assertThat(lookUp(tenant, team)).as("the token, the tenant and the identity in one pipeline").hasSize(1);

        TenantId other = TestRedis.uniqueTenant();
        otherInstance.saveTenant(new Tenant(other, "Another firm", null, "T" + other.value(), null, NOW));
        assertThat(lookUp(tenant, team)).as("the kept answer's pipeline, then the index, which names the same tenant")
                .hasSize(2);
        assertThat(lookUp(tenant, team)).as("the answer kept again under the new token").hasSize(1);
    }

    /** Finds the asker in the workspace and returns the round trips it took. */
    private List<RoundTripRecorder.RoundTrip> lookUp(TenantId tenant, String team) {
        int mark = recorder.mark();
        assertThat(store.slackActor(null, team, "UPAT")).map(GraphStore.KnownActor::tenant).contains(tenant);
        return recorder.since(mark, thisThread);
    }
}
