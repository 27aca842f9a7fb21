package io.handoff.msteams;

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
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An OAuth 2 client-credentials grant (RFC 6749 §4.4) against one Microsoft identity platform token endpoint for one
 * scope: one form POST of {@code grant_type=client_credentials}, the app id and secret and the scope, and the
 * {@code access_token} kept until {@link #RENEW_BEFORE} before its {@code expires_in} runs out. Used for the Bot
 * Framework connector ({@link ClientCredentialsToken}) and for Microsoft Graph ({@link GraphTokens}). Hand-written
 * because MSAL accepts only Microsoft's own https authorities, so tests could not point it at a local server.
 */
final class ClientCredentialsGrant {
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsGrant.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token is renewed this long before it expires, so a call never carries one that expires on the way. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String clientId;
    private final String clientSecret;
    private final URI tokenUrl;
    private final String scope;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsGrant(String clientId, String clientSecret, URI tokenUrl, String scope, HttpClient http,
                           Clock clock) {
        this.clientId = clientId == null ? "" : clientId;
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.tokenUrl = tokenUrl;
        this.scope = scope;
        this.http = http;
        this.clock = clock;
    }

    String clientId() {
        return clientId;
    }

    /** The cached token, or a new one when it is about to expire. */
    synchronized String token() throws TokenRefused {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", scope);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenRefused(0, "the token endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRefused(0, "interrupted while getting a token");
        }
        if (response.statusCode() != 200) {
            throw new TokenRefused(response.statusCode(), "the token endpoint answered HTTP " + response.statusCode()
                    + errorCode(response.body()));
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new TokenRefused(200, "the token endpoint sent no JSON");
        }
        String accessToken = json.path("access_token").asString("");
        if (accessToken.isEmpty()) {
            throw new TokenRefused(200, "the token endpoint sent no access_token");
        }
        Duration lifetime = Duration.ofSeconds(json.path("expires_in").asLong(3600));
        token = accessToken;
        renewAt = clock.instant().plus(lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0
                ? lifetime.minus(RENEW_BEFORE) : lifetime.dividedBy(2));
        log.info("Got a token for {} from {} valid for {} s", scope, tokenUrl.getHost(), lifetime.toSeconds());
        return token;
    }

    /** The identity platform's {@code error} code (e.g. {@code invalid_client}), never its free-text description. */
    private static String errorCode(String body) {
        try {
            String code = JSON.readTree(body).path("error").asString("");
            return code.matches("[a-z_]{1,64}") ? " (" + code + ")" : "";
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    /** No token: {@code status} is the token endpoint's HTTP status, 0 when it could not be reached. */
    static final class TokenRefused extends Exception {
        private final int status;

        TokenRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
