package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.port.SendFailure;
import io.handoff.delivery.DeadLetter;
import io.handoff.delivery.Outbox;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.AroundTheClock;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proactive messages to colleagues who never wrote to the bot: Handoff starts their personal chat with the connector
 * ({@code POST {serviceUrl}/v3/conversations}), stores it, and sends into it; Teams' refusals and throttling.
 */
class MsTeamsProactiveChatTest extends MsTeamsAppTest {
    private static final String TEAM = "19:depot-day@thread.tacv2";
    private static final String CREATE = "/teams/v3/conversations";
    private static final String GLOBAL_CREATE = "/global/teams/v3/conversations";
    private static final String NOT_INSTALLED = "{\"error\":{\"code\":\"BotNotInConversationRoster\","
            + "\"message\":\"The bot is not part of the conversation roster.\"}}";

    @Autowired
    MsTeamsSender sender;

    @Autowired
    Outbox outbox;

    @Autowired
    UnifiedJedis redis;

    @Test
    void aColleagueKnownOnlyFromTheTeamRosterIsAskedInANewPersonalChat() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser ada = user("Ada Mensah", "ada@contoso.example");
        fake.pagedMembers(TEAM, List.of(pat, ada));
        fake.server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(okJson("{\"id\":\"a:created-ada\"}")));

        // Pat adds Handoff to the team: Ada is known from the roster, but she never writes to the bot.
        ObjectNode install = fake.activity("conversationUpdate", pat, TEAM, "channel");
        install.putArray("membersAdded").addObject().put("id", "28:" + BotFrameworkFake.APP_ID);
        ((ObjectNode) install.get("channelData")).putObject("team").put("id", TEAM).put("name", "Depot Day Shift");
        assertThat(client.post(install).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 2); // the import is done
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId adaId = PersonId.of("ada@contoso.example");
        assertThat(redis.exists(ConversationReferences.key(tenant, adaId))).isFalse();
        assertThat(redis.get(MsTeamsAddresses.serviceUrlKey(tenant))).isEqualTo(fake.serviceUrl());
        assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, adaId))).isEqualTo(ada.userId());

        // Pat names Ada as a customer in a personal chat; the question to Ada goes through the outbox.
        namesAsCustomer(pat, adaId, "restocked shelves");

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo("a:created-ada").size() >= 1);
        List<LoggedRequest> creates = fake.requestsTo(CREATE);
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).getHeader("Authorization")).isEqualTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN);
        JsonNode body = BotFrameworkFake.JSON.readTree(creates.get(0).getBodyAsString());
        assertThat(body.path("bot").path("id").asString()).isEqualTo("28:" + BotFrameworkFake.APP_ID);
        assertThat(body.path("members")).hasSize(1);
        assertThat(body.path("members").get(0).path("id").asString()).isEqualTo(ada.userId());
        assertThat(body.path("channelData").path("tenant").path("id").asString()).isEqualTo(microsoftTenant);
        assertThat(body.path("tenantId").asString()).isEqualTo(microsoftTenant);
        assertThat(body.path("isGroup").asBoolean(true)).isFalse();
        JsonNode question = client.lastCard("a:created-ada");
        assertThat(BotFrameworkFake.texts(question)).contains("**Pat Okafor**").contains("restocked shelves");
        assertThat(MsTeamsTestClient.button(question, "survey.confirm")).isPresent();
        assertThat(fake.sentTo(pat.personalConversation()).stream()
                .map(a -> BotFrameworkFake.texts(BotFrameworkFake.card(a))))
                .noneMatch(text -> text.contains("could not be asked"));
        assertThat(redis.get(ConversationReferences.key(tenant, adaId)))
                .contains("a:created-ada").contains(fake.serviceUrl()).contains(ada.userId());

        // The next message goes straight into the stored chat: no second create.
        sender.send(tenant, graph.person(tenant, adaId).orElseThrow(), Message.text("A second message"));
        assertThat(fake.sentTo("a:created-ada")).hasSize(2);
        assertThat(fake.requestsTo(CREATE)).hasSize(1);

        // Ada answers in the chat Handoff started, like anyone who opened it themselves.
        JsonNode confirm = MsTeamsTestClient.button(question, "survey.confirm").orElseThrow();
        ObjectNode answer = fake.activity("message", ada, "a:created-ada", "personal");
        answer.putObject("value").put("action", "survey.confirm").put("value", confirm.path("value").asString());
        assertThat(client.post(answer).statusCode()).isEqualTo(200);
        assertThat(graph.handoff(tenant, PersonId.of("pat@contoso.example"), adaId).orElseThrow().status())
                .isEqualTo(EdgeStatus.CONFIRMED);
    }

    @Test
    void withNoServiceUrlKnownTheConfiguredGlobalConnectorIsUsedWithTheEntraObjectId() {
        TenantId tenant = microsoftTenantInHandoff();
        String aad = UUID.randomUUID().toString();
        Person lee = new Person(PersonId.of("lee"), "Lee Park", "lee@contoso.example", null, null,
                Map.of(Platform.TEAMS, aad));
        graph.savePerson(tenant, lee);
        fake.server.stubFor(post(urlPathEqualTo(GLOBAL_CREATE)).willReturn(okJson("{\"id\":\"a:created-lee\"}")));
        fake.server.stubFor(post(urlPathMatching("/global/teams/v3/conversations/[^/]+/activities.*"))
                .willReturn(okJson("{\"id\":\"sent-global\"}")));
        assertThat(redis.exists(MsTeamsAddresses.serviceUrlKey(tenant))).isFalse();
        assertThat(sender.canReach(tenant, lee)).isTrue();

        outbox.deliver(tenant, new Notification(lee.id(), Message.text("Lee, one question"), "q:lee"), "q:lee");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !fake.requestsTo("/global/teams/v3/conversations/a:created-lee/activities.*").isEmpty());
        List<LoggedRequest> creates = fake.requestsTo(GLOBAL_CREATE);
        assertThat(creates).hasSize(1);
        JsonNode body = BotFrameworkFake.JSON.readTree(creates.get(0).getBodyAsString());
        assertThat(body.path("members").get(0).path("id").asString()).isEqualTo(aad);
        assertThat(body.path("channelData").path("tenant").path("id").asString()).isEqualTo(microsoftTenant);
        assertThat(fake.requestsTo(CREATE + ".*")).isEmpty();
        assertThat(redis.get(ConversationReferences.key(tenant, lee.id())))
                .contains("a:created-lee").contains(fake.defaultServiceUrl());
    }

    @Test
    void teamsRefusingTheChatIsAPermanentDeadLetterWithoutRetries() {
        TenantId tenant = microsoftTenantInHandoff();
        Person kim = teamsOnly(tenant, "kim", "Kim Ito");
        fake.server.stubFor(post(urlPathEqualTo(GLOBAL_CREATE))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(NOT_INSTALLED)));

        outbox.deliver(tenant, new Notification(kim.id(), Message.text("Kim, one question"), "q:kim"), "q:kim");

        await().atMost(Duration.ofSeconds(20)).until(() -> !outbox.deadLetters(tenant, 10).isEmpty());
        DeadLetter dead = outbox.deadLetters(tenant, 10).get(0);
        assertThat(dead.to()).contains("kim");
        assertThat(dead.failures()).isEqualTo(1);
        assertThat(dead.lastError()).contains("BotNotInConversationRoster").contains("not installed for them");
        assertThat(fake.requestsTo(GLOBAL_CREATE)).hasSize(1);
        assertThat(fake.requestsTo("/global/teams/v3/conversations/.+")).isEmpty();
        assertThat(redis.exists(ConversationReferences.key(tenant, kim.id()))).isFalse();
        // Other platforms are tried for Kim until she uses the app (or a week has passed).
        assertThat(sender.canReach(tenant, kim)).isFalse();
        assertThat(redis.ttl(MsTeamsAddresses.noChatKey(tenant, kim.id())))
                .isBetween(MsTeamsAddresses.NO_CHAT_FOR.toSeconds() - 60, MsTeamsAddresses.NO_CHAT_FOR.toSeconds());
    }

    @Test
    void aBadRequestFromCreateConversationIsDeadLetteredAtOnceWithTeamsReason() {
        TenantId tenant = microsoftTenantInHandoff();
        Person lou = teamsOnly(tenant, "lou", "Lou Berg");
        fake.server.stubFor(post(urlPathEqualTo(GLOBAL_CREATE))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"BadArgument\","
                                + "\"message\":\"Invalid user identity in provided tenant\"}}")));

        outbox.deliver(tenant, new Notification(lou.id(), Message.text("Lou, one question"), "q:lou"), "q:lou");

        await().atMost(Duration.ofSeconds(20)).until(() -> !outbox.deadLetters(tenant, 10).isEmpty());
        DeadLetter dead = outbox.deadLetters(tenant, 10).get(0);
        assertThat(dead.to()).contains("lou");
        assertThat(dead.failures()).as("not retried").isEqualTo(1);
        assertThat(dead.lastError()).contains("HTTP 400").contains("BadArgument")
                .contains("Invalid user identity in provided tenant");
        assertThat(fake.requestsTo(GLOBAL_CREATE)).hasSize(1);
        assertThat(redis.exists(ConversationReferences.key(tenant, lou.id()))).isFalse();
        // A bad request says nothing about the app being installed for Lou: Teams still counts as reaching her.
        assertThat(redis.exists(MsTeamsAddresses.noChatKey(tenant, lou.id()))).isFalse();
    }

    @Test
    void throttlingAndOutagesWhileStartingAChatAreRetried() {
        TenantId tenant = microsoftTenantInHandoff();
        Person jo = teamsOnly(tenant, "jo", "Jo Ruiz");

        fake.server.stubFor(post(urlPathEqualTo(GLOBAL_CREATE)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> sender.send(tenant, jo, Message.text("hello")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isFalse());
        assertThat(fake.requestsTo(GLOBAL_CREATE)).as("ConnectorRetry's 4 attempts").hasSize(4);

        fake.server.stubFor(post(urlPathEqualTo(GLOBAL_CREATE))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        assertThatThrownBy(() -> sender.send(tenant, jo, Message.text("hello")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
                });
        assertThat(fake.requestsTo(GLOBAL_CREATE)).hasSize(5);
        assertThat(sender.canReach(tenant, jo)).isTrue();
        assertThat(redis.exists(ConversationReferences.key(tenant, jo.id()))).isFalse();
    }

    @Test
    void theTeamsUserIdIsShownAndForgotten() {
        BotFrameworkFake.TeamsUser sam = user("Sam Lee", "sam@contoso.example");
        client.post(fake.text(sam, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId samId = PersonId.of("sam@contoso.example");
        assertThat(redis.get(MsTeamsAddresses.userIdKey(tenant, samId))).isEqualTo(sam.userId());

        client.post(fake.text(sam, "my-data"));
        assertThat(BotFrameworkFake.texts(client.lastCard(sam.personalConversation())))
                .contains("Your Teams user id");
        client.post(fake.text(sam, "forget-me"));
        JsonNode forget = MsTeamsTestClient.button(client.lastCard(sam.personalConversation()), "survey.forget.confirm")
                .orElseThrow();
        client.post(fake.submit(sam, Map.of("action", "survey.forget.confirm", "value", forget.path("value").asString())));

        assertThat(graph.person(tenant, samId)).isEmpty();
        // The confirming activity's own after-turn step writes the user id and then, finding Sam gone, removes it
        // again (ActivityActors.rememberAfterTurn); it may still be running when the answer has arrived.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(redis.exists(MsTeamsAddresses.userIdKey(tenant, samId))).isFalse());
    }

    private void namesAsCustomer(BotFrameworkFake.TeamsUser actor, PersonId colleague, String what) {
        client.post(fake.text(actor, "customers"));
        JsonNode pickSubmit = client.lastCard(actor.personalConversation()).path("actions").get(0).path("data");
        client.post(fake.submit(actor, Map.of("form", pickSubmit.path("form").asString(), "state", "",
                "people.people", colleague.value())));
        JsonNode termsSubmit = client.lastCard(actor.personalConversation()).path("actions").get(0).path("data");
        client.post(fake.submit(actor, Map.of("form", termsSubmit.path("form").asString(),
                "state", termsSubmit.path("state").asString(), "text.what.0", what,
                "choice.often.0", "daily", "choice.critical.0", "important")));
    }

    /** The organisation is known to Handoff, but no activity of it has arrived (so no serviceUrl either). */
    private TenantId microsoftTenantInHandoff() {
        TenantId tenant = TenantId.of("org-" + microsoftTenant.substring(0, 8));
        graph.saveTenant(new Tenant(tenant, "Contoso", null, null, microsoftTenant, Instant.now()));
        AroundTheClock.workAroundTheClock(settings, tenant);
        return tenant;
    }

    private Person teamsOnly(TenantId tenant, String id, String name) {
        Person person = new Person(PersonId.of(id), name, null, null, null,
                Map.of(Platform.TEAMS, UUID.randomUUID().toString()));
        graph.savePerson(tenant, person);
        return person;
    }
}
