package io.handoff.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.schema.Serialization;

/**
 * The bot's credentials for outgoing Bot Framework calls: an OAuth 2 client-credentials token
 * ({@code scope=https://api.botframework.com/.default}) from the configured token endpoint, fetched with one HTTP call
 * and cached until shortly before it expires. It replaces the SDK's MSAL path, which accepts only Microsoft's own
 * https authorities and so cannot be pointed at another endpoint.
 */
final class ClientCredentialsToken extends AppCredentials {
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsToken.class);
    /** A token is renewed this long before it expires, so a call never carries one that expires on the way. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String clientSecret;
    private final URI tokenUrl;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsToken(String appId, String clientSecret, URI tokenUrl, HttpClient http, Clock clock) {
        super(null, TeamsProperties.SCOPE);
        setAppId(appId);
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.tokenUrl = tokenUrl;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(current());
        } catch (AuthenticationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized String current() {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", getAppId());
        form.put("client_secret", clientSecret);
        form.put("scope", TeamsProperties.SCOPE);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AuthenticationException("the token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode json = Serialization.jsonToTree(response.body());
            String accessToken = json.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new AuthenticationException("the token endpoint sent no access_token");
            }
            Instant now = clock.instant();
            Duration lifetime = Duration.ofSeconds(json.path("expires_in").asLong(3600));
            token = accessToken;
            renewAt = now.plus(lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? lifetime.minus(RENEW_BEFORE)
                    : lifetime.dividedBy(2));
            log.info("Got a Bot Framework token valid for {} s", lifetime.toSeconds());
            return token;
        } catch (IOException e) {
            throw new AuthenticationException("the token endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("interrupted while getting a token");
        }
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tokens come from getToken()");
    }
}
