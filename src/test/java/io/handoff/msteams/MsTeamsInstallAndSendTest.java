package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.chat.Message;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Installing into a team (tenant, roster, welcome), the people search of the picker, and send failures. */
class MsTeamsInstallAndSendTest extends MsTeamsAppTest {
    private static final String TEAM = "19:depot-night@thread.tacv2";

    @Autowired
    MsTeamsSender sender;

    @Test
    void installingIntoATeamCreatesTheTenantImportsTheRosterAndSaysHello() {
        BotFrameworkFake.TeamsUser mia = user("Mia Chen", "mia@contoso.example");
        BotFrameworkFake.TeamsUser ada = user("Ada Mensah", "ada@contoso.example");
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "Ben.Ode@contoso.example");
        // Ada came with the CSV roster before Teams was installed.
        TenantId tenant = TenantId.of("acme-" + microsoftTenant.substring(0, 8));
        graph.saveTenant(new Tenant(tenant, "Acme Parcels", null, null, microsoftTenant, java.time.Instant.now()));
        graph.savePerson(tenant, new Person(PersonId.of("ada"), "Ada Mensah", "ada@contoso.example", null, null, Map.of()));
        fake.pagedMembers(TEAM, List.of(mia, ada, ben));

        ObjectNode install = fake.activity("conversationUpdate", mia, TEAM, "channel");
        install.putArray("membersAdded").addObject().put("id", "28:" + BotFrameworkFake.APP_ID);
        ((ObjectNode) install.get("channelData")).putObject("team").put("id", TEAM).put("name", "Depot Night Shift");
        HttpResponse<String> response = client.post(install);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(graph.tenantForMicrosoft(microsoftTenant)).contains(tenant);
        // The welcome answers the install; the roster import says when it is done (MsTeamsRosterImportTest).
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(TEAM).size() >= 2);
        assertThat(graph.person(tenant, PersonId.of("ada")).orElseThrow().identities())
                .containsEntry(Platform.TEAMS, ada.aadObjectId());
        assertThat(graph.person(tenant, PersonId.of("ben.ode@contoso.example")).orElseThrow().displayName())
                .isEqualTo("Ben Ode");
        assertThat(graph.person(tenant, PersonId.of("mia@contoso.example"))).isPresent();
        assertThat(graph.graph(tenant).people()).hasSize(3);
        List<JsonNode> sent = fake.sentTo(TEAM);
        assertThat(sent).hasSize(2);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(sent.get(0)))).contains("**Depot Night Shift**")
                .contains("adding the team's colleagues");
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(sent.get(1))))
                .contains("Handoff added 3 colleagues from **Depot Night Shift**");
    }

    @Test
    void aCommandInAChannelIsAnsweredInThePersonalChatOnly() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser ben = user("Ben Ode", "ben@contoso.example");
        String channel = "19:general@thread.tacv2";
        fake.member(channel, ben);
        client.post(fake.text(pat, "home"));

        assertThat(client.post(mention(pat, channel, "my-data")).statusCode()).isEqualTo(200);
        assertThat(client.post(mention(ben, channel, "customers")).statusCode()).isEqualTo(200);

        List<JsonNode> inChannel = fake.sentTo(channel);
        assertThat(inChannel).hasSize(2);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(inChannel.get(0)))).contains("personal chat");
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(inChannel.get(1))))
                .contains("To keep your answers private");
        assertThat(inChannel.toString()).doesNotContain("Input.").doesNotContain("pat@contoso");
        JsonNode privately = client.lastCard(pat.personalConversation());
        assertThat(BotFrameworkFake.texts(privately)).contains("What Handoff stores about you");
    }

    private ObjectNode mention(BotFrameworkFake.TeamsUser from, String channel, String command) {
        ObjectNode message = fake.activity("message", from, channel, "channel")
                .put("text", "<at>Handoff</at> " + command);
        ObjectNode entity = message.putArray("entities").addObject().put("type", "mention")
                .put("text", "<at>Handoff</at>");
        entity.putObject("mentioned").put("id", "28:" + BotFrameworkFake.APP_ID).put("name", "Handoff");
        return message;
    }

    @Test
    void thePeoplePickerSearchesTheRosterThroughTheBot() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        client.post(fake.text(pat, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        graph.savePerson(tenant, Person.of("ada", "Ada Mensah", null));
        graph.savePerson(tenant, Person.of("adam", "Adam Price", null));
        graph.savePerson(tenant, Person.of("ben", "Ben Ode", null));

        ObjectNode search = fake.activity("invoke", pat, pat.personalConversation(), "personal")
                .put("name", "application/search");
        search.putObject("value").put("queryText", "ada").put("dataset", "handoff.people");
        HttpResponse<String> response = client.post(search);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = BotFrameworkFake.JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("application/vnd.microsoft.search.searchResponse");
        assertThat(body.path("value").path("results").findValuesAsString("value")).containsExactly("ada", "adam");
    }

    @Test
    void sendFailuresSayWhetherAndWhenToRetry() {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        client.post(fake.text(dana, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        Person person = graph.person(tenant, PersonId.of("dana@contoso.example")).orElseThrow();
        assertThat(sender.canReach(tenant, person)).isTrue();
        assertThat(sender.canReach(tenant, Person.of("nobody", "Nobody", null))).isFalse();
        String path = "/teams/v3/conversations/" + Pattern.quote(dana.personalConversation()) + "/activities.*";
        int before = fake.sentTo(dana.personalConversation()).size();

        fake.server.stubFor(post(urlPathMatching(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        assertThatThrownBy(() -> sender.send(tenant, person, Message.text("hello")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(failure.permanent()).isFalse();
                });
        // A wait longer than handoff.teams.retry.max-wait is not sat out in-line: one attempt, then the outbox.
        assertThat(fake.sentTo(dana.personalConversation())).hasSize(before + 1);

        fake.server.stubFor(post(urlPathMatching(path)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> sender.send(tenant, person, Message.text("hello")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isFalse());
        assertThat(fake.sentTo(dana.personalConversation())).hasSize(before + 1 + 4);

        fake.server.stubFor(post(urlPathMatching(path)).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> sender.send(tenant, person, Message.text("hello")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isTrue());
    }
}
