package io.handoff.scim;

import static io.handoff.scim.ScimClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.delivery.Decision;
import io.handoff.delivery.DeliveryRules;
import io.handoff.graph.Deprovisioning;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;
import io.handoff.scim.ScimClient.Response;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Entra ID's and Okta's provisioning request sequences (bodies in src/test/resources/scim) replayed over
 * real HTTP against real Redis, with the graph checked after every step: people, emails, names, time zones, teams from
 * departments and groups, managers from the enterprise extension, deactivation stopping every message, deletion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimProvisioningTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    DeliveryRules rules;

    @Autowired
    Deprovisioning deprovisioning;

    @Autowired
    java.util.List<PersonalData> personalData;

    TenantId tenant;
    ScimClient scim;

    @BeforeEach
    void tenant() {
        tenant = TestRedis.uniqueTenant();
        graph.saveTenant(new Tenant(tenant, "SCIM test", null, null, null, Instant.now()));
        scim = new ScimClient(port, tenant.value(),
                ScimClient.issueToken(port, tenant.value(), TestAppProperties.ADMIN_TOKEN));
    }

    @Test
    void entraIdProvisioningSequence() {
        Response created = scim.post("/Users", body("entra/01-create-user.json", Map.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/scim+json");
        String userId = created.json().get("id").asString();
        Person person = person(userId);
        assertThat(person.email()).isEqualTo("test_user_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com");
        assertThat(person.displayName()).isEqualTo("givenName familyName");
        assertThat(person.team()).isEqualTo(teamNamed("Night Loading"));
        assertThat(created.json().get("meta").get("location").asString()).endsWith("/scim/v2/" + tenant + "/Users/"
                + userId);
        assertThat(created.json().has("password")).isFalse();

        Response manager = scim.post("/Users", body("entra/02-create-manager.json", Map.of()));
        assertThat(manager.status()).as(manager.toString()).isEqualTo(201);
        String managerId = manager.json().get("id").asString();
        assertThat(person(managerId).timeZone().getId()).isEqualTo("Europe/Berlin");

        Response found = scim.filter("Users", "userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1\"", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").asString()).isEqualTo(userId);
        Response missing = scim.filter("Users", "userName eq \"Test_User_00000000-0000-0000-0000-000000000000\"", null);
        assertThat(missing.json().get("totalResults").asInt()).isZero();
        JsonNode none = missing.json().get("Resources");
        assertThat(none == null || none.isEmpty()).as(missing.toString()).isTrue();

        Response multi = scim.patch("/Users/" + userId, body("entra/03-patch-multi-valued.json", Map.of()));
        assertThat(multi.status()).as(multi.toString()).isEqualTo(200);
        assertThat(person(userId).email()).isEqualTo("updatedemail@microsoft.com");
        assertThat(multi.json().get("name").get("familyName").asString()).isEqualTo("updatedFamilyName");
        assertThat(graph.personByEmail(tenant, "UpdatedEmail@Microsoft.com")).contains(PersonId.of(userId));

        Response single = scim.patch("/Users/" + userId, body("entra/04-patch-single-valued.json", Map.of()));
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        assertThat(scim.filter("Users", "userName eq \"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com\"", null)
                .json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(scim.filter("Users", "userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1\"", null)
                .json().get("totalResults").asInt()).isZero();

        Response pathless = scim.patch("/Users/" + userId, body("entra/05-patch-pathless-replace.json", Map.of()));
        assertThat(pathless.status()).as(pathless.toString()).isEqualTo(200);
        person = person(userId);
        assertThat(person.displayName()).isEqualTo("Given Updated");
        assertThat(person.timeZone().getId()).isEqualTo("America/Chicago");
        assertThat(person.team()).isEqualTo(teamNamed("Dispatch"));

        Response managed = scim.patch("/Users/" + userId, body("entra/06-patch-manager.json",
                Map.of("managerId", managerId)));
        assertThat(managed.status()).as(managed.toString()).isEqualTo(200);
        assertThat(managed.json().get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("manager")
                .get("value").asString()).isEqualTo(managerId);

        assertThat(rules.decideBeforeCap(tenant, PersonId.of(userId), Optional.of(person)).reason())
                .isNotEqualTo("deprovisioned");
        Response disabled = scim.patch("/Users/" + userId, body("entra/07-disable-user-string.json", Map.of()));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(deprovisioning.deprovisionedAt(tenant, PersonId.of(userId))).isPresent();
        Decision decision = rules.decideBeforeCap(tenant, PersonId.of(userId), graph.person(tenant,
                PersonId.of(userId)));
        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.DROP);
        assertThat(decision.reason()).isEqualTo("deprovisioned");
        assertThat(graph.person(tenant, PersonId.of(userId))).as("kept for retention").isPresent();

        Response enabled = scim.patch("/Users/" + userId, body("entra/08-enable-user-pathless-string.json", Map.of()));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().get("active").asBoolean()).isTrue();
        assertThat(deprovisioning.deprovisionedAt(tenant, PersonId.of(userId))).isEmpty();

        Response group = scim.post("/Groups", body("entra/09-create-group.json", Map.of()));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().get("id").asString();
        assertThat(team(groupId).name()).isEqualTo("displayName");
        Response byName = scim.filter("Groups", "displayName eq \"displayName\"", "excludedAttributes=members");
        assertThat(byName.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(byName.json().get("Resources").get(0).has("members")).isFalse();

        Response added = scim.patch("/Groups/" + groupId, body("entra/10-add-members.json",
                Map.of("userId", userId, "managerId", managerId)));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(person(userId).team()).isEqualTo(TeamId.of(groupId));
        assertThat(person(managerId).team()).isEqualTo(TeamId.of(groupId));
        assertThat(team(groupId).managers()).as("the member others name as manager").containsExactly(
                PersonId.of(managerId));
        assertThat(scim.get("/Users/" + userId).json().get("groups").get(0).get("value").asString())
                .isEqualTo(groupId);

        Response removed = scim.patch("/Groups/" + groupId, body("entra/11-remove-member.json",
                Map.of("userId", userId)));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("members")).hasSize(1);
        assertThat(person(managerId).team()).isEqualTo(TeamId.of(groupId));
        assertThat(person(userId).team()).as("back to the department's team").isEqualTo(teamNamed("Dispatch"));

        Response renamed = scim.patch("/Groups/" + groupId, body("entra/12-rename-group.json", Map.of()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(team(groupId).name()).isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");

        assertThat(scim.delete("/Users/" + userId).status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + userId).status()).isEqualTo(404);
        assertThat(deprovisioning.deprovisionedAt(tenant, PersonId.of(userId))).isPresent();
        assertThat(rules.decideBeforeCap(tenant, PersonId.of(userId), graph.person(tenant, PersonId.of(userId)))
                .reason()).isEqualTo("deprovisioned");
        assertThat(deprovisioning.deprovisionedBefore(tenant, Instant.now().plusSeconds(1)))
                .containsOnlyKeys(PersonId.of(userId));
    }

    @Test
    void oktaProvisioningSequence() {
        assertThat(scim.get("/Users?startIndex=1&count=2").json().get("totalResults").asInt()).isZero();
        assertThat(scim.get("/Groups?startIndex=1&count=100").status()).isEqualTo(200);
        Response lookup = scim.filter("Users", "userName eq \"test.user@okta.local\"", "startIndex=1&count=100");
        assertThat(lookup.json().get("totalResults").asInt()).isZero();

        Response created = scim.post("/Users", body("okta/01-create-user.json", Map.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().get("id").asString();
        assertThat(person(userId).email()).isEqualTo("test.user@okta.local");
        assertThat(person(userId).displayName()).isEqualTo("Test User");
        assertThat(created.body()).doesNotContain("1mz050nq");
        assertThat(scim.post("/Users", body("okta/01-create-user.json", Map.of())).status())
                .as("the same userName again").isEqualTo(409);

        Response lookedUp = scim.filter("Users", "userName eq \"TEST.USER@okta.local\"", "startIndex=1&count=100");
        assertThat(lookedUp.json().get("totalResults").asInt()).as("userName is case-insensitive").isEqualTo(1);
        assertThat(scim.filter("Users", "externalId eq \"00ujl29u0le5T6Aj10h7\"", null).json().get("totalResults")
                .asInt()).isEqualTo(1);

        Response replaced = scim.put("/Users/" + userId, body("okta/02-replace-user.json", Map.of("userId", userId)));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(person(userId).displayName()).isEqualTo("Another User");
        assertThat(person(userId).timeZone().getId()).isEqualTo("America/Los_Angeles");

        Response deactivated = scim.patch("/Users/" + userId, body("okta/03-deactivate.json", Map.of()));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(rules.decideBeforeCap(tenant, PersonId.of(userId), graph.person(tenant, PersonId.of(userId)))
                .verdict()).isEqualTo(Decision.Verdict.DROP);
        assertThat(scim.patch("/Users/" + userId, body("okta/04-reactivate.json", Map.of())).json().get("active")
                .asBoolean()).isTrue();
        assertThat(deprovisioning.deprovisionedAt(tenant, PersonId.of(userId))).isEmpty();

        Response group = scim.post("/Groups", body("okta/05-create-group.json", Map.of("userId", userId)));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().get("id").asString();
        assertThat(person(userId).team()).isEqualTo(TeamId.of(groupId));
        assertThat(team(groupId).name()).isEqualTo("Test SCIMv2");

        Response removed = scim.patch("/Groups/" + groupId, body("okta/06-remove-member.json",
                Map.of("userId", userId)));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(person(userId).team()).isNull();
        Response added = scim.patch("/Groups/" + groupId, body("okta/07-add-member.json", Map.of("userId", userId)));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(person(userId).team()).isEqualTo(TeamId.of(groupId));

        Response renamed = scim.patch("/Groups/" + groupId, body("okta/08-rename-group.json",
                Map.of("groupId", groupId)));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("id").asString()).isEqualTo(groupId);
        assertThat(team(groupId).name()).isEqualTo("Test SCIMv2 Renamed");

        Response emptied = scim.put("/Groups/" + groupId, body("okta/09-replace-group.json",
                Map.of("groupId", groupId)));
        assertThat(emptied.status()).as(emptied.toString()).isEqualTo(200);
        assertThat(emptied.json().get("members")).isEmpty();
        assertThat(person(userId).team()).isNull();

        assertThat(scim.delete("/Groups/" + groupId).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + groupId).status()).isEqualTo(404);
        assertThat(graph.teamMap(tenant).teams()).as("the team stays").containsKey(TeamId.of(groupId));
    }

    @Test
    void aSlackPersonAndTheProvisionedUserWithTheirEmailAreOnePerson() {
        PersonId slackPerson = PersonId.of("slack-u024be7lh");
        graph.savePerson(tenant, new Person(slackPerson, "Pat O", "pat@acme.example", null, null,
                Map.of(Platform.SLACK, "U024BE7LH")));

        Response created = scim.post("/Users", """
                {"schemas": ["%s"], "userName": "Pat@ACME.example", "displayName": "Pat Okafor",
                 "emails": [{"value": "PAT@acme.example", "type": "work", "primary": true}], "active": true}
                """.formatted(USER));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isEqualTo(slackPerson.value());
        Person linked = person(slackPerson.value());
        assertThat(linked.identities()).containsEntry(Platform.SLACK, "U024BE7LH");
        assertThat(linked.displayName()).isEqualTo("Pat Okafor");
        assertThat(graph.personByIdentity(tenant, Platform.SLACK, "U024BE7LH")).contains(slackPerson);
        assertThat(graph.graph(tenant).people()).hasSize(1);

        // The other way round: a provisioned person is the one Slack (or Teams) finds by email when they arrive.
        Response dana = scim.post("/Users", """
                {"schemas": ["%s"], "userName": "dana@acme.example", "displayName": "Dana Reyes", "active": true}
                """.formatted(USER));
        assertThat(dana.status()).as(dana.toString()).isEqualTo(201);
        PersonId danaId = PersonId.of(dana.json().get("id").asString());
        assertThat(graph.personByEmail(tenant, "Dana@Acme.Example")).contains(danaId);
    }

    @Test
    void findsAUserByEmailTheWayEntraIdAsksWhenMatchingOnEmail() {
        Response created = scim.post("/Users", """
                {"schemas": ["%s"], "userName": "pat.okafor", "displayName": "Pat Okafor",
                 "emails": [{"value": "Pat@Acme.example", "type": "work", "primary": true}], "active": true}
                """.formatted(USER));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        scim.post("/Users", """
                {"schemas": ["%s"], "userName": "dana", "emails": [{"value": "dana@acme.example", "type": "work"}]}
                """.formatted(USER));
        String id = created.json().get("id").asString();

        for (String filter : new String[] {"emails[type eq \"work\"].value eq \"pat@acme.example\"",
                "emails.value eq \"PAT@ACME.EXAMPLE\"", "emails[type eq \"work\" and value eq \"pat@acme.example\"]",
                "emails[value eq \"pat@acme.example\"]"}) {
            Response response = scim.filter("Users", filter, null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode found = response.json();
            assertThat(found.get("totalResults").asInt()).as(filter).isEqualTo(1);
            assertThat(found.get("Resources").get(0).get("id").asString()).as(filter).isEqualTo(id);
        }
        for (String filter : new String[] {"emails[type eq \"home\"].value eq \"pat@acme.example\"",
                "emails.value eq \"nobody@acme.example\"", "emails.value eq \"pat\""}) {
            Response response = scim.filter("Users", filter, null);
            assertThat(response.status()).as(filter).isEqualTo(200);
            assertThat(response.json().get("totalResults").asInt()).as(filter).isZero();
        }
    }

    @Test
    void filtersOtherThanTheSupportedOnesAreInvalidFilters() {
        for (String filter : new String[] {"userName co \"a\"", "name.familyName eq \"x\"", "userName eq 1",
                "userName eq \"a\" or userName eq \"b\"", "userName eq", "emails[value co \"x\"].value eq \"x\"",
                "emails.type eq \"work\"", "emails[type eq \"work\"].value co \"x\"",
                "emails[type eq \"work\" or value eq \"x\"]", "emails[value eq \"x\" and value eq \"y\"]",
                "emails[type eq \"work\"].value eq \"x\" or userName pr"}) {
            Response response = scim.filter("Users", filter, null);
            assertThat(response.status()).as(filter).isEqualTo(400);
            JsonNode error = response.json();
            assertThat(error.get("scimType").asString()).as(filter).isEqualTo("invalidFilter");
            assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        }
        assertThat(scim.filter("Groups", "members eq \"x\"", null).status()).isEqualTo(400);
    }

    @Test
    void pagesThroughUsers() {
        for (int i = 0; i < 5; i++) {
            assertThat(scim.post("/Users", """
                    {"schemas": ["%s"], "userName": "person%d@acme.example", "active": true}
                    """.formatted(USER, i)).status()).isEqualTo(201);
        }
        JsonNode page = scim.get("/Users?startIndex=2&count=2").json();
        assertThat(page.get("totalResults").asInt()).isEqualTo(5);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("Resources").get(0).get("userName").asString()).isEqualTo("person1@acme.example");
        assertThat(page.get("Resources").get(1).get("userName").asString()).isEqualTo("person2@acme.example");
        assertThat(scim.get("/Users?startIndex=5&count=10").json().get("Resources")).hasSize(1);
    }

    @Test
    void discoveryEndpointsDescribeWhatIsSupported() {
        JsonNode config = scim.get("/ServiceProviderConfig").json();
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");
        JsonNode types = scim.get("/ResourceTypes").json();
        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        assertThat(types.toString()).contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        JsonNode schemas = scim.get("/Schemas").json();
        assertThat(schemas.toString()).contains(USER, "urn:ietf:params:scim:schemas:core:2.0:Group", "department",
                "manager");
        assertThat(scim.get("/Schemas/" + USER).json().get("id").asString()).isEqualTo(USER);
    }

    @Test
    void badBodiesAreScimErrorsNeverFaults() {
        assertThat(scim.post("/Users", "{not json").status()).isEqualTo(400);
        assertThat(scim.post("/Users", "{\"schemas\":[\"" + USER + "\"]}").json().get("scimType").asString())
                .isEqualTo("invalidValue");
        assertThat(scim.post("/Users", "{\"userName\": \"x@y.z\", \"emails\": \"not a list\"}").status())
                .isEqualTo(400);
        assertThat(scim.patch("/Users/nobody", "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
                .status()).isEqualTo(404);
        String id = scim.post("/Users", "{\"userName\": \"bad@acme.example\"}").json().get("id").asString();
        assertThat(scim.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\","
                + "\"value\":\"maybe\"}]}").status()).isEqualTo(400);
        assertThat(scim.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"jump\",\"path\":\"active\"}]}").status())
                .isEqualTo(400);
        assertThat(scim.post("/Groups", "{\"displayName\": \"G\", \"members\": [{\"value\": \"nobody\"}]}").status())
                .as("members must be provisioned users").isEqualTo(400);
    }

    @Test
    void forgetMeErasesWhatTheIdentityProviderSent() {
        Response created = scim.post("/Users", body("okta/01-create-user.json", Map.of()));
        String id = created.json().get("id").asString();
        assertThat(scim.patch("/Users/" + id, body("okta/03-deactivate.json", Map.of())).status()).isEqualTo(200);
        PersonId person = PersonId.of(id);
        assertThat(personalData.stream().flatMap(store -> store.describe(tenant, person).stream())
                .map(DataSection::title)).contains("Identity provider (SCIM)");

        personalData.stream().sorted(java.util.Comparator.comparingInt(PersonalData::eraseOrder))
                .forEach(store -> store.erase(tenant, person));

        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.filter("Users", "userName eq \"test.user@okta.local\"", null).json().get("totalResults")
                .asInt()).isZero();
        assertThat(deprovisioning.deprovisionedAt(tenant, person)).isEmpty();
        assertThat(graph.person(tenant, person)).isEmpty();
        assertThat(personalData.stream().flatMap(store -> store.describe(tenant, person).stream())
                .map(DataSection::title)).doesNotContain("Identity provider (SCIM)");
    }

    private Person person(String id) {
        return graph.person(tenant, PersonId.of(id)).orElseThrow(() -> new AssertionError("no person " + id));
    }

    private Team team(String id) {
        Team team = graph.teamMap(tenant).teams().get(TeamId.of(id));
        assertThat(team).as("team " + id).isNotNull();
        return team;
    }

    private TeamId teamNamed(String name) {
        return graph.teamMap(tenant).teams().values().stream().filter(team -> team.name().equals(name))
                .map(Team::id).findFirst().orElseThrow(() -> new AssertionError("no team named " + name));
    }
}
