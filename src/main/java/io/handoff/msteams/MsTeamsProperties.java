package io.handoff.msteams;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft Teams settings, all from the environment (see application.yml). Teams is on when the app id is set.
 *
 * @param appId             MICROSOFT_APP_ID: the bot's Entra (Azure AD) application id; incoming tokens must name it
 * @param appPassword       MICROSOFT_APP_PASSWORD: the client secret used to get tokens for outgoing calls
 * @param appTenantId       MICROSOFT_APP_TENANT_ID: set for a single-tenant bot registration; its token endpoint is
 *                          then the tenant's own instead of botframework.com's
 * @param openIdMetadataUrl BOT_OPENID_METADATA_URL: where the signing keys of incoming tokens are published
 * @param oauthTokenUrl     BOT_OAUTH_TOKEN_URL: the client-credentials token endpoint for outgoing calls
 * @param retry             how connector calls are retried on 429 and 412/502/503/504
 * @param graphUrl          MICROSOFT_GRAPH_URL: Microsoft Graph's base URL (presence reads)
 * @param loginUrl          MICROSOFT_LOGIN_URL: the identity platform; Graph tokens come from
 *                          {@code {loginUrl}/{customer's tenant id}/oauth2/v2.0/token}
 * @param presenceEnabled   TEAMS_PRESENCE_ENABLED: hold messages while someone's Teams presence says out of office
 * @param defaultServiceUrl TEAMS_DEFAULT_SERVICE_URL: the connector used to start a personal chat with someone in a
 *                          Microsoft 365 organisation from which no activity has arrived yet (so no serviceUrl is
 *                          known); Microsoft's global public endpoint unless the organisation is in a government cloud
 * @param allowedTenants    HANDOFF_TEAMS_ALLOWED_TENANTS: the Microsoft 365 tenants (ids, comma-separated, or {@code *}
 *                          for any) whose activities are accepted besides {@code appTenantId}'s; when neither is set
 *                          any tenant may use Handoff, when only {@code appTenantId} is set only that tenant may
 * @param allowLoopbackHttp HANDOFF_TEAMS_ALLOW_LOOPBACK_HTTP: accept activities whose serviceUrl is plain http to a
 *                          loopback host (tests, local development); otherwise a serviceUrl must be https
 * @param allowOtherChannels HANDOFF_TEAMS_ALLOW_OTHER_CHANNELS: accept activities of channels other than
 *                          {@code msteams} (the Bot Framework Emulator, local development) and the Emulator's tokens
 */
@ConfigurationProperties("handoff.teams")
record MsTeamsProperties(String appId, String appPassword, String appTenantId,
                              @DefaultValue(DEFAULT_OPENID_METADATA_URL) String openIdMetadataUrl,
                              @DefaultValue(DEFAULT_TOKEN_URL) String oauthTokenUrl,
                              @DefaultValue Retry retry,
                              @DefaultValue(DEFAULT_GRAPH_URL) String graphUrl,
                              @DefaultValue(DEFAULT_LOGIN_URL) String loginUrl,
                              @DefaultValue("true") boolean presenceEnabled,
                              @DefaultValue(DEFAULT_SERVICE_URL) String defaultServiceUrl,
                              @DefaultValue List<String> allowedTenants,
                              @DefaultValue("false") boolean allowLoopbackHttp,
                              @DefaultValue("false") boolean allowOtherChannels) {
    public static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String DEFAULT_TOKEN_URL =
            "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    public static final String SCOPE = "https://api.botframework.com/.default";
    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";
    public static final String DEFAULT_LOGIN_URL = "https://login.microsoftonline.com";
    /**
     * The public global connector for proactive messages when no incoming activity gave one; GCC, GCC High and DoD
     * have their own (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
     */
    public static final String DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
    /** {@code HANDOFF_TEAMS_ALLOWED_TENANTS=*}: any Microsoft 365 tenant. */
    public static final String ANY_TENANT = "*";

    public MsTeamsProperties {
        openIdMetadataUrl = blank(openIdMetadataUrl) ? DEFAULT_OPENID_METADATA_URL : openIdMetadataUrl.strip();
        oauthTokenUrl = blank(oauthTokenUrl) ? DEFAULT_TOKEN_URL : oauthTokenUrl.strip();
        graphUrl = blank(graphUrl) ? DEFAULT_GRAPH_URL : graphUrl.strip();
        loginUrl = blank(loginUrl) ? DEFAULT_LOGIN_URL : loginUrl.strip();
        retry = retry == null ? new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(10)) : retry;
        defaultServiceUrl = blank(defaultServiceUrl) ? DEFAULT_SERVICE_URL : defaultServiceUrl.strip();
        allowedTenants = allowedTenants == null ? List.of()
                : allowedTenants.stream().filter(t -> !blank(t)).map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        for (String tenant : allowedTenants) {
            if (!ANY_TENANT.equals(tenant) && !MsTeamsIds.isGuid(tenant)) {
                throw new IllegalArgumentException("HANDOFF_TEAMS_ALLOWED_TENANTS must list Microsoft 365 tenant ids "
                        + "(GUIDs) or be *, not '" + tenant + "'");
            }
        }
        if (!blank(appTenantId) && !MsTeamsIds.isGuid(appTenantId.strip())) {
            throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID must be the tenant's id (a GUID), not '"
                    + appTenantId.strip() + "'");
        }
    }

    /**
     * The Microsoft 365 tenants whose activities are accepted (lower case), or empty when any is: the app's own tenant
     * and the allowed list; {@code *} in the list, or neither set, means any.
     */
    public Set<String> acceptedTenants() {
        if (allowedTenants.contains(ANY_TENANT) || (blank(appTenantId) && allowedTenants.isEmpty())) {
            return Set.of();
        }
        Set<String> accepted = new TreeSet<>(allowedTenants);
        if (!blank(appTenantId)) {
            accepted.add(appTenantId.strip().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(accepted);
    }

    public boolean enabled() {
        return !blank(appId);
    }

    /** The token endpoint: a single-tenant bot gets its tokens from its own tenant. */
    public String tokenUrl() {
        if (!blank(appTenantId) && DEFAULT_TOKEN_URL.equals(oauthTokenUrl)) {
            return DEFAULT_TOKEN_URL.replace("botframework.com", appTenantId.strip());
        }
        return oauthTokenUrl;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * @param maxAttempts  attempts per connector call in all (1 = no retry)
     * @param firstBackoff wait before the first retry when the connector names none; doubles with each retry
     * @param maxWait      the longest wait honoured in-line; a longer Retry-After fails the call with that wait
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration firstBackoff,
                        @DefaultValue("10s") Duration maxWait) {
    }
}
