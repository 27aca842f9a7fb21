package io.handoff.msteams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.port.Availability;
import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Out of office from a person's Microsoft Teams presence: {@code GET {graph-url}/v1.0/users/{aadObjectId}/presence}
 * with an app-only token ({@link GraphTokens}, application permission {@code Presence.Read.All} consented by the
 * customer's admin). Microsoft documents the answer as
 * {@code {"id":"…","availability":"Away","activity":"OutOfOffice","outOfOfficeSettings":{"message":"…",
 * "isOutOfOffice":true}, …}} (<a href="https://learn.microsoft.com/graph/api/presence-get?view=graph-rest-1.0">Get
 * presence</a>, <a href="https://learn.microsoft.com/graph/api/resources/presence?view=graph-rest-1.0">presence
 * resource</a>, <a href="https://learn.microsoft.com/graph/api/resources/outofofficesettings?view=graph-rest-1.0">
 * outOfOfficeSettings</a>: true while the Outlook/Teams automatic replies window is on, or during a calendar event
 * shown as Out of Office).
 *
 * <p>A person is away when {@code activity} is {@code OutOfOffice} or {@code outOfOfficeSettings.isOutOfOffice} is
 * true (values compared case-insensitively: v1.0 documents camelCase, the service sends PascalCase). Nothing else
 * counts: {@code Offline} only means Teams is closed, and {@code OffWork} means the person's own working hours are
 * over for today, which the tenant's working hours in {@link io.handoff.delivery.DeliveryRules} already cover; treating
 * either as an absence would hold every message back for hours from people who are merely between sessions. Presence
 * never says when an absence ends, so an absence is {@link Availability#awayIndefinitely()} and the delivery rules
 * look again later.
 *
 * <p>Each answer is cached in {@code handoff:{tenant}:teams-away:<person>} for {@link #CACHE}, so a burst of messages
 * makes one call. Failures never reach the caller; the person then counts as available, and:
 * <ul>
 *   <li>429 (Graph allows 1,500 presence reads per 30 s per app and tenant) or 503: the whole tenant is left alone
 *       for Graph's {@code Retry-After} ({@code handoff:{tenant}:teams-presence-backoff});</li>
 *   <li>401/403 from Graph, or the token endpoint refusing the app (not consented in that tenant): the tenant is left
 *       alone for {@link #NOT_PERMITTED_BACKOFF} and a warning is logged at most once per {@link #WARN_EVERY}
 *       ({@code handoff:{tenant}:teams-presence-forbidden});</li>
 *   <li>404 (no such user in Graph): cached as available like any answer;</li>
 *   <li>anything else (5xx, network): the tenant is left alone for {@link #FAILURE_BACKOFF}, so a failing Graph does
 *       not slow every delivery decision down.</li>
 * </ul>
 * People without a Teams identity are not ours to judge: available, without any call.
 * Counter {@code handoff.teams.presence.lookups}, tag {@code outcome}: away, available, cached, not_found, throttled,
 * forbidden, failed, backed_off.
 */
final class MsTeamsAvailability implements AvailabilityCheck {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsAvailability.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CACHE = Duration.ofMinutes(5);
    static final Duration NOT_PERMITTED_BACKOFF = Duration.ofMinutes(10);
    static final Duration WARN_EVERY = Duration.ofHours(1);
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(30);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Entra object ids are GUIDs; nothing else goes into the request path. */
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String AVAILABLE = "available";
    private static final String AWAY = "away";

    private final GraphStore graph;
    private final GraphTokens tokens;
    private final String graphUrl;
    private final HttpClient http;
    private final UnifiedJedis redis;
    private final ClaimOnce warnings;
    private final MeterRegistry meters;

    MsTeamsAvailability(GraphStore graph, GraphTokens tokens, String graphUrl, HttpClient http, UnifiedJedis redis,
                      MeterRegistry meters) {
        this.graph = graph;
        this.tokens = tokens;
        this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
        this.http = http;
        this.redis = redis;
        this.warnings = new ClaimOnce(redis);
        this.meters = meters;
    }

    @Override
    public Availability availability(TenantId tenant, Person person) {
        String objectId = person.identities().get(Platform.TEAMS);
        if (objectId == null || !OBJECT_ID.matcher(objectId).matches()) {
            return Availability.AVAILABLE; // not ours to say: other platforms' checks decide
        }
        try {
            return lookUp(tenant, person, objectId);
        } catch (RuntimeException e) { // Redis or anything unexpected: never the caller's problem
            log.warn("Cannot read the Teams presence of {} in tenant {}; treating them as available: {}",
                    person.id(), tenant, e.toString());
            count("failed");
            return Availability.AVAILABLE;
        }
    }

    private Availability lookUp(TenantId tenant, Person person, String objectId) {
        String cacheKey = cacheKey(tenant, person.id());
        List<String> known = redis.mget(cacheKey, backoffKey(tenant)); // one hash tag: one round trip
        String cached = known.get(0);
        if (cached != null) {
            count("cached");
            return AWAY.equals(cached) ? Availability.awayIndefinitely() : Availability.AVAILABLE;
        }
        if (known.get(1) != null) {
            count("backed_off");
            return Availability.AVAILABLE;
        }
        Optional<String> microsoftTenant = graph.tenant(tenant).map(Tenant::microsoftTenantId);
        if (microsoftTenant.isEmpty()) {
            return Availability.AVAILABLE;
        }
        String token;
        try {
            token = tokens.token(microsoftTenant.get());
        } catch (ClientCredentialsGrant.TokenRefused refused) {
            int status = refused.status();
            if (status >= 400 && status < 500) {
                notPermitted(tenant, "the token endpoint refused the app: " + refused.getMessage());
            } else {
                failed(tenant, person, refused.getMessage());
            }
            return Availability.AVAILABLE;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(graphUrl + "/v1.0/users/" + objectId + "/presence"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failed(tenant, person, "Graph could not be reached: " + e.getMessage());
            return Availability.AVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.AVAILABLE;
        }
        int status = response.statusCode();
        if (status == 200) {
            Optional<Availability> answer = fromPresence(response.body());
            if (answer.isEmpty()) {
                failed(tenant, person, "Graph sent a presence that is not JSON");
                return Availability.AVAILABLE;
            }
            remember(cacheKey, answer.get().away() ? AWAY : AVAILABLE);
            count(answer.get().away() ? "away" : "available");
            return answer.get();
        }
        if (status == 404) {
            remember(cacheKey, AVAILABLE);
            count("not_found");
            return Availability.AVAILABLE;
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(response);
            backOff(tenant, wait);
            count("throttled");
            log.info("Graph throttled presence reads of tenant {} (HTTP {}); none for {} s", tenant, status,
                    wait.toSeconds());
            return Availability.AVAILABLE;
        }
        if (status == 401 || status == 403) {
            notPermitted(tenant, "Graph answered HTTP " + status);
            return Availability.AVAILABLE;
        }
        failed(tenant, person, "Graph answered HTTP " + status);
        return Availability.AVAILABLE;
    }

    /** Away on activity OutOfOffice or outOfOfficeSettings.isOutOfOffice; empty when the body is not JSON. */
    static Optional<Availability> fromPresence(String body) {
        JsonNode presence;
        try {
            presence = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (presence == null || !presence.isObject()) {
            return Optional.empty();
        }
        boolean outOfOffice = "OutOfOffice".equalsIgnoreCase(presence.path("activity").asString(""))
                || presence.path("outOfOfficeSettings").path("isOutOfOffice").asBoolean(false);
        return Optional.of(outOfOffice ? Availability.awayIndefinitely() : Availability.AVAILABLE);
    }

    private void notPermitted(TenantId tenant, String why) {
        backOff(tenant, NOT_PERMITTED_BACKOFF);
        count("forbidden");
        if (warnings.claim(prefix(tenant) + "teams-presence-forbidden", "1", WARN_EVERY).isPresent()) {
            log.warn("Handoff may not read Teams presence in tenant {} ({}); everyone counts as available. An admin "
                    + "of that Microsoft 365 tenant must grant the application permission Presence.Read.All with "
                    + "admin consent. Next warning in {} at the earliest", tenant, why, WARN_EVERY);
        }
    }

    private void failed(TenantId tenant, Person person, String why) {
        backOff(tenant, FAILURE_BACKOFF);
        count("failed");
        log.info("Cannot read the Teams presence of {} in tenant {} ({}); treating them as available", person.id(),
                tenant, why);
    }

    private void backOff(TenantId tenant, Duration wait) {
        redis.set(backoffKey(tenant), "1", SetParams.setParams().ex(Math.max(1, wait.toSeconds())));
    }

    private void remember(String cacheKey, String value) {
        redis.set(cacheKey, value, SetParams.setParams().ex(CACHE.toSeconds()));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(ConnectorRetry::parseRetryAfter) // s or date
                .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private void count(String outcome) {
        meters.counter("handoff.teams.presence.lookups", "outcome", outcome).increment();
    }

    /** The cached answer about one person (personal data: {@link MsTeamsPersonalData} shows and erases it). */
    static String cacheKey(TenantId tenant, PersonId person) {
        return prefix(tenant) + "teams-away:" + person.value();
    }

    private static String backoffKey(TenantId tenant) {
        return prefix(tenant) + "teams-presence-backoff";
    }

    private static String prefix(TenantId tenant) {
        return TenantKeys.prefix(tenant);
    }
}
