package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static io.handoff.graph.StoreFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.handoff.testing.LocalRedisCluster;
import io.handoff.testing.RedisServerProcess;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The graph store on a real 3-master Redis Cluster (the whole RedisGraphStore*Test suite also runs there, in the
 * surefire execution "redis-cluster"): a tenant's keys share one hash slot, so its Lua writes and pipelined reads
 * work, and different tenants spread over the masters.
 */
class RedisGraphStoreOnClusterTest {
    private final LocalRedisCluster cluster = LocalRedisCluster.shared();
    private final UnifiedJedis redis = cluster.client();
    private final RedisGraphStore store = new RedisGraphStore(redis);

    @Test
    void theClusterHasThreeMastersSharingEverySlot() {
        for (RedisServerProcess node : cluster.nodes()) {
            try (Jedis jedis = node.connect()) {
                String info = jedis.clusterInfo();
                assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_size:3",
                        "cluster_known_nodes:3");
            }
        }
        assertThat(redis).isInstanceOf(RedisClusterClient.class);
        assertThat(((RedisClusterClient) redis).getClusterNodes()).hasSize(3);
    }

    @Test
    void aTenantsWholeGraphLivesInOneSlotOnOneMaster() {
        TenantId tenant = TestRedis.uniqueTenant();
        OrgGraph written = writeSmallOrganisation(tenant);

        List<String> keys = List.copyOf(new TreeSet<>(redis.keys("handoff:{" + tenant.value() + "}:*")));
        RedisServerProcess owner = cluster.ownerOf(keys.get(0));

        assertThat(keys).hasSizeGreaterThan(10);
        try (Jedis any = owner.connect()) {
            assertThat(keys.stream().map(any::clusterKeySlot).distinct()).hasSize(1);
        }
        for (RedisServerProcess node : cluster.nodes()) {
            try (Jedis jedis = node.connect()) {
                Set<String> local = jedis.keys("handoff:{" + tenant.value() + "}:*");
                assertThat(local).as(node.toString()).isEqualTo(node == owner ? Set.copyOf(keys) : Set.of());
            }
        }
        assertThat(store.graph(tenant)).isEqualTo(written);
        assertThat(store.neighbourhood(tenant, id("ana"), 2).graph().people())
                .containsOnlyKeys(id("ana"), id("ben"), id("cid"));
    }

    @Test
    void tenantsSpreadOverTheMastersAndEachReadsBackItsOwnGraph() {
        Map<RedisServerProcess, TenantId> tenantByOwner = new HashMap<>();
        for (int i = 0; i < 40 && tenantByOwner.size() < 3; i++) {
            TenantId tenant = TestRedis.uniqueTenant();
            tenantByOwner.putIfAbsent(cluster.ownerOf("handoff:{" + tenant.value() + "}:people"), tenant);
        }
        assertThat(tenantByOwner).as("tenants on distinct masters").hasSize(3);

        Map<TenantId, OrgGraph> written = new HashMap<>();
        tenantByOwner.values().forEach(tenant -> written.put(tenant, writeSmallOrganisation(tenant)));

        written.forEach((tenant, graph) -> {
            OrgGraph read = store.graph(tenant);
            assertThat(read).as(tenant.value()).isEqualTo(graph);
            assertThat(read.people().values()).extracting(Person::displayName)
                    .containsExactlyInAnyOrder("Ana " + tenant.value(), "Ben " + tenant.value(), "Cid " + tenant.value());
        });
    }

    @Test
    void theSharedTestClientIsThisClusterWhenTheTopologyIsCluster() {
        if ("cluster".equals(System.getProperty("handoff.test.redis-topology"))) {
            assertThat(TestRedis.client()).isSameAs(redis);
        } else {
            assertThat(TestRedis.client()).isNotInstanceOf(RedisClusterClient.class);
        }
    }

    private OrgGraph writeSmallOrganisation(TenantId tenant) {
        store.saveTenant(new Tenant(tenant, "Cluster Co", null, null, null, T0));
        store.saveTeam(tenant, new Team(TeamId.of("ops"), "Operations", List.of(PersonId.of("ana"))));
        store.saveTeam(tenant, new Team(TeamId.of("sales"), "Sales", List.of()));
        store.savePerson(tenant, Person.of("ana", "Ana " + tenant.value(), "ops"));
        store.savePerson(tenant, Person.of("ben", "Ben " + tenant.value(), "sales"));
        store.savePerson(tenant, Person.of("cid", "Cid " + tenant.value(), "sales"));
        store.claim(tenant, id("ana"), id("ben"), terms("weekly report", Criticality.IMPORTANT), Side.UPSTREAM, T0);
        store.claim(tenant, id("ana"), id("ben"), terms("weekly report", Criticality.IMPORTANT), Side.DOWNSTREAM,
                day(1));
        store.claim(tenant, id("ben"), id("cid"), terms("leads", Criticality.CRITICAL), Side.DOWNSTREAM, day(2));
        store.dispute(tenant, id("ben"), id("cid"), Side.UPSTREAM, day(3));
        OrgGraph graph = store.graph(tenant);
        assertThat(graph.edges()).extracting(e -> e.upstream().value() + ">" + e.downstream().value() + " " + e.status())
                .containsExactlyInAnyOrder("ana>ben CONFIRMED", "ben>cid DISPUTED");
        assertThat(graph.teams()).containsOnlyKeys(TeamId.of("ops"), TeamId.of("sales"));
        assertThat(store.teamMap(tenant).links()).contains(
                new TeamLink(TeamId.of("ops"), TeamId.of("sales"), 1, 0, 1, 0, 1, 0, 0));
        return graph;
    }
}
