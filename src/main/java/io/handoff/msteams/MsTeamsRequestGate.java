package io.handoff.msteams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.EmulatorValidation;

import io.handoff.security.SecurityLog;

/**
 * What Handoff checks of an incoming activity before the Bot Framework SDK sees it, cheapest first: the channel
 * ({@code msteams} only, unless other channels are enabled for local development), the {@code serviceUrl} (https, or
 * http to a loopback host when enabled for tests), the token's issuer as it claims it (unverified: the SDK verifies the
 * signature later; a token not claiming to come from the Bot Framework would make the SDK fetch other identity
 * providers' metadata), and the Microsoft 365 tenant (a GUID, the same in {@code conversation.tenantId} and
 * {@code channelData.tenant.id}, and one of the accepted tenants). Ids that cannot be Teams' (a tenant that is no
 * GUID, a user or conversation id of the wrong shape) leave the activity {@link Verdict.Unattributable}: the caller
 * acknowledges it without running the bot.
 */
final class MsTeamsRequestGate {
    static final String TEAMS_CHANNEL = "msteams";
    private static final int MAX_SERVICE_URL = 2048;
    /** One decoder for every request: {@code JWT.decode} makes a new Jackson ObjectMapper each time (java-jwt 3). */
    private static final JWT TOKENS = new JWT();
    private static final int MAX_SHOWN = 120;

    private final Set<String> acceptedTenants;
    private final boolean allowLoopbackHttp;
    private final boolean allowOtherChannels;
    /**
     * The last token read and the issuer it claims. The Bot Framework signs one token for every activity it sends a
     * bot for about an hour, so nearly every request carries the token read before: decoding it again (Base64 and a
     * JSON parse of header and payload) was about 5% of the request thread's CPU (issue 20, JFR).
     */
    private volatile ClaimedIssuer lastToken;

    /** A token's text and the issuer it claims (unverified). */
    private record ClaimedIssuer(String token, String issuer) {
    }

    MsTeamsRequestGate(MsTeamsProperties properties) {
        this(properties.acceptedTenants(), properties.allowLoopbackHttp(), properties.allowOtherChannels());
    }

    /**
     * @param acceptedTenants    Microsoft 365 tenant ids (lower case) whose activities are accepted; empty for any
     * @param allowLoopbackHttp  whether {@code http://localhost…} (or 127.x, ::1) is an acceptable serviceUrl
     * @param allowOtherChannels whether channels other than msteams (and the Emulator's tokens) are accepted
     */
    MsTeamsRequestGate(Set<String> acceptedTenants, boolean allowLoopbackHttp, boolean allowOtherChannels) {
        this.acceptedTenants = Set.copyOf(acceptedTenants);
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.allowOtherChannels = allowOtherChannels;
    }

    /** The verdict on an activity (its JSON, as received) and the request's Authorization header. */
    sealed interface Verdict {
        /** Hand it to the SDK; {@code microsoftTenant} is null only for an enabled non-Teams channel. */
        record Admit(String microsoftTenant) implements Verdict {
        }

        /** Answer {@code status} with {@code detail}; {@code reason} is for the log. */
        record Refuse(HttpStatus status, String detail, String reason) implements Verdict {
        }

        /** Authenticate it, then acknowledge it without running the bot; {@code reason} is for the log. */
        record Unattributable(String reason) implements Verdict {
        }
    }

    Verdict check(JsonNode activity, String authorization) {
        String channel = text(activity.path("channelId"));
        boolean teams = TEAMS_CHANNEL.equals(channel);
        if (!teams && !allowOtherChannels) {
            return new Verdict.Refuse(HttpStatus.FORBIDDEN, "only Microsoft Teams activities are accepted",
                    "channel '" + shown(channel) + "' is not enabled (HANDOFF_TEAMS_ALLOW_OTHER_CHANNELS)");
        }
        String serviceUrl = text(activity.path("serviceUrl"));
        if (!acceptableServiceUrl(serviceUrl)) {
            return new Verdict.Refuse(HttpStatus.BAD_REQUEST, "the activity's serviceUrl must be an https URL",
                    "serviceUrl '" + shown(serviceUrl) + "' is not https"
                            + (allowLoopbackHttp ? " nor http to a loopback host" : ""));
        }
        String tokenProblem = tokenProblem(authorization);
        if (tokenProblem != null) {
            return new Verdict.Refuse(HttpStatus.UNAUTHORIZED, "the request does not carry a valid Bot Framework token",
                    tokenProblem);
        }
        String inConversation = text(activity.path("conversation").path("tenantId"));
        String inChannelData = text(activity.path("channelData").path("tenant").path("id"));
        for (String tenant : new String[] {inConversation, inChannelData}) {
            if (tenant != null && !MsTeamsIds.isGuid(tenant)) {
                return new Verdict.Unattributable("its tenant id '" + shown(tenant) + "' is not a GUID");
            }
        }
        if (inConversation != null && inChannelData != null && !inConversation.equalsIgnoreCase(inChannelData)) {
            return new Verdict.Unattributable("it names two tenants, " + inConversation + " and " + inChannelData);
        }
        String tenant = inConversation != null ? inConversation : inChannelData;
        if (tenant == null && teams) {
            return new Verdict.Unattributable("it names no Microsoft 365 tenant");
        }
        if (tenant != null && !acceptedTenants.isEmpty()
                && !acceptedTenants.contains(tenant.toLowerCase(Locale.ROOT))) {
            return new Verdict.Refuse(HttpStatus.FORBIDDEN, "this Microsoft 365 organisation may not use this Handoff",
                    "tenant " + tenant + " is not accepted (MICROSOFT_APP_TENANT_ID, HANDOFF_TEAMS_ALLOWED_TENANTS)");
        }
        String badId = badId(activity, teams);
        if (badId != null) {
            return new Verdict.Unattributable(badId);
        }
        return new Verdict.Admit(tenant == null ? null : tenant.toLowerCase(Locale.ROOT));
    }

    /** What is wrong with the activity's user, bot and conversation ids, or null when nothing is. */
    private static String badId(JsonNode activity, boolean teams) {
        String conversation = text(activity.path("conversation").path("id"));
        if (!MsTeamsIds.isId(conversation)) {
            return "its conversation id '" + shown(conversation) + "' is malformed";
        }
        List<JsonNode> accounts = new ArrayList<>();
        JsonNode from = activity.path("from");
        if (teams && text(from.path("id")) == null) {
            return "it names no sender";
        }
        accounts.add(from);
        accounts.add(activity.path("recipient"));
        activity.path("membersAdded").forEach(accounts::add);
        activity.path("membersRemoved").forEach(accounts::add);
        for (JsonNode account : accounts) {
            if (account.isMissingNode() || account.isNull()) {
                continue;
            }
            String id = text(account.path("id"));
            if (id != null && !MsTeamsIds.isId(id)) {
                return "its account id '" + shown(id) + "' is malformed";
            }
            String aad = text(account.path("aadObjectId"));
            if (aad != null && !MsTeamsIds.isGuid(aad)) {
                return "its Entra object id '" + shown(aad) + "' is not a GUID";
            }
        }
        return null;
    }

    private boolean acceptableServiceUrl(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.length() > MAX_SERVICE_URL) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(serviceUrl);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        return "https".equals(scheme) || ("http".equals(scheme) && allowLoopbackHttp && isLoopback(uri.getHost()));
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127(\\.\\d{1,3}){3}");

    /** A loopback host by name or literal address; never resolved, so DNS cannot make a host look local. */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || LOOPBACK_V4.matcher(name).matches();
    }

    /** Why the Authorization header cannot carry a Bot Framework channel token, or null when it may. */
    private String tokenProblem(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "no bearer token";
        }
        String issuer;
        try {
            issuer = claimedIssuer(authorization.substring(7).strip());
        } catch (JWTDecodeException e) {
            return "the bearer token is not a JWT";
        }
        if (AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(issuer)) {
            return null;
        }
        if (allowOtherChannels && EmulatorValidation.getTokenValidationParameters().validIssuers.contains(issuer)) {
            return null;
        }
        return "the token's issuer '" + shown(issuer) + "' is not the Bot Framework's";
    }

    /** The issuer a token claims; the same token as last time is not decoded again. */
    private String claimedIssuer(String token) {
        ClaimedIssuer last = lastToken;
        if (last != null && last.token().equals(token)) {
            return last.issuer();
        }
        String issuer = TOKENS.decodeJwt(token).getIssuer();
        lastToken = new ClaimedIssuer(token, issuer);
        return issuer;
    }

    /** The text of a JSON value: null when missing or null, "" (valid as nothing) when it is not a string. */
    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : "";
    }

    /** A value from outside, fit for a log line (see {@link SecurityLog#sanitise}). */
    static String shown(String value) {
        return SecurityLog.sanitise(value, MAX_SHOWN);
    }
}
