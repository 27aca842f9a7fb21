package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
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
import io.handoff.graph.TenantKeys;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A new setting is one declaration: a module's {@link SettingGroup} bean (here a test-only one, declared in this file
 * and nowhere else) is shown by the {@code settings} command, changed and validated from chat, stored in the tenant's
 * settings hash, and read, written and validated by the settings API, without another file knowing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewSettingIsOneDeclarationTest {
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Setting<Integer> COFFEE_BREAKS = Setting.integer("coffee-breaks", 2,
                    "how many coffee breaks a test tenant takes a day")
            .must(n -> n >= 1 && n <= 6, "must be between 1 and 6");

    @TestConfiguration
    static class Declaration {
        @Bean
        SettingGroup coffeeSettings() {
            return SettingGroup.of("coffee", COFFEE_BREAKS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.maps.admins", () -> TENANT.value() + "=ravi");
        registry.add("handoff.scheduler.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatBot bot;

    @BeforeAll
    static void tenant(@Autowired GraphStore graph) {
        SampleOrganisation.load(graph, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private String say(String text) {
        Reply reply = bot.handle(new Interaction.Command(new Actor(TENANT, PersonId.of("ravi")), text)).reply();
        return ((Reply.Show) reply).message().summary();
    }

    private HttpResponse<String> send(String method, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tenants/"
                        + TENANT.value() + "/settings"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDeclaredSettingWorksInChatTheStoreAndTheApi() throws Exception {
        assertThat(say("settings")).contains("coffee-breaks: 2 — how many coffee breaks a test tenant takes a day",
                "min-respondents: 3");
        assertThat(JSON.readTree(send("GET", null).body()).get("coffeeBreaks").asInt()).isEqualTo(2);

        assertThat(say("settings coffee-breaks 9")).startsWith("Nothing was changed: coffeeBreaks must be between 1 and 6");
        assertThat(say("settings coffee-breaks lots"))
                .isEqualTo("'lots' is not a value for coffee-breaks. Try for example: settings coffee-breaks 2");
        assertThat(say("settings coffee-breaks 4")).startsWith("Saved: coffee-breaks is now 4.");
        assertThat(TestRedis.client().hget(TenantKeys.key(TENANT, "settings"), "coffee-breaks")).isEqualTo("4");
        assertThat(JSON.readTree(send("GET", null).body()).get("coffeeBreaks").asInt()).isEqualTo(4);

        HttpResponse<String> tooMany = send("PUT", "{\"coffeeBreaks\": 7, \"weeklyCap\": 2}");
        JsonNode problem = JSON.readTree(tooMany.body());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(problem.get("problems").get(0).asString()).isEqualTo("coffeeBreaks must be between 1 and 6");
        HttpResponse<String> saved = send("PUT", "{\"coffeeBreaks\": 5}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("coffeeBreaks").asInt()).isEqualTo(5);
        assertThat(say("settings")).contains("coffee-breaks: 5");
    }
}
