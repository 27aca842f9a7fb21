package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import io.handoff.graph.EdgeStatus;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import ch.qos.logback.classic.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Regression tests of the attacks on /api/messages found in issue 14 (6, 8, 10, 11) and of the published Teams samples
 * that broke a turn, against the whole app with real Bot Framework JWTs and WireMock as the connector. In this package
 * because they use its test support ({@link BotFrameworkFake}, {@link MsTeamsTestClient}); tenant confusion (7) needs its
 * own configuration: {@link MsTeamsTenantConfusionAttackRegressionTest}.
 */
class MsTeamsAttackRegressionTest extends MsTeamsAppTest {
    private static final String EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private MsTeamsLogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new MsTeamsLogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    // ---- attack 6: a serviceUrl that is not https, with a token carrying the same URL ----

    @Test
    void aServiceUrlThatIsNotHttpsIsRefusedWith400BeforeTheSdk() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        for (String serviceUrl : List.of("javascript:alert(1)//", "file:///etc/passwd", "http://evil.example/teams/",
                "http://127.0.0.1.evil.example/teams/", "https://user:pw@evil.example/teams/", "ftp://evil.example/")) {
            ObjectNode activity = fake.text(pat, "help").put("serviceUrl", serviceUrl);

            HttpResponse<String> response = client.post(activity.toString(), fake.token(serviceUrl));

            assertThat(response.statusCode()).as(serviceUrl).isEqualTo(400);
            assertThat(response.body()).as(serviceUrl).contains("serviceUrl").doesNotContain("Exception");
        }
        assertThat(logs.at(Level.ERROR)).isEmpty();
        assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("is not https")).hasSize(6);
        // only this test's conversation: an earlier test's reply may still be on its way after its acknowledgement
        assertThat(fake.requestsTo("/teams/v3/conversations/" + java.util.regex.Pattern.quote(pat.personalConversation())
                + ".*")).isEmpty();
        assertThat(graph.tenantForMicrosoft(microsoftTenant)).as("nothing of the activity was stored").isEmpty();
    }

    // ---- attack 8: a forged emulator-style token; other channels ----

    @Test
    void aTokenThatDoesNotClaimTheBotFrameworkIsRefusedWith401BeforeAnyMetadataIsFetched() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        ObjectNode activity = fake.text(pat, "help");
        Instant expires = Instant.now().plusSeconds(600);
        String forged = "Bearer " + JWT.create().withIssuer(EMULATOR_ISSUER).withAudience(BotFrameworkFake.APP_ID)
                .withKeyId("forged-key").withClaim("ver", "1.0").withClaim("appid", BotFrameworkFake.APP_ID)
                .withClaim("serviceurl", fake.serviceUrl()).withIssuedAt(Date.from(expires.minusSeconds(3600)))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) fake.foreignKey().getPublic(),
                        (RSAPrivateKey) fake.foreignKey().getPrivate()));

        HttpResponse<String> response = client.post(activity.toString(), forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        // the SDK would have fetched the Emulator's metadata from Microsoft's login servers and logged ERRORs
        assertThat(logs.at(Level.ERROR)).isEmpty();
        assertThat(logs.messages(Level.WARN)).anyMatch(m -> m.contains("issuer '" + EMULATOR_ISSUER + "'"));
        assertThat(fake.requestsTo("/openid|/keys")).as("not even our own metadata is read").isEmpty();
        assertThat(fake.sentTo(pat.personalConversation())).isEmpty();
    }

    @Test
    void theEmulatorAndOtherChannelsAreRefusedWith403EvenWithAValidToken() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        for (String channel : List.of("emulator", "webchat", "directline")) {
            ObjectNode activity = fake.text(pat, "help").put("channelId", channel);

            HttpResponse<String> response = client.post(activity);

            assertThat(response.statusCode()).as(channel).isEqualTo(403);
        }
        assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("is not enabled")).hasSize(3);
        assertThat(fake.sentTo(pat.personalConversation())).isEmpty();
        assertThat(graph.tenantForMicrosoft(microsoftTenant)).isEmpty();
    }

    // ---- attack 10: invokes other than the people search ----

    @Test
    void anActionExecuteIsHandledLikeASubmitAndAnsweredWithTheNextCard() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        client.post(fake.text(dana, "home"));
        client.post(fake.text(pat, "customers"));
        JsonNode pickSubmit = client.lastCard(pat.personalConversation()).path("actions").get(0).path("data");
        int sentBefore = fake.sentTo(pat.personalConversation()).size();

        // the same data as the Action.Submit, sent as Universal Actions do (adaptiveCard/action, Action.Execute)
        ObjectNode invoke = fake.activity("invoke", pat, pat.personalConversation(), "personal")
                .put("name", "adaptiveCard/action");
        ObjectNode action = invoke.putObject("value").put("trigger", "manual").putObject("action")
                .put("type", "Action.Execute").put("verb", "submit");
        action.putObject("data").put("form", pickSubmit.path("form").asString())
                .put("state", pickSubmit.path("state").asString()).put("people.people", "dana@contoso.example");

        HttpResponse<String> response = client.post(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = BotFrameworkFake.JSON.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asString()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        assertThat(BotFrameworkFake.texts(body.path("value"))).as("the terms form for Dana replaces the card")
                .contains("Dana Smith");
        assertThat(fake.sentTo(pat.personalConversation())).as("the answer came in the invoke response")
                .hasSize(sentBefore);

        // and the terms form's own submit, as Action.Execute too, saves the handoff
        JsonNode termsSubmit = body.path("value").path("actions").get(0).path("data");
        ObjectNode terms = fake.activity("invoke", pat, pat.personalConversation(), "personal")
                .put("name", "adaptiveCard/action");
        terms.putObject("value").putObject("action").put("type", "Action.Execute").putObject("data")
                .put("form", termsSubmit.path("form").asString()).put("state", termsSubmit.path("state").asString())
                .put("text.what.0", "loaded truck").put("choice.often.0", "daily").put("choice.critical.0", "critical");
        assertThat(client.post(terms).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        // saved after the answer, by a scheduler job
        assertThat(org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> graph.handoff(tenant, PersonId.of("pat@contoso.example"), PersonId.of("dana@contoso.example")),
                java.util.Optional::isPresent).orElseThrow().status()).isEqualTo(EdgeStatus.CLAIMED);
    }

    @Test
    void anActionExecuteWithoutHandoffDataIsAnsweredWith200AndAMessage() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        ObjectNode invoke = fake.activity("invoke", pat, pat.personalConversation(), "personal")
                .put("name", "adaptiveCard/action");
        invoke.putObject("value").put("trigger", "automatic").putObject("action").put("type", "Action.Execute")
                .put("verb", "refresh");

        HttpResponse<String> response = client.post(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = BotFrameworkFake.JSON.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(BotFrameworkFake.texts(body.path("value"))).contains("no longer valid");
        assertThat(logs.at(Level.ERROR)).isEmpty();
    }

    @Test
    void everyOtherInvokeGetsAnEmpty200() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        for (String name : List.of("task/fetch", "composeExtension/query", "signin/verifyState", "handoff/unknown")) {
            ObjectNode invoke = fake.activity("invoke", pat, pat.personalConversation(), "personal").put("name", name);
            invoke.putObject("value").put("anything", 1);

            HttpResponse<String> response = client.post(invoke);

            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.body()).as(name).isNullOrEmpty();
        }
        assertThat(fake.sentTo(pat.personalConversation())).isEmpty();
        assertThat(logs.at(Level.ERROR)).isEmpty();
    }

    // ---- attack 11: ids that are not Teams', the published samples with placeholders ----

    @Test
    void aMessageWhoseTenantIdIsNoGuidIsAcknowledgedWithoutAnErrorPost() {
        BotFrameworkFake.TeamsUser pat = new BotFrameworkFake.TeamsUser("29:user-pat", java.util.UUID.randomUUID()
                .toString(), "Pat Okafor", "pat@contoso.example", "sample tenant ID");
        fake.member(pat.personalConversation(), pat);

        HttpResponse<String> response = client.post(fake.text(pat, "home"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.sentTo(pat.personalConversation())).as("no 'Sorry, something went wrong'").isEmpty();
        assertThat(logs.at(Level.ERROR)).isEmpty();
        assertThat(logs.messages(Level.WARN)).anyMatch(m -> m.contains("Acknowledged") && m.contains("not a GUID"));
        assertThat(graph.tenantForMicrosoft("sample tenant ID")).isEmpty();
    }

    @Test
    void malformedUserAndConversationIdsAreAcknowledgedWithoutRunningTheBot() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        Map<String, ObjectNode> activities = Map.of(
                "user id", fake.text(pat, "home").set("from", BotFrameworkFake.JSON.createObjectNode()
                        .put("id", "29:<userID>").put("aadObjectId", pat.aadObjectId())),
                "Entra id", fake.text(pat, "home").set("from", BotFrameworkFake.JSON.createObjectNode()
                        .put("id", pat.userId()).put("aadObjectId", "***")),
                "long conversation id", textIn(pat, "a:" + "x".repeat(MsTeamsIds.MAX_ID)),
                "two tenants", (ObjectNode) fake.text(pat, "home").set("channelData", BotFrameworkFake.JSON
                        .createObjectNode().set("tenant", BotFrameworkFake.JSON.createObjectNode()
                                .put("id", java.util.UUID.randomUUID().toString()))));

        activities.forEach((what, activity) -> {
            HttpResponse<String> response = client.post(activity);
            assertThat(response.statusCode()).as(what).isEqualTo(200);
        });

        assertThat(fake.requestsTo("/teams/v3/conversations/.*")).isEmpty();
        assertThat(graph.tenantForMicrosoft(microsoftTenant)).isEmpty();
        assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.startsWith("Acknowledged")).hasSize(4);
        assertThat(logs.at(Level.ERROR)).isEmpty();
    }

    @Test
    void thePublishedInstallationUpdateSampleIsAcknowledged() {
        assertPublishedSampleIsAcknowledged("installation-update.json");
    }

    @Test
    void thePublishedBotAddedToAPersonalChatSampleIsAcknowledged() {
        assertPublishedSampleIsAcknowledged("bot-added-to-personal-chat.json");
    }

    @Test
    void anUnattributableActivityStillNeedsAValidToken() {
        ObjectNode sample = sample("installation-update.json");

        HttpResponse<String> response = client.post(sample.toString(), fake.token(BotFrameworkFake.APP_ID,
                fake.serviceUrl(), Instant.now().plusSeconds(600), fake.foreignKey()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(logs.messages(Level.WARN)).noneMatch(m -> m.startsWith("Acknowledged"));
    }

    @Test
    void malformedBodiesAreRefusedWith400() {
        String token = fake.token(fake.serviceUrl());
        for (String body : new String[] {"{\"type\":\"message\",\"serviceUrl\":", "{\"type\":\"message\","
                + "\"serviceUrl\":\"" + fake.serviceUrl() + "\",\"from\":5}", "{\"type\":7}", "null", "\"text\"",
                "{\"type\":\"message\",\"serviceUrl\":[1]}"}) {
            HttpResponse<String> response = client.post(body, token);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(logs.at(Level.ERROR)).isEmpty();
    }

    private void assertPublishedSampleIsAcknowledged(String name) {
        ObjectNode sample = sample(name);

        HttpResponse<String> response = client.post(sample);

        assertThat(response.statusCode()).as(name).isEqualTo(200);
        assertThat(fake.requestsTo("/teams/v3/.*")).as("nothing was sent, no 'Sorry'").isEmpty();
        assertThat(logs.at(Level.ERROR)).as(name).isEmpty();
        assertThat(logs.messages(Level.WARN)).anyMatch(m -> m.startsWith("Acknowledged") && m.contains("not a GUID"));
    }

    /** A published sample as it is, with only its serviceUrl pointed at the fake connector. */
    private ObjectNode sample(String name) {
        try (InputStream in = getClass().getResourceAsStream("samples/" + name)) {
            ObjectNode sample = (ObjectNode) BotFrameworkFake.JSON.readTree(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return sample.put("serviceUrl", fake.serviceUrl());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode textIn(BotFrameworkFake.TeamsUser from, String conversationId) {
        return fake.activity("message", from, conversationId, "personal").put("text", "home");
    }
}
