package io.handoff.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.handoff.testing.LocalRedisSentinel;
import io.handoff.testing.RedisServerProcess;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Handoff on Redis Sentinel, through the application's own {@code redis-sentinel://} URL: graph writes that the
 * replica acknowledged ({@code WAIT 1}) survive the primary being killed; the sentinels promote the replica, the
 * client follows by itself and the graph reads back whole and takes new writes.
 */
class RedisSentinelFailoverTest {
    private static final Logger log = LoggerFactory.getLogger(RedisSentinelFailoverTest.class);
    private static final HandoffTerms REPORT = new HandoffTerms("weekly report", Frequency.WEEKLY, Criticality.IMPORTANT);
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void acknowledgedWritesSurviveThePrimarysDeath() {
        try (LocalRedisSentinel sentinel = LocalRedisSentinel.start();
                UnifiedJedis redis = RedisClientFactory.create(sentinel.url(), Duration.ofSeconds(2), 4)) {
            RedisSentinelClient client = (RedisSentinelClient) redis;
            HostAndPort replica = sentinel.replica().hostAndPort();
            assertThat(client.getCurrentMaster()).isEqualTo(sentinel.primary().hostAndPort());

            GraphStore store = new RedisGraphStore(redis);
            TenantId tenant = TestRedis.uniqueTenant();
            store.savePerson(tenant, Person.of("ana", "Ana Ops", "ops"));
            store.savePerson(tenant, Person.of("ben", "Ben Sales", "sales"));
            store.savePerson(tenant, Person.of("cid", "Cid Sales", "sales"));
            store.claim(tenant, PersonId.of("ana"), PersonId.of("ben"), REPORT, Side.UPSTREAM, T0);
            store.claim(tenant, PersonId.of("ana"), PersonId.of("ben"), REPORT, Side.DOWNSTREAM, T0.plusSeconds(60));
            long acknowledged = redis.waitReplicas("handoff:{" + tenant.value() + "}:people", 1, 5_000);
            OrgGraph before = store.graph(tenant);

            assertThat(acknowledged).as("replicas that acknowledged the writes").isEqualTo(1);
            assertThat(before.edges()).singleElement()
                    .satisfies(edge -> assertThat(edge.status()).isEqualTo(EdgeStatus.CONFIRMED));

            Instant killed = Instant.now();
            sentinel.primary().kill();
            RedisServerProcess.await("the sentinels promote the replica", Duration.ofSeconds(30),
                    () -> sentinel.primaryAsSeenBySentinels().equals(List.of(replica, replica, replica)));
            Duration promotion = Duration.between(killed, Instant.now());
            RedisServerProcess.await("the client reads the graph from the new primary", Duration.ofSeconds(30),
                    () -> client.getCurrentMaster().equals(replica) && store.graph(tenant).equals(before));
            Duration recovery = Duration.between(killed, Instant.now());

            store.claim(tenant, PersonId.of("ben"), PersonId.of("cid"), REPORT, Side.DOWNSTREAM, T0.plusSeconds(120));
            assertThat(store.graph(tenant).edges()).hasSize(2);
            assertThat(store.graph(tenant).people()).isEqualTo(before.people());
            try (Jedis promoted = sentinel.replica().connect(LocalRedisSentinel.PASSWORD)) {
                assertThat(promoted.info("replication")).contains("role:master");
            }
            assertThat(redis.waitReplicas("handoff:{" + tenant.value() + "}:people", 1, 200))
                    .as("no replica is left to acknowledge: WAIT tells the writer").isZero();
            log.info("Sentinel failover: replica promoted {} ms after the primary was killed, client reading the "
                    + "graph from it after {} ms", promotion.toMillis(), recovery.toMillis());
        }
    }
}
