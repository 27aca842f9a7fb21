package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.AroundTheClock;
import tools.jackson.databind.JsonNode;

/**
 * {@code report} over Teams through a real JWT-signed activity on the demo depot: Lee gets the report card (the three
 * handoffs, blocking defined, who named whom, next steps as Action.Submit buttons, the map as a link) with no Slack
 * words and no backslash escapes; submitting "Ask Noor to confirm" sends Noor the survey's own question card.
 */
class MsTeamsReportTest extends MsTeamsAppTest {

    private BotFrameworkFake.TeamsUser demoPerson(TenantId tenant, String id, String name) {
        BotFrameworkFake.TeamsUser user = user(name, id + "@contoso.example");
        Person person = graph.person(tenant, PersonId.of(id)).orElseThrow();
        graph.savePerson(tenant, person.withIdentity(Platform.TEAMS, user.aadObjectId()));
        return user;
    }

    private static List<JsonNode> submits(JsonNode card) {
        List<JsonNode> found = new ArrayList<>();
        card.path("body").forEach(element -> element.path("actions").forEach(found::add));
        card.path("actions").forEach(found::add);
        found.removeIf(action -> !"Action.Submit".equals(action.path("type").asString()));
        return found;
    }

    @Test
    void aManagersReportIsACardWhoseNextStepsSendTheSurveysQuestion() {
        TenantId tenant = MsTeamsPeople.newTenantId(microsoftTenant);
        Instant now = Instant.now();
        SampleOrganisation.load(graph, tenant, now);
        graph.saveTenant(new Tenant(tenant, "Contoso depot", null, null, microsoftTenant, now));
        AroundTheClock.workAroundTheClock(settings, tenant);
        BotFrameworkFake.TeamsUser lee = demoPerson(tenant, "lee", "Lee Marsh");
        BotFrameworkFake.TeamsUser noor = demoPerson(tenant, "noor", "Noor Haddad");
        assertThat(client.post(fake.text(noor, "help")).statusCode()).isEqualTo(200); // her chat with the bot

        assertThat(client.post(fake.text(lee, "report")).statusCode()).isEqualTo(200);
        JsonNode card = client.lastCard(lee.personalConversation());
        String texts = BotFrameworkFake.texts(card);

        assertThat(texts).contains("Handoff report for Pre-load (night shift)",
                "The three handoffs that need attention most (into and out of your team):",
                "1. Noor Haddad → you: parcels sorted by route (critical, named by you only)",
                "You say you count on Noor Haddad's parcels sorted by route; Noor has not named you yet",
                "Ask Noor Haddad to confirm or dispute your “parcels sorted by route”");
        assertThat(texts).doesNotContain("\\", "Slack", "workspace", "Home", "preload");
        assertThat(BotFrameworkFake.openUrls(card)).extracting(a -> a.path("title").asString()).contains("Open the map");
        assertThat(AdaptiveCardRules.problems(card.toString())).isEmpty();
        JsonNode ask = submits(card).stream().filter(a -> a.path("title").asString().equals("Ask Noor to confirm"))
                .findFirst().orElseThrow().path("data");
        assertThat(ask.path("action").asString()).isEqualTo("map.next");
        assertThat(ask.path("value").asString()).isEqualTo("settle:noor>lee");

        int before = fake.sentTo(noor.personalConversation()).size();
        assertThat(client.post(fake.submit(lee, Map.of("action", "map.next", "value", "settle:noor>lee")))
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> fake.sentTo(noor.personalConversation()).size() > before);
        JsonNode question = client.lastCard(noor.personalConversation());
        assertThat(BotFrameworkFake.texts(question)).contains("Lee Marsh", "counts on your", "parcels sorted by route");
        assertThat(submits(question)).extracting(a -> a.path("data").path("action").asString())
                .contains("survey.confirm", "survey.dispute");
    }
}
