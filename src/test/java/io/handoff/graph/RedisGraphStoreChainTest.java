package io.handoff.graph;

import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain behind or ahead of some people: a one-way walk through confirmed and claimed handoffs. The graph:
 * <pre>
 *   sam → pat → dana → cust        (sam, pat in depot; dana, kim in drivers)
 *          ↑      ↑
 *         lee    kim   ;  noor ⇢ dana disputed;  dana → pat (a feedback loop)
 * </pre>
 */
class RedisGraphStoreChainTest {
    final StoreFixture f = new StoreFixture();

    @BeforeEach
    void graph() {
        f.team("depot", "Depot");
        f.team("drivers", "Drivers");
        f.team("empty", "A team with nobody yet");
        f.person("sam", "Sam Sorter", "depot");
        f.person("pat", "Pat Preloader", "depot");
        f.person("lee", "Lee Lead", "depot");
        f.store.savePerson(f.tenant, new Person(id("dana"), "Dana Driver", "dana@depot.example", TeamId.of("drivers"),
                java.time.ZoneId.of("Europe/London"), java.util.Map.of()));
        f.person("kim", "Kim Driver", "drivers");
        f.person("noor", "Noor Night", "depot");
        f.person("cust", "Counter Clerk", null);
        f.claim("sam", "pat", "parcels sorted by route", Criticality.CRITICAL, Side.DOWNSTREAM, day(1));
        f.store.confirm(f.tenant, id("sam"), id("pat"), Side.UPSTREAM, day(2));
        f.claim("pat", "dana", "truck loaded in delivery order", Criticality.CRITICAL, Side.DOWNSTREAM, day(1));
        f.claim("lee", "pat", "shift rota", Criticality.ROUTINE, Side.DOWNSTREAM, day(1));
        f.claim("kim", "dana", "van swap", Criticality.ROUTINE, Side.DOWNSTREAM, day(1));
        f.claim("dana", "cust", "delivery notes", Criticality.IMPORTANT, Side.UPSTREAM, day(1));
        f.claim("dana", "pat", "returns", Criticality.ROUTINE, Side.UPSTREAM, day(1));
        f.claim("noor", "dana", "night notes", Criticality.CRITICAL, Side.UPSTREAM, day(1));
        f.store.dispute(f.tenant, id("noor"), id("dana"), Side.DOWNSTREAM, day(2));
    }

    private OrgGraph chain(Set<String> people, Set<String> teams, Side towards, int depth) {
        return f.store.chain(f.tenant, people.stream().map(PersonId::of).collect(java.util.stream.Collectors.toSet()),
                teams.stream().map(TeamId::of).collect(java.util.stream.Collectors.toSet()), towards, depth);
    }

    private static Set<String> ids(OrgGraph graph) {
        return graph.people().keySet().stream().map(PersonId::value).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> edges(OrgGraph graph) {
        return graph.edges().stream().map(e -> e.upstream().value() + ">" + e.downstream().value())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void upstreamFromOnePersonFollowsOnlyTheirSuppliersRingByRing() {
        OrgGraph one = chain(Set.of("dana"), Set.of(), Side.UPSTREAM, 1);
        assertThat(edges(one)).containsExactlyInAnyOrder("pat>dana", "kim>dana");
        assertThat(ids(one)).containsExactlyInAnyOrder("dana", "pat", "kim");

        OrgGraph two = chain(Set.of("dana"), Set.of(), Side.UPSTREAM, 2);
        assertThat(edges(two)).containsExactlyInAnyOrder("pat>dana", "kim>dana", "sam>pat", "lee>pat", "dana>pat");
        assertThat(ids(two)).doesNotContain("cust", "noor");
    }

    @Test
    void disputedHandoffsAreNotWalked() {
        OrgGraph all = chain(Set.of("dana"), Set.of(), Side.UPSTREAM, 8);
        assertThat(edges(all)).doesNotContain("noor>dana");
        assertThat(ids(all)).doesNotContain("noor");
    }

    @Test
    void downstreamFromOnePersonFollowsTheirCustomersAndEndsInACycle() {
        OrgGraph ahead = chain(Set.of("sam"), Set.of(), Side.DOWNSTREAM, 8);
        assertThat(edges(ahead)).containsExactlyInAnyOrder("sam>pat", "pat>dana", "dana>cust", "dana>pat");
        assertThat(ids(ahead)).containsExactlyInAnyOrder("sam", "pat", "dana", "cust");
    }

    @Test
    void teamsStartWithEveryMemberAndStayInTheViewEvenWhenEmpty() {
        OrgGraph behind = chain(Set.of(), Set.of("drivers", "empty", "no-such-team"), Side.UPSTREAM, 1);
        assertThat(ids(behind)).containsExactlyInAnyOrder("dana", "kim", "pat");
        assertThat(behind.teams().keySet()).extracting(TeamId::value)
                .containsExactlyInAnyOrder("drivers", "empty", "depot");
        assertThat(behind.teams().get(TeamId.of("empty")).name()).isEqualTo("A team with nobody yet");
    }

    @Test
    void peopleReadCarryTheirWholeCardAndTheOutermostRingItsSummary() {
        OrgGraph behind = chain(Set.of("dana"), Set.of(), Side.UPSTREAM, 1);
        assertThat(behind.people().get(id("dana")).email()).isEqualTo("dana@depot.example");
        Person pat = behind.people().get(id("pat"));
        assertThat(pat.displayName()).isEqualTo("Pat Preloader");
        assertThat(pat.team()).isEqualTo(TeamId.of("depot"));
    }

    @Test
    void unknownPeopleAreLeftOutAndDepthIsBounded() {
        assertThat(ids(chain(Set.of("nobody"), Set.of(), Side.DOWNSTREAM, 2))).isEmpty();
        assertThatThrownBy(() -> chain(Set.of("dana"), Set.of(), Side.UPSTREAM, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain(Set.of("dana"), Set.of(), Side.UPSTREAM, GraphStore.MAX_CHAIN_DEPTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
