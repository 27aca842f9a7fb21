package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.demo.SampleFriction;
import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.friction.FrictionService;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import tools.jackson.databind.JsonNode;

/**
 * {@code journey parcel-delivery} over Teams, through a real JWT-signed activity, on the demo organisation installed
 * for a Microsoft 365 tenant: Lee (a manager) gets the blueprint card with the fall at Parcel delivered and the
 * pre-load handoffs that moved together with it; Pat (no manager) gets a plain refusal.
 */
class MsTeamsJourneyTest extends MsTeamsAppTest {
    @Autowired
    Journeys journeys;

    @Autowired
    FrictionService friction;

    private BotFrameworkFake.TeamsUser demoPerson(TenantId tenant, String id, String name) {
        BotFrameworkFake.TeamsUser user = user(name, id + "@contoso.example");
        Person person = graph.person(tenant, PersonId.of(id)).orElseThrow();
        graph.savePerson(tenant, person.withIdentity(Platform.TEAMS, user.aadObjectId()));
        return user;
    }

    @Test
    void aManagerGetsTheParcelDeliveryBlueprintAsACardAndAnEmployeeARefusal() {
        TenantId tenant = MsTeamsPeople.newTenantId(microsoftTenant);
        Instant now = Instant.now();
        SampleOrganisation.load(graph, tenant, now);
        graph.saveTenant(new Tenant(tenant, "Contoso depot", null, null, microsoftTenant, now));
        SampleJourneys.load(journeys, tenant, now);
        SampleFriction.load(graph, friction, tenant, now);
        BotFrameworkFake.TeamsUser lee = demoPerson(tenant, "lee", "Lee Marsh");
        BotFrameworkFake.TeamsUser pat = demoPerson(tenant, "pat", "Pat Okafor");

        assertThat(client.post(fake.text(lee, "journey parcel-delivery")).statusCode()).isEqualTo(200);
        JsonNode card = client.lastCard(lee.personalConversation());
        String texts = BotFrameworkFake.texts(card);

        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        // bold runs read as **…**; every other character is plain text, never backslash-escaped
        assertThat(texts).contains("Parcel delivery: the blueprint", "**Parcel delivered** (in person, game "
                        + "over): Delivery drivers, Dana Kowalski", "Customer signals that fell", "• on-time % ",
                "(6.5% worse)", "Where to look inside", "They moved together with the customer signal",
                "• Lee Marsh → Ravi Shah: truck loaded in delivery order (critical, friction ");
        assertThat(texts).doesNotContain("\\");
        assertThat(texts).doesNotContain("Pat Okafor → Dana", "caus");
        // The picture comes with the card, as a map's does: a PNG attachment after the card.
        java.util.List<JsonNode> sent = fake.sentTo(lee.personalConversation());
        JsonNode attachments = sent.get(sent.size() - 1).path("attachments");
        assertThat(attachments.size()).isEqualTo(2);
        assertThat(attachments.get(1).path("contentType").asString()).isEqualTo("image/png");
        assertThat(attachments.get(1).path("name").asString()).isEqualTo("parcel-delivery-blueprint.png");
        assertThat(card.toString()).contains("/blueprints/");

        assertThat(client.post(fake.text(pat, "journey parcel-delivery")).statusCode()).isEqualTo(200);
        String refusal = BotFrameworkFake.texts(client.lastCard(pat.personalConversation()));
        assertThat(refusal).contains("for team managers and admins").doesNotContain("Parcel delivered");
    }
}
