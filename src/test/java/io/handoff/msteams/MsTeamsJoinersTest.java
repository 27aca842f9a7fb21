package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.empathy.EmpathySignals;
import io.handoff.empathy.Signal;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.node.ObjectNode;

/** Colleagues added to a Teams team after Handoff was installed there become people of the graph. */
class MsTeamsJoinersTest extends MsTeamsAppTest {
    private static final String TEAM = "19:depot-day@thread.tacv2";

    @Autowired
    EmpathySignals signals;

    private final UnifiedJedis redis = TestRedis.client();

    @Test
    void aColleagueAddedToTheTeamIsFetchedAndSavedAndIsANewJoiner() {
        BotFrameworkFake.TeamsUser mia = owner();
        client.post(fake.text(mia, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        assertThat(signals.scan(tenant)).isEmpty(); // the first scan: Mia is not new
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "Ben.Ode@contoso.example");
        fake.member(TEAM, ben);

        HttpResponse<String> response = client.post(joined(mia, ben));

        assertThat(response.statusCode()).isEqualTo(200);
        Person saved = savedInTime(tenant, PersonId.of("ben.ode@contoso.example"));
        assertThat(memberReads(ben)).isEqualTo(1);
        assertThat(saved.displayName()).isEqualTo("Ben Ode");
        assertThat(saved.email()).isEqualTo("ben.ode@contoso.example");
        assertThat(saved.identities()).containsEntry(Platform.TEAMS, ben.aadObjectId());
        assertThat(saved.team()).isNull(); // as the roster import: a Teams team is not a Handoff team
        assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, saved.id()))).isEqualTo(ben.userId());
        assertThat(graph.graph(tenant).people()).hasSize(2);

        // Mia now depends on Ben: the empathy scan announces the new joiner to her once.
        HandoffTerms terms = new HandoffTerms("night rota", Frequency.DAILY, Criticality.ROUTINE);
        graph.claim(tenant, saved.id(), miaId(tenant), terms, Side.DOWNSTREAM, Instant.now());
        assertThat(signals.scan(tenant)).anySatisfy(nudge -> {
            assertThat(nudge.signal()).isEqualTo(Signal.NEW_JOINER);
            assertThat(nudge.notification().to()).isEqualTo(miaId(tenant));
        });
    }

    @Test
    void theSameActivityTwiceChangesNothing() {
        BotFrameworkFake.TeamsUser mia = owner();
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "ben@contoso.example");
        fake.member(TEAM, ben);
        ObjectNode activity = joined(mia, ben);

        assertThat(client.post(activity).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        Person first = savedInTime(tenant, PersonId.of("ben@contoso.example"));
        assertThat(client.post(activity).statusCode()).isEqualTo(200);

        assertThat(graph.person(tenant, PersonId.of("ben@contoso.example"))).contains(first);
        assertThat(graph.graph(tenant).people()).hasSize(2);
        assertThat(memberReads(ben)).isEqualTo(1); // known by Entra object id: not asked again
    }

    @Test
    void aColleagueWhoUsesSlackStaysOnePersonWithBothIdentities() {
        TenantId tenant = TenantId.of("acme-" + microsoftTenant.substring(0, 8));
        graph.saveTenant(new Tenant(tenant, "Acme Parcels", null, null, microsoftTenant, Instant.now()));
        graph.savePerson(tenant, new Person(PersonId.of("ben"), "Ben Ode", "ben@contoso.example", null, null,
                Map.of(Platform.SLACK, "U0BEN")));
        BotFrameworkFake.TeamsUser mia = owner();
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "BEN@contoso.example");
        fake.member(TEAM, ben);

        assertThat(client.post(joined(mia, ben)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> graph.person(tenant, PersonId.of("ben")).orElseThrow()
                .identities().containsKey(Platform.TEAMS));
        Person linked = graph.person(tenant, PersonId.of("ben")).orElseThrow();
        assertThat(linked.identities()).containsEntry(Platform.SLACK, "U0BEN")
                .containsEntry(Platform.TEAMS, ben.aadObjectId());
        assertThat(graph.graph(tenant).people()).hasSize(2);
        assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, linked.id()))).isEqualTo(ben.userId());
    }

    @Test
    void aMemberTheConnectorDoesNotKnowIsSkippedAndTeamsStillGets200() {
        BotFrameworkFake.TeamsUser mia = owner();
        BotFrameworkFake.TeamsUser ghost = user("Gus Host", "gus@contoso.example");
        fake.server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + TEAM + "/members/" + ghost.userId()))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"NotFound\"}}")));

        HttpResponse<String> response = client.post(joined(mia, ghost));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> memberReads(ghost) >= 1);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        assertThat(graph.graph(tenant).people()).containsOnlyKeys(miaId(tenant));
        assertThat(graph.personByIdentity(tenant, Platform.TEAMS, ghost.aadObjectId())).isEmpty();
    }

    /** Joiners are fetched after Teams got its answer: waits for the person to be saved. */
    private Person savedInTime(TenantId tenant, PersonId person) {
        await().atMost(Duration.ofSeconds(20)).until(() -> graph.person(tenant, person).isPresent());
        return graph.person(tenant, person).orElseThrow();
    }

    /** Mia owns the team; the connector knows her there. */
    private BotFrameworkFake.TeamsUser owner() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        fake.member(TEAM, mia);
        return mia;
    }

    private static PersonId miaId(TenantId tenant) {
        return PersonId.of("mia@contoso.example");
    }

    /** The conversationUpdate Teams sends to the team when {@code by} adds {@code member}: ids only. */
    private ObjectNode joined(BotFrameworkFake.TeamsUser by, BotFrameworkFake.TeamsUser member) {
        ObjectNode update = fake.activity("conversationUpdate", by, TEAM, "channel");
        update.putArray("membersAdded").addObject().put("id", member.userId()).put("aadObjectId", member.aadObjectId());
        ObjectNode channelData = (ObjectNode) update.get("channelData");
        channelData.put("eventType", "teamMemberAdded");
        channelData.putObject("team").put("id", TEAM).put("name", "Depot Day Shift");
        return update;
    }

    private int memberReads(BotFrameworkFake.TeamsUser member) {
        return fake.requestsTo("/teams/v3/conversations/" + java.util.regex.Pattern.quote(TEAM) + "/members/"
                + java.util.regex.Pattern.quote(member.userId())).size();
    }
}
