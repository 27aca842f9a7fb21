package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.bot.schema.ConversationReference;

import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Installing Handoff in a team is answered at once; the roster (paged, WireMock playing a slow connector) is imported
 * in the background, once per team even when Teams sends the install again, and the result is posted into the team.
 */
class MsTeamsRosterImportTest extends MsTeamsAppTest {
    private static final String TEAM = "19:depot-roster@thread.tacv2";
    private static final String PAGED = "/teams/v3/conversations/" + TEAM + "/pagedmembers";
    private static final int SLOW_MS = 3000;

    private final UnifiedJedis redis = TestRedis.client();

    @Autowired
    MsTeamsRosterImports rosters;

    @Test
    void theInstallIsAnsweredBeforeTheSlowRosterAndTheImportRunsOnceForARepeatedInstall() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        BotFrameworkFake.TeamsUser ada = user("Ada Mensah", "ada@contoso.example");
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "ben@contoso.example");
        // Two pages; the first takes 3 s, as a big team's roster does.
        fake.server.stubFor(get(urlPathEqualTo(PAGED)).withQueryParam("continuationToken", absent())
                .willReturn(okJson(page(List.of(mia, ada), "page-2")).withFixedDelay(SLOW_MS)));
        fake.server.stubFor(get(urlPathEqualTo(PAGED)).withQueryParam("continuationToken", equalTo("page-2"))
                .willReturn(okJson(page(List.of(ben), null))));
        ObjectNode install = install(mia, "Depot Roster");

        HttpResponse<String> response = client.post(install);

        assertThat(response.statusCode()).isEqualTo(200);
        // answered before the roster arrived, by causality: the first page takes 3 s, and nobody is imported yet
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        assertThat(graph.graph(tenant).people()).as("nobody imported yet").isEmpty();
        assertThat(fake.sentTo(TEAM)).hasSize(1);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(fake.sentTo(TEAM).get(0))))
                .contains("Handoff is installed in **Depot Roster**").contains("adding the team's colleagues now");
        assertThat(redis.pttl(MsTeamsRosterImports.claimKey(tenant, TEAM)))
                .isBetween(1L, MsTeamsRosterImports.CLAIM.toMillis());

        // Teams did not hear back in time (as it thinks) and sends the very same activity again.
        assertThat(client.post(install).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 2);
        assertThat(graph.graph(tenant).people()).containsOnlyKeys(PersonId.of("mia@contoso.example"),
                PersonId.of("ada@contoso.example"), PersonId.of("ben@contoso.example"));
        for (BotFrameworkFake.TeamsUser member : List.of(mia, ada, ben)) {
            PersonId id = PersonId.of(member.email());
            assertThat(graph.person(tenant, id).orElseThrow().identities())
                    .containsEntry(Platform.TEAMS, member.aadObjectId());
            assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, id))).isEqualTo(member.userId());
        }
        List<JsonNode> sent = fake.sentTo(TEAM);
        assertThat(sent).as("one welcome, one follow-up: the repeated install started nothing").hasSize(2);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(sent.get(1))))
                .contains("Handoff added 3 colleagues from **Depot Roster**");
        assertThat(fake.requestsTo(Pattern.quote(PAGED))).as("each page read once").hasSize(2)
                .allSatisfy(read -> {
                    assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN);
                    assertThat(read.queryParameter("pageSize").firstValue())
                            .isEqualTo(Integer.toString(MsTeamsRosterImports.PAGE_SIZE));
                });
    }

    @Test
    void theTeamNameIsShownLiterallyInTheFollowUp() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        fake.pagedMembers(TEAM, List.of(mia));
        String name = "R&D <at>Everyone</at> *night* [x](http://evil.example)";

        assertThat(client.post(install(mia, name)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 2);
        String followUp = BotFrameworkFake.texts(BotFrameworkFake.card(fake.sentTo(TEAM).get(1)));
        // shown as typed, in plain text runs (never markdown), the address broken up so no client links it
        assertThat(followUp).contains("Handoff added 1 colleague from **" + CardText.literal(name) + "**");
        assertThat(BotFrameworkFake.boldTexts(BotFrameworkFake.card(fake.sentTo(TEAM).get(1))))
                .contains(CardText.literal(name));
        assertThat(BotFrameworkFake.card(fake.sentTo(TEAM).get(1)).toString()).doesNotContain("\"TextBlock\"")
                .doesNotContain("http://evil");
    }

    @Test
    void aConnectorThatKeepsFailingEndsInAFailureNoteAndTheNextInstallTriesAgain() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        fake.server.stubFor(get(urlPathEqualTo(PAGED)).willReturn(aResponse().withStatus(503)));

        assertThat(client.post(install(mia, "Depot Roster")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 2);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(fake.sentTo(TEAM).get(1))))
                .contains("could not read the members of **Depot Roster**").contains("503")
                .contains("added 0 colleagues").contains("add it again");
        assertThat(fake.requestsTo(Pattern.quote(PAGED))).as("ConnectorRetry's 4 attempts").hasSize(4);
        assertThat(graph.graph(tenant).people()).isEmpty();
        assertThat(redis.exists(MsTeamsRosterImports.claimKey(tenant, TEAM))).as("claim released").isFalse();

        // Teams works again: installing again imports the roster.
        fake.pagedMembers(TEAM, List.of(mia));
        assertThat(client.post(install(mia, "Depot Roster")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 4);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(fake.sentTo(TEAM).get(3))))
                .contains("Handoff added 1 colleague from **Depot Roster**");
        assertThat(graph.person(tenant, PersonId.of("mia@contoso.example"))).isPresent();
    }

    /**
     * The roster is read at once, but the import's note waits for the install's welcome: a small team's import cannot
     * say it is done before the welcome said it began (it did once, under load).
     */
    @Test
    void theImportsNoteWaitsUntilTheWelcomeHasGone() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        fake.pagedMembers(TEAM, List.of(mia));
        assertThat(client.post(fake.text(mia, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        ConversationReference team = MsTeamsHttpServlet.parse(install(mia, "Depot Roster").toString()
                .getBytes(StandardCharsets.UTF_8)).getConversationReference();
        CompletableFuture<Void> welcomed = new CompletableFuture<>();

        assertThat(rosters.importRoster(tenant, team, TEAM, "Depot Roster", welcomed))
                .isEqualTo(MsTeamsRosterImports.Start.STARTED);

        await().atMost(Duration.ofSeconds(10)).until(() -> !fake.requestsTo(Pattern.quote(PAGED)).isEmpty());
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> fake.sentTo(TEAM).isEmpty());
        welcomed.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.sentTo(TEAM).size() == 1);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(fake.sentTo(TEAM).get(0))))
                .contains("Handoff added 1 colleague from **Depot Roster**");
    }

    @Test
    void aJoinerIsFetchedAfterTeamsGotItsAnswer() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        fake.member(TEAM, mia);
        client.post(fake.text(mia, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "ben@contoso.example");
        fake.server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + TEAM + "/members/" + ben.userId()))
                .willReturn(okJson(ben.memberJson().toString()).withFixedDelay(SLOW_MS)));
        ObjectNode joined = fake.activity("conversationUpdate", mia, TEAM, "channel");
        joined.putArray("membersAdded").addObject().put("id", ben.userId()).put("aadObjectId", ben.aadObjectId());
        ObjectNode channelData = (ObjectNode) joined.get("channelData");
        channelData.put("eventType", "teamMemberAdded");
        channelData.putObject("team").put("id", TEAM).put("name", "Depot Roster");

        HttpResponse<String> response = client.post(joined);

        assertThat(response.statusCode()).isEqualTo(200);
        // answered before the member arrived, by causality: the lookup takes 3 s, and Ben is not there yet
        PersonId benId = PersonId.of("ben@contoso.example");
        assertThat(graph.person(tenant, benId)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> graph.person(tenant, benId).isPresent());
        assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, benId))).isEqualTo(ben.userId());
    }

    /** The conversationUpdate Teams sends to the team's General channel when {@code by} adds Handoff to it. */
    private ObjectNode install(BotFrameworkFake.TeamsUser by, String teamName) {
        ObjectNode install = fake.activity("conversationUpdate", by, TEAM, "channel");
        install.put("id", "install-" + TEAM); // a repeated activity has the same id
        install.putArray("membersAdded").addObject().put("id", "28:" + BotFrameworkFake.APP_ID);
        ObjectNode channelData = (ObjectNode) install.get("channelData");
        channelData.put("eventType", "teamMemberAdded");
        channelData.putObject("team").put("id", TEAM).put("name", teamName);
        return install;
    }

    private static String page(List<BotFrameworkFake.TeamsUser> users, String continuation) {
        ObjectNode page = BotFrameworkFake.JSON.createObjectNode();
        var members = page.putArray("members");
        users.forEach(u -> members.add(u.memberJson()));
        if (continuation != null) {
            page.put("continuationToken", continuation);
        }
        return page.toString();
    }
}
