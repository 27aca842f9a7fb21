package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import io.handoff.map.DependencyMap;
import io.handoff.map.MapEdge;
import io.handoff.map.MapNode;

/**
 * The blueprint picture stays readable whatever the size of the organisation: a big owner team is one box on the
 * front stage, and only the most critical handoffs behind a touchpoint are drawn (the blueprint itself lists all).
 */
class BlueprintLanesTest {
    private static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");

    @Test
    void aBigOwnerTeamIsOneBoxAndOnlyTheMostCriticalHandoffsAreDrawn() {
        List<Person> people = new ArrayList<>();
        List<Handoff> edges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(Person.of("d" + i, "Driver " + i, "drivers"));
        }
        people.add(Person.of("lead", "Lee Lead", "office"));
        for (int i = 0; i < 12; i++) {
            people.add(Person.of("s" + i, "Supplier " + i, "depot"));
            Criticality criticality = i < 3 ? Criticality.CRITICAL : Criticality.ROUTINE;
            edges.add(Handoff.claimed(PersonId.of("s" + i), PersonId.of("d" + i),
                    new HandoffTerms("item " + i, Frequency.DAILY, criticality), Side.DOWNSTREAM, NOW));
        }
        Touchpoint delivered = new Touchpoint(TouchpointId.of("delivered"), "Parcel delivered", Channel.IN_PERSON,
                List.of(TeamId.of("drivers")), List.of(PersonId.of("lead")), Weight.GAME_OVER);
        Journey journey = new Journey(JourneyId.of("j"), "Parcels", "someone expecting a parcel",
                List.of(new Stage("Delivery", List.of(delivered))));
        Blueprint blueprint = new Blueprints(OrgGraph.of(people, List.of(Team.of("drivers", "Drivers"),
                Team.of("office", "Office"), Team.of("depot", "Depot")), edges), 4, NOW, Duration.ofDays(180),
                Blueprints.Friction.NONE, 3).blueprint(journey);
        assertThat(blueprint.stages().get(0).touchpoints().get(0).backstage()).hasSize(12);

        DependencyMap lanes = BlueprintLanes.map(blueprint, team -> team.value().toUpperCase());

        List<MapNode> front = lanes.nodes().stream().filter(n -> BlueprintLanes.FRONT.equals(n.group())).toList();
        // the 40 drivers are one box; Lee, named as an owner, keeps their own
        assertThat(front).extracting(MapNode::label).containsExactlyInAnyOrder("DRIVERS", "Lee Lead");
        assertThat(front).filteredOn(n -> n.kind() == MapNode.Kind.TEAM).singleElement()
                .extracting(MapNode::note).isEqualTo("40 people on the front line");
        List<MapEdge> handoffs = lanes.edges().stream().filter(e -> e.from().startsWith("person:s")).toList();
        assertThat(handoffs).hasSize(BlueprintLanes.BACKSTAGE_DRAWN)
                .allSatisfy(e -> assertThat(e.to()).isEqualTo(BlueprintLanes.teamNode(TeamId.of("drivers"))));
        assertThat(handoffs).extracting(MapEdge::criticality).startsWith(Criticality.CRITICAL, Criticality.CRITICAL,
                Criticality.CRITICAL);
        assertThat(lanes.nodes()).noneMatch(n -> n.id().startsWith("person:d"));
    }
}
