package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.Scheduler;
import io.handoff.testing.AroundTheClock;
import tools.jackson.databind.JsonNode;

/**
 * Leaders walk the journey over Teams, through real JWT-signed activities: the scheduled walk-invitation job invites
 * Lee (manager of the pre-loaders) to Parcel delivered, a game-over moment his team is behind; he chooses to shadow
 * Dana for an hour; Dana gets the stories' "Propose a date" and proposes one; Lee gets the date to confirm. A second
 * run of the job in the same month invites nobody again.
 */
class MsTeamsWalkTest extends MsTeamsAppTest {
    @Autowired
    Journeys journeys;

    @Autowired
    Scheduler scheduler;

    private BotFrameworkFake.TeamsUser demoPerson(TenantId tenant, String id, String name) {
        BotFrameworkFake.TeamsUser user = user(name, id + "@contoso.example");
        Person person = graph.person(tenant, PersonId.of(id)).orElseThrow();
        graph.savePerson(tenant, person.withIdentity(Platform.TEAMS, user.aadObjectId()));
        return user;
    }

    @Test
    void leeIsInvitedOnceAndArrangesToShadowDanaWhoProposesADate() {
        TenantId tenant = MsTeamsPeople.newTenantId(microsoftTenant);
        Instant now = Instant.now();
        SampleOrganisation.load(graph, tenant, now);
        graph.saveTenant(new Tenant(tenant, "Contoso depot", null, null, microsoftTenant, now));
        SampleJourneys.load(journeys, tenant, now);
        AroundTheClock.workAroundTheClock(settings, tenant);
        BotFrameworkFake.TeamsUser lee = demoPerson(tenant, "lee", "Lee Marsh");
        BotFrameworkFake.TeamsUser dana = demoPerson(tenant, "dana", "Dana Kowalski");
        assertThat(client.post(fake.text(lee, "home")).statusCode()).isEqualTo(200);
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);

        // 1. the daily job runs: Lee is invited to Parcel delivered, with why and both ways
        scheduler.schedule(Job.of(tenant, "walk-test-1", "journey.walk-invitations", "", Instant.now()));
        JsonNode invitation = await().atMost(Duration.ofSeconds(20)).until(() -> cardWith(lee, "walk.shadow"),
                card -> card != null);
        assertThat(BotFrameworkFake.texts(invitation)).contains("Walk a customer moment this month:",
                "**Parcel delivered**", "Why this one: it is a game-over moment", "shadow Dana Kowalski");
        String value = MsTeamsTestClient.button(invitation, "walk.shadow").orElseThrow().path("value").asString();
        assertThat(value).isEqualTo(YearMonth.from(LocalDate.now(ZoneOffset.UTC)) + "|parcel-delivery|"
                + "parcel-delivered|dana");

        // 2. a second run in the same period invites nobody again
        int leeCards = fake.sentTo(lee.personalConversation()).size();
        scheduler.schedule(Job.of(tenant, "walk-test-2", "journey.walk-invitations", "", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduler.job(tenant, "walk-test-2")
                .map(job -> job.state().name().equals("DONE")).orElse(false));
        assertThat(fake.sentTo(lee.personalConversation())).hasSize(leeCards);

        // 3. Lee chooses to shadow Dana: Dana gets the stories' "Propose a date"
        assertThat(client.post(fake.submit(lee, Map.of("action", "walk.shadow", "value", value))).statusCode())
                .isEqualTo(200);
        assertThat(BotFrameworkFake.texts(client.lastCard(lee.personalConversation())))
                .contains("Dana will propose a day for you to shadow them for an hour at Parcel delivered.");
        JsonNode request = await().atMost(Duration.ofSeconds(20)).until(() -> cardWith(dana, "story.shadow-propose"),
                card -> card != null);
        assertThat(BotFrameworkFake.texts(request)).contains("Lee Marsh would like to walk **Parcel delivered** in "
                + "the customer's shoes by shadowing you for an hour.");
        String walk = MsTeamsTestClient.button(request, "story.shadow-propose").orElseThrow().path("value")
                .asString();

        // 4. Dana proposes a date through the stories' shadowing form; Lee gets it to confirm
        assertThat(client.post(fake.submit(dana, Map.of("action", "story.shadow-propose", "value", walk)))
                .statusCode()).isEqualTo(200);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
        assertThat(client.post(fake.submit(dana, Map.of("form", "story.shadow-form", "state", "t|" + walk,
                "text.date", day))).statusCode()).isEqualTo(200);
        JsonNode proposal = await().atMost(Duration.ofSeconds(20)).until(() -> cardWith(lee, "story.shadow-confirm"),
                card -> card != null);
        assertThat(BotFrameworkFake.texts(proposal)).contains("Dana Kowalski proposes " + day
                + " for you to shadow their shift (walk of Parcel delivered).");
    }

    /** The newest card sent to the user with a button of {@code action}, or null. */
    private JsonNode cardWith(BotFrameworkFake.TeamsUser user, String action) {
        List<JsonNode> sent = fake.sentTo(user.personalConversation());
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode card = BotFrameworkFake.card(sent.get(i));
            if (card != null && MsTeamsTestClient.button(card, action).isPresent()) {
                return card;
            }
        }
        return null;
    }
}
