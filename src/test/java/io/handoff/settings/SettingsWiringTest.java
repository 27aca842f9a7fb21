package io.handoff.settings;

import io.handoff.delivery.DeliverySettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Interaction;
import io.handoff.chat.Reply;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/** The settings command as the application wires it: admins come from handoff.maps.admins (HANDOFF_MAP_ADMINS). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SettingsWiringTest {
    private static final TenantId TENANT = TestRedis.uniqueTenant();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.maps.admins", () -> TENANT.value() + "=ravi");
    }

    @Autowired
    ChatBot bot;

    @Autowired
    GraphStore graph;

    @Autowired
    TenantSettingsStore settings;

    @Autowired
    SettingsRegistry registry;

    private String say(String person, String text) {
        Reply reply = bot.handle(new Interaction.Command(new Actor(TENANT, PersonId.of(person)), text)).reply();
        return ((Reply.Show) reply).message().summary();
    }

    @Test
    void theApplicationRegistersEveryModulesSettingsAndTheTestsRegistryIsTheSame() {
        assertThat(registry.names()).containsExactlyElementsOf(io.handoff.testing.AllSettings.registry().names())
                .contains("min-respondents", "weekly-cap", "story-prompt-every", "manager-report-digest",
                        "working-hours");
        assertThat(settings.registry()).isSameAs(registry);
    }

    @Test
    void theConfiguredAdminChangesASettingAndOthersAreRefused() {
        SampleOrganisation.load(graph, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        assertThat(say("ravi", "settings weekly-cap 5")).startsWith("Saved: weekly-cap is now 5.");
        assertThat(settings.settings(TENANT).get(DeliverySettings.WEEKLY_CAP)).isEqualTo(5);
        assertThat(say("pat", "settings weekly-cap 9")).startsWith("Only your Handoff admins").contains("ravi");
        assertThat(settings.settings(TENANT).get(DeliverySettings.WEEKLY_CAP)).isEqualTo(5);
    }
}
