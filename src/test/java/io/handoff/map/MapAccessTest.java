package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * Who may see what, per role, on the demo organisation: pat is an employee, ravi manages the drivers (dana, ravi),
 * and the tenant's admins are the person "bea" and the address ada@ward.example.
 */
class MapAccessTest {
    private final MapFixture fixture = new MapFixture();
    private final MapAccess access = new MapAccess(fixture.store,
            Map.of(fixture.tenant.value(), List.of("bea", "ada@ward.example")));

    private MapAccess.Decision decide(String viewer, MapScope scope) {
        return access.decide(access.viewer(fixture.tenant, PersonId.of(viewer)), scope);
    }

    private static MapScope person(String id, int depth) {
        return new MapScope.Person(PersonId.of(id), depth);
    }

    @Test
    void anEmployeeSeesTheirOwnNeighbourhoodToDepthTwoAndNothingElse() {
        assertThat(decide("pat", person("pat", 1)).allowed()).isTrue();
        assertThat(decide("pat", person("pat", 2)).allowed()).isTrue();

        MapAccess.Decision deeper = decide("pat", person("pat", 3));
        MapAccess.Decision someoneElse = decide("pat", person("dana", 1));
        MapAccess.Decision team = decide("pat", new MapScope.Team(TeamId.of("preload"), 1));
        MapAccess.Decision org = decide("pat", new MapScope.Org());

        assertThat(List.of(deeper, someoneElse, team, org)).allSatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.explanation()).contains("You may ask for: your own neighbourhood ('map'");
            assertThat(d.explanation()).doesNotContain("map org");
        });
        assertThat(deeper.explanation()).startsWith("Your own map goes up to depth 2.");
        assertThat(org.explanation()).startsWith("Only managers and admins may see the whole organisation.");
    }

    @Test
    void aManagerSeesTheirTeamsAndTheirPeopleAtAnyDepthAndTheOrgByTeam() {
        assertThat(decide("ravi", new MapScope.Team(TeamId.of("drivers"), 3)).allowed()).isTrue();
        assertThat(decide("ravi", person("dana", 3)).allowed()).isTrue();
        assertThat(decide("ravi", person("ravi", 3)).allowed()).isTrue();
        assertThat(decide("ravi", new MapScope.Org()).allowed()).isTrue();

        MapAccess.Decision otherTeam = decide("ravi", new MapScope.Team(TeamId.of("preload"), 1));
        MapAccess.Decision otherPerson = decide("ravi", person("pat", 1));
        assertThat(otherTeam.allowed()).isFalse();
        assertThat(otherTeam.explanation()).contains("'map team Delivery drivers'").contains("'map org'");
        assertThat(otherPerson.allowed()).isFalse();
        assertThat(otherPerson.explanation()).contains("only for teams you manage");
    }

    @Test
    void anAdminByIdOrByEmailSeesEverything() {
        Person ada = fixture.store.person(fixture.tenant, PersonId.of("ada")).orElseThrow();
        fixture.store.savePerson(fixture.tenant, new Person(ada.id(), ada.displayName(), "Ada@Ward.example",
                ada.team(), ada.timeZone(), ada.identities()));

        for (String admin : List.of("bea", "ada")) {
            assertThat(access.viewer(fixture.tenant, PersonId.of(admin)).admin()).as(admin).isTrue();
            assertThat(decide(admin, person("pat", 3)).allowed()).isTrue();
            assertThat(decide(admin, new MapScope.Team(TeamId.of("ward"), 3)).allowed()).isTrue();
            assertThat(decide(admin, new MapScope.Org()).allowed()).isTrue();
        }
        assertThat(new MapAccess(fixture.store, Map.of()).viewer(fixture.tenant, PersonId.of("bea")).admin()).isFalse();
    }

    @Test
    void readsTheAdminListFromTheEnvironmentFormat() {
        assertThat(MapAdmins.parse(" demo = mia, Ops@Acme.example ; acme=lee;")).isEqualTo(
                Map.of("demo", List.of("mia", "ops@acme.example"), "acme", List.of("lee")));
        assertThat(MapAdmins.parse("")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapAdmins.parse("demo"))
                .hasMessageContaining("tenant=person,email");
    }
}
