package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.node.ObjectNode;

/** Every request to /api/messages must carry a valid Bot Framework channel token; bad bodies are 400, never 500. */
class MsTeamsAuthenticationTest extends MsTeamsAppTest {
    @Autowired
    MeterRegistry meters;

    @Test
    void acceptsAValidChannelToken() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        ObjectNode activity = fake.text(pat, "help");

        HttpResponse<String> response = client.post(activity.toString(), fake.token(fake.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.sentTo(pat.personalConversation())).hasSize(1);
        assertThat(fake.requestsTo("/teams/v3/conversations/.*/activities.*").get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN);
    }

    @Test
    void refusesMissingExpiredMisaddressedAndForeignTokensWith401() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        String body = fake.text(pat, "help").toString();
        String serviceUrl = fake.serviceUrl();
        Instant later = Instant.now().plusSeconds(600);
        Map<String, String> tokens = Map.of(
                "expired", fake.token(BotFrameworkFake.APP_ID, serviceUrl, Instant.now().minusSeconds(3600),
                        fake.signingKey()),
                "wrong audience", fake.token("another-bot-app-id", serviceUrl, later, fake.signingKey()),
                "wrong signature", fake.token(BotFrameworkFake.APP_ID, serviceUrl, later, fake.foreignKey()),
                "other service url", fake.token(BotFrameworkFake.APP_ID, "https://evil.example/teams/", later,
                        fake.signingKey()),
                "not a JWT", "Bearer not.a.token",
                "not bearer", "Basic dXNlcjpwYXNz");

        HttpResponse<String> missing = client.post(body, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        tokens.forEach((what, token) -> {
            HttpResponse<String> response = client.post(body, token);
            assertThat(response.statusCode()).as(what).isEqualTo(401);
            assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at com.");
        });
        assertThat(fake.sentTo(pat.personalConversation())).isEmpty();
        assertThat(meters.counter("handoff.teams.requests", "status", "401").count()).isGreaterThanOrEqualTo(7);
        assertThat(meters.get("handoff.acknowledgements").tags("platform", "teams", "result", "refused").timer()
                .count()).isGreaterThanOrEqualTo(7);
        // the route is named in http.server.requests, as a controller's mapping would be (not UNKNOWN)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters.find("http.server.requests")
                .tags("uri", "/api/messages", "status", "401").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(7)));
    }

    @Test
    void answersMalformedBodiesWith400() {
        String token = fake.token(fake.serviceUrl());

        for (String body : new String[] {"", "{not json", "[1,2]", "{\"text\":\"no type\"}", "{\"type\":\"message\"}"}) {
            HttpResponse<String> response = client.post(body, token);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).doesNotContain("Exception");
        }
    }
}
