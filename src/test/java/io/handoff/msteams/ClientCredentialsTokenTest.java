package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.bot.connector.authentication.AuthenticationException;

/** The client-credentials token for outgoing calls: one HTTP call, cached until shortly before it expires. */
class ClientCredentialsTokenTest {
    private final BotFrameworkFake fake = BotFrameworkFake.instance();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void fetchesOnceAndCachesUntilShortlyBeforeExpiry() throws Exception {
        ClientCredentialsToken token = token();

        assertThat(token.getToken().get()).isEqualTo(BotFrameworkFake.OUTGOING_TOKEN);
        clock.advance(Duration.ofMinutes(50));
        assertThat(token.getToken().get()).isEqualTo(BotFrameworkFake.OUTGOING_TOKEN);
        assertThat(fake.server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))).hasSize(1);

        clock.advance(Duration.ofMinutes(6)); // 56 minutes: within 5 minutes of the 3599 s lifetime
        token.getToken().get();

        assertThat(fake.server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))).hasSize(2);
        fake.server.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + BotFrameworkFake.APP_ID))
                .withRequestBody(containing("client_secret=" + BotFrameworkFake.APP_PASSWORD))
                .withRequestBody(containing("scope=https%3A%2F%2Fapi.botframework.com%2F.default")));
    }

    @Test
    void aRefusedTokenRequestFailsAsAnAuthenticationProblem() {
        fake.server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> token().getToken().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AuthenticationException.class).hasMessageContaining("401");
    }

    private ClientCredentialsToken token() {
        return new ClientCredentialsToken(BotFrameworkFake.APP_ID, BotFrameworkFake.APP_PASSWORD,
                URI.create(fake.baseUrl() + "/oauth2/token"), HttpClient.newHttpClient(), clock);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
