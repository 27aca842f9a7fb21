package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.testing.TestRedis;

/**
 * The keys that sign the Bot Framework's tokens, and the bot's own token for the connector, are loaded while the app
 * starts: once it has started, the OpenID metadata, its JWKS and the client-credentials token have been fetched though
 * no activity arrived, and the first activity is validated against the cached keys and answered with the cached
 * token without fetching any of them again. The SDK caches keys JVM-wide per metadata URL, so this app gets a
 * metadata URL of its own (a query no other test uses) that no earlier test can have loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MsTeamsSigningKeysWarmUpTest {
    private static final String MARK = "warm-up=" + UUID.randomUUID();
    private static final BotFrameworkFake FAKE = BotFrameworkFake.instance();

    static {
        FAKE.reset(); // the metadata and keys are served before the app starts
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        BotFrameworkFake.register(registry);
        registry.add("handoff.teams.open-id-metadata-url", () -> FAKE.baseUrl() + "/openid?" + MARK);
    }

    @Test
    void theSigningKeysAreLoadedAtStartAndTheFirstActivityFetchesNothing() {
        int metadataAtStart = metadataFetches().size();
        int keysAtStart = FAKE.requestsTo("/keys").size();
        assertThat(metadataAtStart).as("OpenID metadata fetched while the app started").isPositive();
        assertThat(keysAtStart).as("JWKS fetched while the app started").isPositive();
        // the outgoing token too: the first answer does not wait for it
        int tokensAtStart = botTokens().size();
        assertThat(tokensAtStart).as("the connector's token fetched while the app started").isPositive();

        BotFrameworkFake.TeamsUser user = new BotFrameworkFake.TeamsUser("29:user-warm", UUID.randomUUID().toString(),
                "Wren Warm", "wren@warm.example", UUID.randomUUID().toString());
        FAKE.member(user.personalConversation(), user);
        HttpResponse<String> response = new MsTeamsTestClient(FAKE, port).post(FAKE.text(user, "help"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FAKE.sentTo(user.personalConversation())).as("the help card").isNotEmpty();
        assertThat(metadataFetches()).as("OpenID metadata fetched again").hasSize(metadataAtStart);
        assertThat(FAKE.requestsTo("/keys")).as("JWKS fetched again").hasSize(keysAtStart);
        assertThat(botTokens()).as("the connector's token fetched again").hasSize(tokensAtStart);
    }

    /**
     * When the app is ready, the request path (the app's liveness probe) and the connector calls of a first answer have
     * run once over loopback, the calls against a throwaway server: nothing of the warm-up reached the connector (the
     * platform).
     */
    @Test
    void theLoopbackWarmUpRanOnceAndSentNothingToTheConnector() {
        LoopbackWarmUp.Result result = warmUp.result();

        assertThat(result).as("the loopback warm-up ran when the app was ready").isNotNull();
        assertThat(result.probe()).as("the liveness probe").isEqualTo(200);
        assertThat(result.member()).as("the member lookup").isEqualTo(200);
        assertThat(result.reply()).as("the reply with a card").isEqualTo(200);
        assertThat(result.connectorRequests()).as("requests the throwaway connector answered").isEqualTo(2);
        assertThat(FAKE.server.getAllServeEvents()).as("requests to the connector about the warm-up's conversation")
                .noneMatch(event -> event.getRequest().getUrl().contains("/v3/conversations/a:warm-up"));
    }

    @Autowired
    LoopbackWarmUp warmUp;

    /** Client-credentials grants for the Bot Framework connector (not Graph's). */
    private static List<LoggedRequest> botTokens() {
        return FAKE.requestsTo("/oauth2/token").stream()
                .filter(request -> request.getBodyAsString().contains("api.botframework.com")).toList();
    }

    private static List<LoggedRequest> metadataFetches() {
        return FAKE.requestsTo("/openid").stream().filter(request -> request.getUrl().contains(MARK)).toList();
    }
}
