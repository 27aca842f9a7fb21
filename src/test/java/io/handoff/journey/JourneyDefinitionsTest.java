package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;

/** The invariants of journeys, stages and touchpoints, and reading a definition tree with field-level problems. */
class JourneyDefinitionsTest {

    static Touchpoint touchpoint(String id, Weight weight, String... teams) {
        return new Touchpoint(TouchpointId.of(id), "Touchpoint " + id, Channel.IN_PERSON,
                List.of(teams).stream().map(TeamId::of).toList(), List.of(), weight);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a{b", "a}b", "{demo}", "a:b", "a b", " lead", "", "-dash-first"})
    void idsThatCouldBreakTheKeyTagAreRefused(String id) {
        assertThatThrownBy(() -> JourneyId.of(id)).isInstanceOf(Refusal.class).hasMessageContaining("journey id");
        assertThatThrownBy(() -> TouchpointId.of(id)).isInstanceOf(Refusal.class).hasMessageContaining("touchpoint id");
    }

    @Test
    void anIdOfTenThousandCharactersIsRefused() {
        String long10k = "a".repeat(10_000);
        assertThatThrownBy(() -> JourneyId.of(long10k)).isInstanceOf(Refusal.class).hasMessageContaining("longer than 128");
        assertThatThrownBy(() -> TouchpointId.of(long10k)).isInstanceOf(Refusal.class);
        assertThat(JourneyId.of("parcel-delivery.v2@eu").value()).isEqualTo("parcel-delivery.v2@eu");
    }

    @Test
    void recordsCheckTheirInvariants() {
        Touchpoint ok = touchpoint("a", Weight.ROUTINE, "drivers");
        assertThatThrownBy(() -> new Touchpoint(TouchpointId.of("a"), " ", Channel.APP, List.of(), List.of(), Weight.ROUTINE))
                .isInstanceOf(Refusal.class).hasMessage("touchpoint name must not be blank");
        assertThatThrownBy(() -> new Touchpoint(TouchpointId.of("a"), "A", null, List.of(), List.of(), Weight.ROUTINE))
                .isInstanceOf(Refusal.class).hasMessageContaining("needs a channel");
        assertThatThrownBy(() -> new Touchpoint(TouchpointId.of("a"), "A", Channel.APP, List.of(), List.of(), null))
                .isInstanceOf(Refusal.class).hasMessageContaining("needs a weight");
        assertThatThrownBy(() -> new Touchpoint(TouchpointId.of("a"), "A\nB", Channel.APP, List.of(), List.of(), Weight.ROUTINE))
                .isInstanceOf(Refusal.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> new Stage("Empty", List.of())).isInstanceOf(Refusal.class)
                .hasMessageContaining("at least one touchpoint");
        assertThatThrownBy(() -> new Journey(JourneyId.of("j"), "J", "someone", List.of()))
                .isInstanceOf(Refusal.class).hasMessageContaining("at least one stage");
        assertThatThrownBy(() -> new Journey(JourneyId.of("j"), "J", "", List.of(new Stage("S", List.of(ok)))))
                .isInstanceOf(Refusal.class).hasMessage("customer must not be blank");
        assertThatThrownBy(() -> new Journey(JourneyId.of("j"), "J", "someone",
                List.of(new Stage("S", List.of(ok)), new Stage("T", List.of(touchpoint("a", Weight.ROUTINE))))))
                .isInstanceOf(Refusal.class).hasMessageContaining("two touchpoints with the id a");
        assertThatThrownBy(() -> new Journey(JourneyId.of("j"), "J", "someone",
                List.of(new Stage("S", List.of(ok)), new Stage("S", List.of(touchpoint("b", Weight.ROUTINE))))))
                .isInstanceOf(Refusal.class).hasMessageContaining("two stages named 'S'");
        Touchpoint repeated = new Touchpoint(TouchpointId.of("r"), "R", Channel.PHONE,
                List.of(TeamId.of("x"), TeamId.of("x")), List.of(PersonId.of("p"), PersonId.of("p")), Weight.GAME_OVER);
        assertThat(repeated.ownerTeams()).containsExactly(TeamId.of("x"));
        assertThat(repeated.ownerPeople()).containsExactly(PersonId.of("p"));
        assertThat(repeated.gameOver()).isTrue();
    }

    @Test
    void aDefinitionTreeReadsBackToTheSameJourney() {
        Journey journey = new Journey(JourneyId.of("j"), "Parcel", "someone expecting a parcel", List.of(
                new Stage("Delivery", List.of(new Touchpoint(TouchpointId.of("delivered"), "Parcel delivered",
                        Channel.IN_PERSON, List.of(TeamId.of("drivers")), List.of(PersonId.of("dana")), Weight.GAME_OVER)))));

        Map<String, Object> tree = JourneyDefinitions.tree(journey);

        assertThat(JourneyDefinitions.read(JourneyId.of("j"), tree)).isEqualTo(journey);
        @SuppressWarnings("unchecked")
        Map<String, Object> touchpoint = (Map<String, Object>) ((List<Object>) ((Map<String, Object>)
                ((List<Object>) tree.get("stages")).get(0)).get("touchpoints")).get(0);
        assertThat(touchpoint).containsEntry("channel", "in-person").containsEntry("weight", "game-over");
    }

    @Test
    void everyWrongFieldIsNamedByItsPath() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("id", "other");
        bad.put("name", "");
        bad.put("customer", 12);
        Map<String, Object> tp = new LinkedHashMap<>();
        tp.put("id", "has space");
        tp.put("name", "Delivered");
        tp.put("channel", "pigeon");
        tp.put("owners", Map.of("teams", List.of("drivers", "bad:team"), "people", "dana"));
        tp.put("owner", "dana");
        Map<String, Object> good = new LinkedHashMap<>(Map.of("id", "ok", "name", "Ok", "channel", "app",
                "weight", "routine"));
        List<Object> touchpoints = new ArrayList<>(List.of(good, tp));
        bad.put("stages", List.of(Map.of("name", "Delivery", "touchpoints", touchpoints), "not a stage",
                Map.of("name", "Empty", "touchpoints", List.of())));

        JourneyRefusal refusal = catchThrowableOfType(JourneyRefusal.class,
                () -> JourneyDefinitions.read(JourneyId.of("j"), bad));

        assertThat(refusal.problems()).extracting(FieldProblem::field).containsExactly(
                "id", "name", "customer", "stages[0].touchpoints[1].owner", "stages[0].touchpoints[1].id", "stages[0].touchpoints[1].channel",
                "stages[0].touchpoints[1].weight", "stages[0].touchpoints[1].owners.teams[1]",
                "stages[0].touchpoints[1].owners.people", "stages[1]", "stages[2].touchpoints");
        assertThat(refusal.problems().get(3).message()).startsWith("is not a field here (known: channel, id,");
        assertThat(refusal.problems().get(5).message()).isEqualTo(
                "must be one of in-person, phone, app, email, letter, other");
        assertThat(refusal.problems().get(6).message()).contains("routine, important, game-over");
        assertThat(refusal.getMessage()).contains("stages[0].touchpoints[1].channel: must be one of");
    }

    @Test
    void duplicateTouchpointIdsAcrossStagesAreRefusedAsAFieldProblem() {
        Map<String, Object> tp = Map.of("id", "a", "name", "A", "channel", "app", "weight", "routine");
        Map<String, Object> tree = Map.of("name", "J", "customer", "someone", "stages", List.of(
                Map.of("name", "S", "touchpoints", List.of(tp)), Map.of("name", "T", "touchpoints", List.of(tp))));

        JourneyRefusal refusal = catchThrowableOfType(JourneyRefusal.class,
                () -> JourneyDefinitions.read(JourneyId.of("j"), tree));

        assertThat(refusal.problems()).containsExactly(new FieldProblem("stages",
                "journey j has two touchpoints with the id a"));
        assertThatThrownBy(() -> JourneyDefinitions.read(JourneyId.of("j"), List.of()))
                .isInstanceOf(JourneyRefusal.class).hasMessageContaining("(body)");
    }
}
