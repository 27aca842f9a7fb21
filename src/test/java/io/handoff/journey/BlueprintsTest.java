package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.map.FrictionAggregate;

/** The blueprint and line of sight on small graphs whose answers can be checked by eye. */
class BlueprintsTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    static final Duration STALE_AFTER = Duration.ofDays(180);

    final List<Person> people = new ArrayList<>();
    final List<Handoff> edges = new ArrayList<>();

    void people(String team, String... ids) {
        for (String id : ids) {
            people.add(Person.of(id, id.toUpperCase(), team));
        }
    }

    /** A confirmed handoff up → down, confirmed {@code daysAgo} days before NOW. */
    void confirmed(String up, String down, Criticality criticality, int daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        edges.add(Handoff.claimed(PersonId.of(up), PersonId.of(down), terms(up, down, criticality), Side.DOWNSTREAM, at)
                .confirmedBy(Side.UPSTREAM, at));
    }

    void claimed(String up, String down) {
        edges.add(Handoff.claimed(PersonId.of(up), PersonId.of(down), terms(up, down, Criticality.ROUTINE),
                Side.DOWNSTREAM, NOW.minus(Duration.ofDays(1))));
    }

    void disputed(String up, String down) {
        edges.add(Handoff.claimed(PersonId.of(up), PersonId.of(down), terms(up, down, Criticality.CRITICAL),
                Side.UPSTREAM, NOW.minus(Duration.ofDays(3))).disputedBy(Side.DOWNSTREAM, NOW.minus(Duration.ofDays(2))));
    }

    static HandoffTerms terms(String up, String down, Criticality criticality) {
        return new HandoffTerms(up + " to " + down, Frequency.DAILY, criticality);
    }

    Blueprints blueprints(int depth, Blueprints.Friction friction, int minRespondents) {
        List<Team> teams = people.stream().map(p -> p.team()).distinct()
                .map(t -> Team.of(t.value(), "Team " + t.value())).toList();
        return new Blueprints(OrgGraph.of(people, teams, edges), depth, NOW, STALE_AFTER, friction, minRespondents);
    }

    Blueprints blueprints(int depth) {
        return blueprints(depth, Blueprints.Friction.NONE, 3);
    }

    static Journey journey(Touchpoint... touchpoints) {
        return new Journey(JourneyId.of("j"), "Journey", "a customer", List.of(new Stage("Only", List.of(touchpoints))));
    }

    static Touchpoint ownedBy(String id, Weight weight, List<String> teams, List<String> persons) {
        return new Touchpoint(TouchpointId.of(id), "Touchpoint " + id, Channel.IN_PERSON,
                teams.stream().map(TeamId::of).toList(), persons.stream().map(PersonId::of).toList(), weight);
    }

    static Blueprint.TouchpointPlan only(Blueprint blueprint) {
        return blueprint.stages().get(0).touchpoints().get(0);
    }

    static List<String> backstage(Blueprint.TouchpointPlan plan) {
        return plan.backstage().stream().map(h -> h.upstream() + ">" + h.downstream() + "@" + h.hops()).toList();
    }

    @Test
    void aChainIsWalkedUpstreamToTheDepthAndNoFurther() {
        people("t", "a", "b", "c", "d");
        confirmed("a", "b", Criticality.ROUTINE, 5);
        confirmed("b", "c", Criticality.ROUTINE, 5);
        confirmed("c", "d", Criticality.ROUTINE, 5);
        Journey journey = journey(ownedBy("tp", Weight.GAME_OVER, List.of(), List.of("d")));

        assertThat(backstage(only(blueprints(4).blueprint(journey)))).containsExactly("c>d@1", "b>c@2", "a>b@3");
        assertThat(backstage(only(blueprints(2).blueprint(journey)))).containsExactly("c>d@1", "b>c@2");

        LineOfSight sight = blueprints(4).lineOfSight(PersonId.of("a"), List.of(journey));
        assertThat(sight.reaches()).singleElement().satisfies(reach -> {
            assertThat(reach.hops()).isEqualTo(3);
            assertThat(reach.through()).extracting(PersonId::value).containsExactly("b", "c", "d");
            assertThat(reach.throughNames()).containsExactly("B", "C", "D");
            assertThat(reach.weight()).isEqualTo(Weight.GAME_OVER);
        });
        assertThat(sight.reachesGameOver()).isTrue();
        assertThat(blueprints(2).lineOfSight(PersonId.of("a"), List.of(journey)).reaches()).isEmpty();
        LineOfSight owner = blueprints(4).lineOfSight(PersonId.of("d"), List.of(journey));
        assertThat(owner.reaches()).singleElement().satisfies(reach -> {
            assertThat(reach.hops()).isZero();
            assertThat(reach.through()).isEmpty();
        });
    }

    @Test
    void aDiamondListsEachHandoffOnceCriticalFirst() {
        people("t", "a", "b", "c", "d");
        confirmed("a", "b", Criticality.ROUTINE, 5);
        confirmed("a", "c", Criticality.CRITICAL, 5);
        confirmed("b", "d", Criticality.ROUTINE, 5);
        confirmed("c", "d", Criticality.IMPORTANT, 5);
        Journey journey = journey(ownedBy("tp", Weight.IMPORTANT, List.of(), List.of("d")));

        assertThat(backstage(only(blueprints(4).blueprint(journey))))
                .containsExactly("a>c@2", "c>d@1", "b>d@1", "a>b@2");
        LineOfSight sight = blueprints(4).lineOfSight(PersonId.of("a"), List.of(journey));
        assertThat(sight.reaches()).singleElement().satisfies(reach -> {
            assertThat(reach.hops()).isEqualTo(2);
            assertThat(reach.through()).extracting(PersonId::value).containsExactly("b", "d");
        });
        assertThat(sight.reachesGameOver()).isFalse();
    }

    @Test
    void aLimitedBackstageListsTheMostCriticalOfEachLevelAndWalksOnOnlyFromThem() {
        people("t", "d", "r1", "r2", "c1", "i1", "x", "y");
        confirmed("r1", "d", Criticality.ROUTINE, 5);
        confirmed("r2", "d", Criticality.ROUTINE, 5);
        edges.add(Handoff.claimed(PersonId.of("c1"), PersonId.of("d"), terms("c1", "d", Criticality.CRITICAL),
                Side.DOWNSTREAM, NOW.minus(Duration.ofDays(1))));
        confirmed("i1", "d", Criticality.IMPORTANT, 5);
        confirmed("x", "c1", Criticality.ROUTINE, 5);
        confirmed("y", "r2", Criticality.CRITICAL, 5);
        Journey journey = journey(ownedBy("tp", Weight.GAME_OVER, List.of(), List.of("d")));
        List<Team> teams = List.of(Team.of("t", "Team t"));
        Blueprints limited = new Blueprints(OrgGraph.of(people, teams, edges),
                people.stream().map(Person::id).collect(java.util.stream.Collectors.toSet()),
                ids -> { throw new AssertionError("the whole graph was given"); }, 3, 4, NOW, STALE_AFTER,
                Blueprints.Friction.NONE, 3);

        // level 1 has four suppliers; the critical and the important one come first, then r1 before r2 by id
        // (both routine and confirmed); the limit of 3 is reached, so y (behind r2) is never walked to.
        assertThat(backstage(only(limited.blueprint(journey)))).containsExactly("c1>d@1", "i1>d@1", "r1>d@1");
        assertThat(backstage(only(blueprints(4).blueprint(journey))))
                .containsExactly("c1>d@1", "y>r2@2", "i1>d@1", "r1>d@1", "r2>d@1", "x>c1@2");
    }

    @Test
    void aCycleEndsAndEachHandoffAppearsOnce() {
        people("t", "a", "b", "c");
        confirmed("a", "b", Criticality.ROUTINE, 5);
        confirmed("b", "c", Criticality.ROUTINE, 5);
        confirmed("c", "a", Criticality.ROUTINE, 5);
        Journey journey = journey(ownedBy("tp", Weight.ROUTINE, List.of(), List.of("c")));

        assertThat(backstage(only(blueprints(8).blueprint(journey)))).containsExactly("b>c@1", "a>b@2", "c>a@3");
        assertThat(blueprints(8).lineOfSight(PersonId.of("a"), List.of(journey)).reaches().get(0).through())
                .extracting(PersonId::value).containsExactly("b", "c");
    }

    @Test
    void claimedEdgesAreWalkedAndDisputedOnesAreNot() {
        people("t", "a", "b", "d");
        claimed("a", "d");
        disputed("b", "d");
        Journey journey = journey(ownedBy("tp", Weight.ROUTINE, List.of(), List.of("d")));

        Blueprint.TouchpointPlan plan = only(blueprints(4).blueprint(journey));

        assertThat(backstage(plan)).containsExactly("a>d@1");
        assertThat(plan.backstage().get(0).status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(blueprints(4).lineOfSight(PersonId.of("b"), List.of(journey)).reaches()).isEmpty();
    }

    @Test
    void aTouchpointWithNoOwnerIsOwnerlessAndAnOwnerWithNoSuppliersHasNoBackstage() {
        people("drivers", "dana", "ravi");
        people("ops", "ola");
        Journey journey = new Journey(JourneyId.of("j"), "J", "someone", List.of(new Stage("S", List.of(
                ownedBy("nobody", Weight.GAME_OVER, List.of(), List.of()),
                ownedBy("gone", Weight.ROUTINE, List.of("closed-team"), List.of("ghost")),
                ownedBy("team", Weight.ROUTINE, List.of("drivers"), List.of("ola"))))));

        List<Blueprint.TouchpointPlan> plans = blueprints(4).blueprint(journey).stages().get(0).touchpoints();

        assertThat(plans.get(0).owners().ownerless()).isTrue();
        assertThat(plans.get(0).frontStage()).isEmpty();
        assertThat(plans.get(0).backstage()).isEmpty();
        assertThat(plans.get(1).owners().ownerless()).isTrue();
        assertThat(plans.get(1).owners().missingTeams()).containsExactly(TeamId.of("closed-team"));
        assertThat(plans.get(1).owners().missingPeople()).containsExactly(PersonId.of("ghost"));
        Blueprint.TouchpointPlan team = plans.get(2);
        assertThat(team.owners().ownerless()).isFalse();
        assertThat(team.frontStage()).extracting(f -> f.person().value() + (f.viaTeam() ? "/team" : "/named"))
                .containsExactly("ola/named", "dana/team", "ravi/team");
        assertThat(team.backstage()).isEmpty();
    }

    @Test
    void frictionIsShownOnlyFromTheMinimumOfRespondentsAndStalenessIsMeasured() {
        people("t", "a", "b", "d");
        confirmed("a", "d", Criticality.CRITICAL, 200);
        confirmed("b", "d", Criticality.CRITICAL, 10);
        Blueprints.Friction friction = (up, down) -> Optional.of(up.value().equals("a")
                ? new FrictionAggregate(0.5, 2, List.of(0.5)) : new FrictionAggregate(0.75, 4, List.of(0.25, 0.75)));
        Journey journey = journey(ownedBy("tp", Weight.ROUTINE, List.of(), List.of("d")));

        Blueprint.TouchpointPlan plan = only(blueprints(4, friction, 3).blueprint(journey));

        BackstageHandoff belowMinimum = plan.backstage().get(0);
        BackstageHandoff shown = plan.backstage().get(1);
        assertThat(belowMinimum.upstream().value()).isEqualTo("a");
        assertThat(belowMinimum.friction()).isEmpty();
        assertThat(belowMinimum.daysSinceConfirmed()).isEqualTo(200);
        assertThat(belowMinimum.stale()).isTrue();
        assertThat(shown.friction()).hasValueSatisfying(a -> assertThat(a.respondents()).isEqualTo(4));
        assertThat(shown.daysSinceConfirmed()).isEqualTo(10);
        assertThat(shown.stale()).isFalse();
        assertThat(only(blueprints(4, friction, 2).blueprint(journey)).backstage().get(0).friction()).isPresent();
    }

    @Test
    void lineOfSightPutsGameOverFirstAcrossJourneys() {
        people("t", "pat", "dana", "chris");
        confirmed("pat", "dana", Criticality.CRITICAL, 5);
        confirmed("dana", "chris", Criticality.ROUTINE, 5);
        Journey delivery = new Journey(JourneyId.of("delivery"), "Delivery", "someone", List.of(new Stage("S", List.of(
                ownedBy("call", Weight.ROUTINE, List.of(), List.of("chris")),
                ownedBy("delivered", Weight.GAME_OVER, List.of(), List.of("dana"))))));

        LineOfSight sight = blueprints(4).lineOfSight(PersonId.of("pat"), List.of(delivery));

        assertThat(sight.reaches()).extracting(r -> r.touchpoint().value() + "@" + r.hops())
                .containsExactly("delivered@1", "call@2");
        assertThat(blueprints(4).lineOfSight(PersonId.of("chris"), List.of(delivery)).reaches())
                .extracting(r -> r.touchpoint().value() + "@" + r.hops()).containsExactly("call@0");
    }
}
