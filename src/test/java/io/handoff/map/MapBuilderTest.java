package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

class MapBuilderTest {
    private static final TenantId TENANT = TenantId.of("t");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aMapOfMoreThan80PeopleIsDrawnByTeamAndSaysSo() {
        List<Person> people = new ArrayList<>();
        List<Handoff> edges = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            people.add(Person.of("p" + i, "Person " + i, "t" + (i % 3)));
            if (i > 0) {
                edges.add(Handoff.claimed(PersonId.of("p" + (i - 1)), PersonId.of("p" + i),
                        new HandoffTerms("w", Frequency.DAILY, Criticality.ROUTINE), Side.UPSTREAM, NOW));
            }
        }
        OrgGraph graph = OrgGraph.of(people, List.of(Team.of("t0", "Zero"), Team.of("t1", "One"), Team.of("t2", "Two")),
                edges);

        DependencyMap map = new MapBuilder(FrictionScores.NONE, 80, 5).people(TENANT,
                new MapScope.Person(PersonId.of("p0"), 3), "Big", graph);

        assertThat(map.collapsed()).isTrue();
        assertThat(map.level()).isEqualTo(DependencyMap.Level.TEAMS);
        assertThat(map.nodes()).extracting(MapNode::id).containsExactly("t0", "t1", "t2");
        assertThat(map.title()).contains("by team: 90 people");
        assertThat(map.edges()).extracting(e -> e.from() + ">" + e.to() + ":" + e.handoffs())
                .containsExactly("t0>t1:30", "t1>t2:30", "t2>t0:29");
        assertThat(MapSummary.of(map, List.of()).text()).contains("shows teams instead of people");
    }

    @Test
    void showsFrictionOnlyWithEnoughRespondentsAndColoursByIt() {
        Person a = Person.of("a", "A", "x");
        Person b = Person.of("b", "B", "x");
        Person c = Person.of("c", "C", "x");
        HandoffTerms terms = new HandoffTerms("w", Frequency.DAILY, Criticality.CRITICAL);
        OrgGraph graph = OrgGraph.of(List.of(a, b, c), List.of(Team.of("x", "X")), List.of(
                Handoff.claimed(a.id(), b.id(), terms, Side.UPSTREAM, NOW),
                Handoff.claimed(b.id(), c.id(), terms, Side.UPSTREAM, NOW)));
        FrictionScores friction = new FrictionScores() {
            @Override
            public Optional<FrictionAggregate> handoff(TenantId t, PersonId up, PersonId down) {
                return Optional.of(new FrictionAggregate(1.0, up.value().equals("a") ? 5 : 4, List.of(1.0)));
            }

            @Override
            public Optional<FrictionAggregate> teams(TenantId t, TeamId up, TeamId down) {
                return Optional.empty();
            }
        };

        DependencyMap map = new MapBuilder(friction, 80, 5).people(TENANT, new MapScope.Org(), "F", graph);

        assertThat(map.edges().get(0).friction()).isPresent();
        assertThat(EdgeColours.hex(map.edges().get(0))).isEqualTo("#d0342c");
        assertThat(map.edges().get(1).friction()).isEmpty();
        assertThat(EdgeColours.hex(map.edges().get(1))).isEqualTo("#8a939e");
        assertThat(EdgeColours.rgb(0.0)).isEqualTo(0x2E9E5B);
    }

    @Test
    void theOrgMapSaysWhatEachTeamHandsTheNextWithCounts() {
        MapFixture fixture = new MapFixture();

        DependencyMap org = fixture.maps.build(fixture.tenant, new MapScope.Org());

        assertThat(label(org, "sort", "preload")).isEqualTo("parcels sorted by route (2)");
        assertThat(label(org, "preload", "drivers")).isEqualTo("truck loaded in delivery order (2)");
        assertThat(label(org, "dispatch", "drivers")).isEqualTo("route plan (2)");
        assertThat(label(org, "customer-service", "billing")).isEqualTo("refund requests (2)");
        assertThat(label(org, "drivers", "customer-service")).isEqualTo("delivery scans and exceptions (1)");
        assertThat(org.edges()).extracting(MapEdge::what).noneMatch(what -> what.matches("\\d+ handoffs?"));
    }

    @Test
    void aTeamArrowNamesItsTopTwoItemsMostCommonFirstAndHowManyMore() {
        List<Person> people = List.of(Person.of("a", "A", "up"), Person.of("b", "B", "up"), Person.of("c", "C", "down"),
                Person.of("d", "D", "up"), Person.of("e", "E", "up"));
        HandoffTerms parcels = new HandoffTerms("parcels", Frequency.DAILY, Criticality.CRITICAL);
        List<Handoff> edges = List.of(
                Handoff.claimed(PersonId.of("a"), PersonId.of("c"), parcels, Side.UPSTREAM, NOW),
                Handoff.claimed(PersonId.of("b"), PersonId.of("c"), new HandoffTerms("Parcels ", Frequency.DAILY,
                        Criticality.ROUTINE), Side.UPSTREAM, NOW),
                Handoff.claimed(PersonId.of("d"), PersonId.of("c"), new HandoffTerms("manifest", Frequency.DAILY,
                        Criticality.ROUTINE), Side.UPSTREAM, NOW),
                Handoff.claimed(PersonId.of("e"), PersonId.of("c"), new HandoffTerms("van keys", Frequency.DAILY,
                        Criticality.ROUTINE), Side.UPSTREAM, NOW),
                Handoff.claimed(PersonId.of("a"), PersonId.of("b"), parcels, Side.UPSTREAM, NOW));
        OrgGraph graph = OrgGraph.of(people, List.of(Team.of("up", "Up"), Team.of("down", "Down")), edges);
        TeamItems items = TeamItems.of(graph);

        assertThat(items.label(TeamId.of("up"), TeamId.of("down"), 4)).isEqualTo("parcels (2); manifest (1); +1 more");
        assertThat(items.label(TeamId.of("down"), TeamId.of("up"), 1)).isEqualTo("1 handoff");
        assertThat(TeamItems.NONE.label(TeamId.of("up"), TeamId.of("down"), 3)).isEqualTo("3 handoffs");
    }

    @Test
    void theSummaryOfAMapByTeamNamesTheTopItemsWithCountsNeverJustHowManyHandoffs() {
        List<Person> people = new ArrayList<>();
        List<Handoff> edges = new ArrayList<>();
        people.add(Person.of("c", "C", "preload"));
        String typed = "<!channel> *route* sheets <https://evil.example|here>";
        String[] items = {"sorted parcels", "sorted parcels", "sorted parcels", typed, "cage labels", "van keys"};
        for (int i = 0; i < items.length; i++) {
            people.add(Person.of("s" + i, "S" + i, "sorting"));
            edges.add(Handoff.claimed(PersonId.of("s" + i), PersonId.of("c"), new HandoffTerms(items[i],
                    Frequency.DAILY, i == 0 ? Criticality.CRITICAL : Criticality.ROUTINE), Side.UPSTREAM, NOW));
        }
        OrgGraph graph = OrgGraph.of(people, List.of(Team.of("sorting", "Sorting"), Team.of("preload", "Pre-load")),
                edges);

        DependencyMap map = new MapBuilder(FrictionScores.NONE, 2, 5).people(TENANT, new MapScope.Org(), "Org", graph);
        MapSummary summary = MapSummary.of(map, List.of());

        String line = "Sorting → Pre-load: sorted parcels ×3, " + typed + " ×1, cage labels ×1, +1 more";
        assertThat(summary.handedOver()).containsExactly(line);
        assertThat(summary.criticalHandoffs()).singleElement().asString()
                .startsWith(line + " (").doesNotContain("handoffs");
        assertThat(summary.hiddenCustomers()).singleElement().asString()
                .isEqualTo(line + "; all named by one side only");
        assertThat(summary.text()).contains("What teams hand each other:\n• " + line)
                .doesNotContainPattern("\\d+ handoffs?\\b(?! named)");
        // a map of people has no such section: its arrows are the items themselves
        assertThat(MapSummary.of(new MapBuilder(FrictionScores.NONE, 80, 5).people(TENANT, new MapScope.Org(), "P",
                graph), List.of()).handedOver()).isEmpty();
    }

    private static String label(DependencyMap map, String from, String to) {
        return map.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no arrow " + from + " > " + to)).what();
    }
}
