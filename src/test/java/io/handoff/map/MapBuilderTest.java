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
}
