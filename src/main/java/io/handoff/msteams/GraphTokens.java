package io.handoff.msteams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * App-only Microsoft Graph tokens, one {@link ClientCredentialsGrant} per customer's Microsoft 365 tenant:
 * {@code POST {login-url}/{microsoftTenantId}/oauth2/v2.0/token} with the bot's app id and secret and
 * {@code scope=https://graph.microsoft.com/.default}. The token then carries the application permissions the
 * tenant's admin consented to (for presence: {@code Presence.Read.All}). Each tenant's token is cached until shortly
 * before it expires.
 */
final class GraphTokens {
    static final String SCOPE = "https://graph.microsoft.com/.default";
    /** Microsoft tenant ids are GUIDs (or verified domain names); nothing else may go into the token URL's path. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,127}");

    private final String appId;
    private final String appPassword;
    private final String loginUrl;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, ClientCredentialsGrant> byTenant = new ConcurrentHashMap<>();

    GraphTokens(String appId, String appPassword, String loginUrl, HttpClient http, Clock clock) {
        this.appId = appId;
        this.appPassword = appPassword;
        this.loginUrl = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        this.http = http;
        this.clock = clock;
    }

    String token(String microsoftTenantId) throws ClientCredentialsGrant.TokenRefused {
        if (microsoftTenantId == null || !TENANT.matcher(microsoftTenantId).matches()) {
            throw new ClientCredentialsGrant.TokenRefused(0, "not a Microsoft tenant id: " + microsoftTenantId);
        }
        return byTenant.computeIfAbsent(microsoftTenantId, tenant -> new ClientCredentialsGrant(appId, appPassword,
                URI.create(loginUrl + "/" + tenant + "/oauth2/v2.0/token"), SCOPE, http, clock)).token();
    }
}
