package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static io.handoff.graph.StoreFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handoff edges in Redis: claim, confirm, dispute, remove, the mirror in the downstream's in-hash and the team
 * counters each write keeps. Ana (ops) hands a weekly report to Ben (sales); Cid is Ben's colleague in sales.
 */
class RedisGraphStoreEdgesTest {
    private static final HandoffTerms REPORT = terms("weekly report", Criticality.IMPORTANT);
    private static final String CLAIMED_BY_ANA = "WIOUC;ssjic0;ssjic0;;weekly report";
    private static final String CONFIRMED_BY_BEN = "WIOBF;ssjic0;ssld00;ssld00;weekly report";

    private final StoreFixture f = new StoreFixture();
    private final GraphStore store = f.store;
    private final PersonId ana = id("ana");
    private final PersonId ben = id("ben");
    private final PersonId cid = id("cid");

    @BeforeEach
    void organisation() {
        f.team("ops", "Operations");
        f.team("sales", "Sales");
        f.person("ana", "Ana Ops", "ops");
        f.person("ben", "Ben Sales", "sales");
        f.person("cid", "Cid Sales", "sales");
    }

    @Test
    void aClaimByOneSideIsClaimedByThatSide() {
        Handoff claimed = store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);

        Handoff expected = new Handoff(ana, ben, REPORT, Health.OK, ClaimedBy.UPSTREAM, EdgeStatus.CLAIMED, null, T0, T0);
        assertThat(claimed).isEqualTo(expected);
        assertThat(store.handoff(f.tenant, ana, ben)).contains(expected);
        assertThat(store.handoff(f.tenant, ben, ana)).isEmpty();
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", CLAIMED_BY_ANA));
        assertThat(f.in("ben")).isEqualTo(Map.of("ana", CLAIMED_BY_ANA));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>h", "1"));
        assertThat(store.teamMap(f.tenant).links())
                .containsExactly(new TeamLink(TeamId.of("ops"), TeamId.of("sales"), 1, 0, 1, 0, 0, 0, 1));
    }

    @Test
    void theCountersOfATeamPairArePackedInOneField() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        store.claim(f.tenant, ana, cid, terms("forecast", Criticality.CRITICAL), Side.DOWNSTREAM, T0);
        store.confirm(f.tenant, ana, cid, Side.UPSTREAM, day(1));

        assertThat(f.rawTeamEdges()).isEqualTo(Map.of("ops>sales", "2,0,1,1,1,0,1"));

        store.removeHandoff(f.tenant, ana, ben);
        assertThat(f.rawTeamEdges()).isEqualTo(Map.of("ops>sales", "1,0,0,1,1,0,0"));
        store.removeHandoff(f.tenant, ana, cid);
        assertThat(f.rawTeamEdges()).isEmpty();
    }

    @Test
    void aClaimByTheOtherSideConfirmsTheHandoff() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);

        Handoff confirmed = store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, day(1));

        Handoff expected = new Handoff(ana, ben, REPORT, Health.OK, ClaimedBy.BOTH, EdgeStatus.CONFIRMED, day(1), T0,
                day(1));
        assertThat(confirmed).isEqualTo(expected);
        assertThat(confirmed.lastConfirmedAt()).isEqualTo(day(1));
        assertThat(store.handoff(f.tenant, ana, ben)).contains(expected);
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", CONFIRMED_BY_BEN));
        assertThat(f.in("ben")).isEqualTo(Map.of("ana", CONFIRMED_BY_BEN));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>f", "1"));
    }

    @Test
    void aDownstreamClaimKeepsItsCriticalityWhenUpstreamConfirmsWithAnother() {
        Handoff named = store.claim(f.tenant, ana, ben, terms("weekly report", Criticality.CRITICAL), Side.DOWNSTREAM, T0);
        Handoff confirmed = store.claim(f.tenant, ana, ben, terms("weekly report", Criticality.ROUTINE), Side.UPSTREAM,
                day(1));

        assertThat(named.claimedBy()).isEqualTo(ClaimedBy.DOWNSTREAM);
        assertThat(named.status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(confirmed).isEqualTo(new Handoff(ana, ben, terms("weekly report", Criticality.CRITICAL), Health.OK,
                ClaimedBy.BOTH, EdgeStatus.CONFIRMED, day(1), T0, day(1)));
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", "WCOBF;ssjic0;ssld00;ssld00;weekly report"));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>c", "1", "ops>sales>f", "1"));
    }

    @Test
    void theSameClaimTwiceChangesNothing() {
        Handoff first = store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        String encoded = f.out("ana").get("ben");
        List<String> keys = f.keys();
        Map<String, String> counters = f.teamEdges();
        Map<String, Object> before = f.snapshot();

        Handoff again = store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, day(1));

        assertThat(again).isEqualTo(first);
        assertThat(again.updatedAt()).isEqualTo(T0);
        assertThat(f.out("ana").get("ben")).isEqualTo(encoded).isEqualTo(CLAIMED_BY_ANA);
        assertThat(f.keys()).isEqualTo(keys);
        assertThat(f.teamEdges()).isEqualTo(counters)
                .isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>h", "1"));
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void claimingAConfirmedHandoffAgainFromEitherSideChangesNothing() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        Handoff confirmed = store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, day(1));
        Map<String, Object> before = f.snapshot();

        assertThat(store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, day(2))).isEqualTo(confirmed);
        assertThat(store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, day(2))).isEqualTo(confirmed);

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", CONFIRMED_BY_BEN));
    }

    @Test
    void confirmTurnsAClaimIntoAConfirmedHandoff() {
        store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, T0);

        Handoff confirmed = store.confirm(f.tenant, ana, ben, Side.UPSTREAM, day(1));

        assertThat(confirmed).isEqualTo(new Handoff(ana, ben, REPORT, Health.OK, ClaimedBy.BOTH, EdgeStatus.CONFIRMED,
                day(1), T0, day(1)));
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", CONFIRMED_BY_BEN));
        assertThat(f.in("ben")).isEqualTo(Map.of("ana", CONFIRMED_BY_BEN));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>f", "1"));
    }

    @Test
    void disputeMarksTheHandoffDisputedAndMovesTheStatusCounter() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);

        Handoff disputed = store.dispute(f.tenant, ana, ben, Side.DOWNSTREAM, day(1));

        Handoff expected = new Handoff(ana, ben, REPORT, Health.OK, ClaimedBy.UPSTREAM, EdgeStatus.DISPUTED, null, T0,
                day(1));
        assertThat(disputed).isEqualTo(expected);
        assertThat(store.handoff(f.tenant, ana, ben)).contains(expected);
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", "WIOUX;ssjic0;ssld00;;weekly report"));
        assertThat(f.in("ben")).isEqualTo(Map.of("ana", "WIOUX;ssjic0;ssld00;;weekly report"));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>x", "1"));

        Map<String, Object> before = f.snapshot();
        assertThat(store.dispute(f.tenant, ana, ben, Side.DOWNSTREAM, day(2))).isEqualTo(expected);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void disputingAConfirmedHandoffKeepsItsLastConfirmation() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, day(1));

        Handoff disputed = store.dispute(f.tenant, ana, ben, Side.UPSTREAM, day(2));

        assertThat(disputed).isEqualTo(new Handoff(ana, ben, REPORT, Health.OK, ClaimedBy.DOWNSTREAM,
                EdgeStatus.DISPUTED, day(1), T0, day(2)));
        assertThat(f.out("ana")).isEqualTo(Map.of("ben", "WIODX;ssjic0;ssn7o0;ssld00;weekly report"));
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>x", "1"));
    }

    @Test
    void removeHandoffDeletesBothSidesAndTheCounters() {
        Map<String, Object> withoutEdges = f.snapshot();
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        store.claim(f.tenant, ana, ben, REPORT, Side.DOWNSTREAM, day(1));
        store.claim(f.tenant, ana, cid, terms("forecast", Criticality.ROUTINE), Side.UPSTREAM, T0);

        store.removeHandoff(f.tenant, ana, ben);

        assertThat(store.handoff(f.tenant, ana, ben)).isEmpty();
        assertThat(f.out("ana")).isEqualTo(Map.of("cid", "WROUC;ssjic0;ssjic0;;forecast"));
        assertThat(f.in("ben")).isEmpty();
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>r", "1", "ops>sales>h", "1"));

        store.removeHandoff(f.tenant, ana, cid);

        assertThat(store.handoff(f.tenant, ana, cid)).isEmpty();
        assertThat(f.snapshot()).isEqualTo(withoutEdges);
        assertThat(f.out("ana")).isEmpty();
        assertThat(f.in("cid")).isEmpty();
        assertThat(f.keys()).doesNotContain(f.key("teamedges"));
    }

    @Test
    void removingAHandoffThatIsNotThereChangesNothing() {
        store.claim(f.tenant, ana, cid, terms("forecast", Criticality.ROUTINE), Side.UPSTREAM, T0);
        Map<String, Object> before = f.snapshot();

        store.removeHandoff(f.tenant, ana, ben);
        store.removeHandoff(f.tenant, cid, ana);

        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void confirmingOrDisputingAMissingHandoffFailsAndWritesNothing() {
        store.claim(f.tenant, ana, cid, terms("forecast", Criticality.ROUTINE), Side.UPSTREAM, T0);
        Map<String, Object> before = f.snapshot();

        assertThatThrownBy(() -> store.confirm(f.tenant, ana, ben, Side.DOWNSTREAM, day(1)))
                .isExactlyInstanceOf(GraphException.class)
                .hasMessage("there is no handoff from ana to ben");
        assertThatThrownBy(() -> store.dispute(f.tenant, ben, ana, Side.UPSTREAM, day(1)))
                .isExactlyInstanceOf(GraphException.class)
                .hasMessage("there is no handoff from ben to ana");

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(store.handoff(f.tenant, ana, ben)).isEmpty();
    }

    @Test
    void aClaimNamingAnUnknownPersonFailsAndWritesNothing() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        store.claim(f.tenant, cid, ana, terms("leads", Criticality.CRITICAL), Side.DOWNSTREAM, T0);
        Map<String, Object> before = f.snapshot();
        PersonId ghost = id("ghost");

        assertThatThrownBy(() -> store.claim(f.tenant, ana, ghost, REPORT, Side.UPSTREAM, day(1)))
                .isInstanceOfSatisfying(UnknownPersonException.class, e -> assertThat(e.person()).isEqualTo(ghost))
                .hasMessage("no person 'ghost' in this organisation");
        assertThatThrownBy(() -> store.claim(f.tenant, ghost, ben, REPORT, Side.DOWNSTREAM, day(1)))
                .isInstanceOfSatisfying(UnknownPersonException.class, e -> assertThat(e.person()).isEqualTo(ghost));
        assertThatThrownBy(() -> store.claim(f.tenant, id("nobody"), ghost, REPORT, Side.UPSTREAM, day(1)))
                .isInstanceOfSatisfying(UnknownPersonException.class,
                        e -> assertThat(e.person()).isEqualTo(id("nobody")));

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.keys()).doesNotContain(f.key("adj:ghost"));
        assertThat(store.handoff(f.tenant, ana, ghost)).isEmpty();
    }

    @Test
    void aHandoffToOneselfIsRefused() {
        Map<String, Object> before = f.snapshot();

        assertThatThrownBy(() -> store.claim(f.tenant, ana, ana, REPORT, Side.UPSTREAM, T0))
                .isExactlyInstanceOf(GraphException.class)
                .hasMessage("a person cannot hand work to themselves");

        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void aChangeThatMovesTheEdgeToOtherPeopleIsRefused() {
        Map<String, Object> before = f.snapshot();

        assertThatThrownBy(() -> store.update(f.tenant, ana, ben,
                current -> Optional.of(Handoff.claimed(ana, cid, REPORT, Side.UPSTREAM, T0))))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("a change may not move an edge to other people");

        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void theDownstreamInHashMirrorsTheUpstreamOutHash() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        store.claim(f.tenant, ana, cid, terms("forecast", Criticality.ROUTINE), Side.DOWNSTREAM, T0);
        store.claim(f.tenant, ben, ana, terms("orders", Criticality.CRITICAL), Side.UPSTREAM, T0);
        store.claim(f.tenant, cid, ben, terms("leads", Criticality.ROUTINE), Side.UPSTREAM, T0);
        store.confirm(f.tenant, ben, ana, Side.DOWNSTREAM, day(1));
        store.dispute(f.tenant, cid, ben, Side.DOWNSTREAM, day(2));

        assertThat(f.out("ana")).isEqualTo(Map.of(
                "ben", CLAIMED_BY_ANA,
                "cid", "WRODC;ssjic0;ssjic0;;forecast"));
        assertThat(f.out("ben")).isEqualTo(Map.of("ana", "WCOBF;ssjic0;ssld00;ssld00;orders"));
        assertThat(f.out("cid")).isEqualTo(Map.of("ben", "WROUX;ssjic0;ssn7o0;;leads"));
        assertThat(f.in("ana")).isEqualTo(Map.of("ben", "WCOBF;ssjic0;ssld00;ssld00;orders"));
        assertThat(f.in("ben")).isEqualTo(Map.of(
                "ana", CLAIMED_BY_ANA,
                "cid", "WROUX;ssjic0;ssn7o0;;leads"));
        assertThat(f.in("cid")).isEqualTo(Map.of("ana", "WRODC;ssjic0;ssjic0;;forecast"));
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
        assertThat(f.teamEdges()).isEqualTo(Map.of(
                "ops>sales>n", "2", "ops>sales>i", "1", "ops>sales>r", "1", "ops>sales>h", "2",
                "sales>ops>n", "1", "sales>ops>c", "1", "sales>ops>f", "1",
                "sales>sales>n", "1", "sales>sales>r", "1", "sales>sales>x", "1"));
    }
}
