package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.AroundTheClock;
import ch.qos.logback.classic.Level;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attack 7 of issue 14, tenant confusion: with MICROSOFT_APP_TENANT_ID set (a single-tenant bot), a valid activity from
 * another Microsoft 365 organisation is refused with 403 and creates no Handoff tenant; the organisations listed in
 * HANDOFF_TEAMS_ALLOWED_TENANTS are accepted besides the app's own.
 */
class MsTeamsTenantConfusionAttackRegressionTest extends MsTeamsAppTest {
    static final String HOME_TENANT = "0f6c1c1e-3c55-4d1a-9a0e-5e1a2b3c4d5e";
    static final String PARTNER_TENANT = "5b2a0c44-91d2-4f7e-8c3b-0a1b2c3d4e5f";
    private MsTeamsLogCapture logs;

    @DynamicPropertySource
    static void singleTenant(DynamicPropertyRegistry registry) {
        registry.add("handoff.teams.app-tenant-id", () -> HOME_TENANT);
        registry.add("handoff.teams.allowed-tenants", () -> PARTNER_TENANT);
    }

    @BeforeEach
    void homeTenant() {
        microsoftTenant = HOME_TENANT;
        AroundTheClock.workAroundTheClock(settings, MsTeamsPeople.newTenantId(HOME_TENANT));
        AroundTheClock.workAroundTheClock(settings, MsTeamsPeople.newTenantId(PARTNER_TENANT));
        logs = new MsTeamsLogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void anActivityFromTheAppsOwnTenantIsAccepted() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");

        HttpResponse<String> response = client.post(fake.text(pat, "home"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.sentTo(pat.personalConversation())).hasSize(1);
        assertThat(graph.tenantForMicrosoft(HOME_TENANT)).isPresent();
    }

    @Test
    void anActivityFromAnAllowedPartnerTenantIsAccepted() {
        BotFrameworkFake.TeamsUser lee = inTenant("Lee Partner", PARTNER_TENANT);

        HttpResponse<String> response = client.post(fake.text(lee, "home"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.sentTo(lee.personalConversation())).hasSize(1);
    }

    @Test
    void aValidActivityFromAnotherTenantIsRefusedWith403AndCreatesNoTenant() {
        String other = UUID.randomUUID().toString();
        BotFrameworkFake.TeamsUser mallory = inTenant("Mallory Other", other);
        ObjectNode install = fake.activity("installationUpdate", mallory, mallory.personalConversation(), "personal")
                .put("action", "add");

        ObjectNode addedToTeam = fake.activity("conversationUpdate", mallory, "19:mallory@thread.tacv2", "channel");
        addedToTeam.putArray("membersAdded").addObject().put("id", "28:" + BotFrameworkFake.APP_ID);
        ((ObjectNode) addedToTeam.path("channelData")).putObject("team").put("id", "19:mallory@thread.tacv2");

        for (ObjectNode activity : new ObjectNode[] {fake.text(mallory, "home"), install, addedToTeam}) {
            HttpResponse<String> response = client.post(activity);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("organisation").doesNotContain(HOME_TENANT);
        }

        assertThat(fake.requestsTo("/teams/.*")).isEmpty();
        assertThat(graph.tenantForMicrosoft(other)).isEmpty();
        assertThat(graph.tenant(MsTeamsPeople.newTenantId(other))).isEmpty();
        assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("tenant " + other + " is not accepted"))
                .hasSize(3);
    }

    @Test
    void anotherTenantOnlyInTheChannelDataIsNotAttributedToTheAppsTenant() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        ObjectNode activity = fake.text(pat, "home");
        ((ObjectNode) activity.path("channelData").path("tenant")).put("id", UUID.randomUUID().toString());

        HttpResponse<String> response = client.post(activity);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.sentTo(pat.personalConversation())).isEmpty();
        assertThat(logs.messages(Level.WARN)).anyMatch(m -> m.startsWith("Acknowledged") && m.contains("two tenants"));
    }

    private BotFrameworkFake.TeamsUser inTenant(String name, String tenant) {
        BotFrameworkFake.TeamsUser user = new BotFrameworkFake.TeamsUser("29:user-" + UUID.randomUUID(),
                UUID.randomUUID().toString(), name, name.split(" ")[0].toLowerCase() + "@other.example", tenant);
        fake.member(user.personalConversation(), user);
        return user;
    }
}
