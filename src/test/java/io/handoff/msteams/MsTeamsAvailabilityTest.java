package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.handoff.chat.port.Availability;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.CountingRedisClient;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * Out of office from Teams presence: the identity platform's token endpoint and Microsoft Graph on WireMock, the
 * answers, back-offs and warnings in a real Redis.
 */
class MsTeamsAvailabilityTest {
    private static final WireMockServer MICROSOFT = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String GRAPH_TOKEN = "graph-app-token";

    static {
        MICROSOFT.start();
    }

    private final UnifiedJedis redis = TestRedis.client();
    private final GraphStore graph = new RedisGraphStore(redis);
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final String microsoftTenant = UUID.randomUUID().toString();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private MsTeamsAvailability availability;

    @AfterAll
    static void stop() {
        MICROSOFT.stop();
    }

    @BeforeEach
    void setUp() {
        MICROSOFT.resetAll();
        MICROSOFT.stubFor(post(urlPathMatching("/login/[^/]+/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + GRAPH_TOKEN + "\"}")));
        graph.saveTenant(new Tenant(tenant, "Presence test", null, null, microsoftTenant, Instant.now()));
        availability = availability(graph, redis);
        logs.start();
        logger().addAppender(logs);
    }

    private MsTeamsAvailability availability(GraphStore store, UnifiedJedis client) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + MICROSOFT.port();
        return new MsTeamsAvailability(store,
                new GraphTokens(BotFrameworkFake.APP_ID, BotFrameworkFake.APP_PASSWORD, base + "/login", http, clock),
                base + "/graph", http, client, meters);
    }

    @AfterEach
    void detachLogs() {
        logger().detachAppender(logs);
    }

    @Test
    void anOutOfOfficeActivityMeansAwayWithoutAKnownEnd() {
        Person dana = person("dana");
        stubPresence(dana, """
                {"id":"%s","availability":"Away","activity":"OutOfOffice",
                 "outOfOfficeSettings":{"message":null,"isOutOfOffice":false}}""".formatted(aad(dana)));

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.awayIndefinitely());

        MICROSOFT.verify(getRequestedFor(urlPathEqualTo("/graph/v1.0/users/" + aad(dana) + "/presence"))
                .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN)));
        assertThat(redis.get(key("teams-away:dana"))).isEqualTo("away");
        assertThat(lookups("away")).isEqualTo(1);
    }

    @Test
    void automaticRepliesOnMeanAwayWhateverTheActivity() {
        Person eli = person("eli");
        Person fay = person("fay");
        stubPresence(eli, """
                {"availability":"Available","activity":"Available",
                 "outOfOfficeSettings":{"message":"On leave until the 3rd","isOutOfOffice":true}}""");
        stubPresence(fay, "{\"availability\":\"offline\",\"activity\":\"outOfOffice\"}"); // v1.0's camelCase

        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.awayIndefinitely());
        assertThat(availability.availability(tenant, fay)).isEqualTo(Availability.awayIndefinitely());
    }

    @Test
    void availableBusyOfflineAndOffWorkAreNotAnAbsence() {
        Map<String, String> presences = Map.of(
                "ava", "{\"availability\":\"Available\",\"activity\":\"Available\"}",
                "bo", "{\"availability\":\"Busy\",\"activity\":\"InAMeeting\","
                        + "\"outOfOfficeSettings\":{\"message\":null,\"isOutOfOffice\":false}}",
                "oli", "{\"availability\":\"Offline\",\"activity\":\"Offline\"}",
                "owen", "{\"availability\":\"Offline\",\"activity\":\"OffWork\"}",
                "dee", "{\"availability\":\"DoNotDisturb\",\"activity\":\"Presenting\"}");
        presences.forEach((id, json) -> stubPresence(person(id), json));

        presences.keySet().forEach(id -> assertThat(availability.availability(tenant, stored(id)))
                .as(id).isEqualTo(Availability.AVAILABLE));
        assertThat(redis.get(key("teams-away:oli"))).isEqualTo("available");
        assertThat(lookups("available")).isEqualTo(5);
    }

    @Test
    void oneTokenPerMicrosoftTenantServesManyLookupsUntilShortlyBeforeItExpires() {
        List<Person> people = List.of(person("ana"), person("ben"), person("cy"));
        people.forEach(p -> stubPresence(p, "{\"availability\":\"Busy\",\"activity\":\"Busy\"}"));

        people.forEach(p -> availability.availability(tenant, p));

        MICROSOFT.verify(1, postRequestedFor(urlPathEqualTo("/login/" + microsoftTenant + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + BotFrameworkFake.APP_ID))
                .withRequestBody(containing("client_secret=" + BotFrameworkFake.APP_PASSWORD))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        MICROSOFT.verify(3, getRequestedFor(urlPathMatching("/graph/v1.0/users/.*/presence")));

        clock.advance(Duration.ofMinutes(56)); // within 5 minutes of the 3599 s lifetime
        redis.del(key("teams-away:ana"));
        availability.availability(tenant, people.get(0));
        MICROSOFT.verify(2, postRequestedFor(urlPathMatching("/login/.*/oauth2/v2.0/token")));

        TenantId other = TestRedis.uniqueTenant();
        String otherMicrosoft = UUID.randomUUID().toString();
        graph.saveTenant(new Tenant(other, "Another customer", null, null, otherMicrosoft, Instant.now()));
        Person gus = new Person(PersonId.of("gus"), "Gus", null, null, null, Map.of(Platform.TEAMS, "gus-aad"));
        graph.savePerson(other, gus);
        stubPresence(gus, "{\"availability\":\"Available\",\"activity\":\"Available\"}");
        availability.availability(other, gus);
        MICROSOFT.verify(1, postRequestedFor(urlPathEqualTo("/login/" + otherMicrosoft + "/oauth2/v2.0/token")));
    }

    @Test
    void aCachedAnswerServesABurstWithOneGraphCall() {
        Person dana = person("dana");
        stubPresence(dana, "{\"availability\":\"Away\",\"activity\":\"OutOfOffice\"}");

        Availability first = availability.availability(tenant, dana);
        Availability second = availability.availability(tenant, dana);

        assertThat(first).isEqualTo(Availability.awayIndefinitely());
        assertThat(second).isEqualTo(first);
        MICROSOFT.verify(1, getRequestedFor(urlPathMatching("/graph/v1.0/users/.*/presence")));
        assertThat(redis.ttl(key("teams-away:dana"))).isBetween(1L, MsTeamsAvailability.CACHE.toSeconds());
        assertThat(lookups("cached")).isEqualTo(1);
    }

    @Test
    void whileTheTenantIsBackedOffADecisionCostsOneRedisRoundTrip() {
        Person dana = person("dana");
        redis.setex(key("teams-presence-backoff"), 60, "1");

        try (CountingRedisClient counted = CountingRedisClient.create()) {
            MsTeamsAvailability countedAvailability = availability(new RedisGraphStore(counted), counted);

            assertThat(countedAvailability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);

            assertThat(counted.sent()).containsExactly("MGET");
        }
        assertThat(lookups("backed_off")).isEqualTo(1);
        MICROSOFT.verify(0, getRequestedFor(urlPathMatching("/graph/.*")));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() {
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        MICROSOFT.stubFor(get(urlPathMatching("/graph/v1.0/users/.*/presence")).willReturn(aResponse()
                .withStatus(503).withHeader("Retry-After", inTenMinutes)));

        assertThat(availability.availability(tenant, person("dana"))).isEqualTo(Availability.AVAILABLE);

        assertThat(redis.ttl(key("teams-presence-backoff"))).isBetween(590L, 600L);
    }

    @Test
    void throttlingLeavesTheTenantAloneForRetryAfterAndEveryoneCountsAsAvailable() {
        MICROSOFT.stubFor(get(urlPathMatching("/graph/v1.0/users/.*/presence")).willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}")));
        Person dana = person("dana");
        Person eli = person("eli");

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);

        MICROSOFT.verify(1, getRequestedFor(urlPathMatching("/graph/v1.0/users/.*/presence")));
        assertThat(redis.ttl(key("teams-presence-backoff"))).isBetween(25L, 30L);
        assertThat(redis.exists(key("teams-away:dana"))).isFalse();
        assertThat(lookups("throttled")).isEqualTo(1);
        assertThat(lookups("backed_off")).isEqualTo(2);
    }

    @Test
    void withoutAdminConsentEveryoneIsAvailableAndTheWarningComesOncePerHour() {
        MICROSOFT.stubFor(get(urlPathMatching("/graph/v1.0/users/.*/presence")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"Insufficient privileges\"}}")));
        Person dana = person("dana");
        Person eli = person("eli");

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.AVAILABLE); // backed off: no call
        MICROSOFT.verify(1, getRequestedFor(urlPathMatching("/graph/v1.0/users/.*/presence")));
        assertThat(redis.ttl(key("teams-presence-backoff")))
                .isBetween(MsTeamsAvailability.NOT_PERMITTED_BACKOFF.toSeconds() - 5,
                        MsTeamsAvailability.NOT_PERMITTED_BACKOFF.toSeconds());

        redis.del(key("teams-presence-backoff")); // ten minutes later: still no consent
        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.AVAILABLE);

        MICROSOFT.verify(2, getRequestedFor(urlPathMatching("/graph/v1.0/users/.*/presence")));
        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0)).contains("Presence.Read.All").contains(tenant.value()).contains("403");
        assertThat(redis.ttl(key("teams-presence-forbidden"))).isBetween(3590L, 3600L);
        assertThat(lookups("forbidden")).isEqualTo(2);
    }

    @Test
    void aTokenEndpointThatRefusesTheAppCountsAsNoConsent() {
        MICROSOFT.stubFor(post(urlPathMatching("/login/[^/]+/oauth2/v2.0/token")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: not found\"}")));
        Person dana = person("dana");

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);

        MICROSOFT.verify(0, getRequestedFor(urlPathMatching("/graph/.*")));
        assertThat(redis.exists(key("teams-presence-backoff"))).isTrue();
        assertThat(warnings()).singleElement().asString().contains("unauthorized_client")
                .doesNotContain("AADSTS700016");
    }

    @Test
    void aFailingGraphIsLeftAloneBrieflyAndNothingReachesTheCaller() {
        MICROSOFT.stubFor(get(urlPathMatching("/graph/v1.0/users/.*/presence"))
                .willReturn(aResponse().withStatus(500).withBody("oops")));
        Person dana = person("dana");
        Person eli = person("eli");
        stubPresence(eli, "not json at all");

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);
        assertThat(redis.ttl(key("teams-presence-backoff")))
                .isBetween(1L, MsTeamsAvailability.FAILURE_BACKOFF.toSeconds());
        redis.del(key("teams-presence-backoff"));
        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.AVAILABLE);

        assertThat(redis.exists(key("teams-away:dana"), key("teams-away:eli"))).isZero();
        assertThat(lookups("failed")).isEqualTo(2);
    }

    @Test
    void peopleWithoutATeamsIdentityAreLeftToOtherChecksWithoutAnyCall() {
        Person onSlack = new Person(PersonId.of("noor"), "Noor Haddad", null, null, null,
                Map.of(Platform.SLACK, "UNOOR"));
        graph.savePerson(tenant, onSlack);
        Person pathy = new Person(PersonId.of("odd"), "Odd Id", null, null, null,
                Map.of(Platform.TEAMS, "../../me/messages"));

        assertThat(availability.availability(tenant, onSlack)).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, pathy)).isEqualTo(Availability.AVAILABLE);

        assertThat(MICROSOFT.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aTenantNotOnTeamsIsNotAskedAbout() {
        TenantId slackOnly = TestRedis.uniqueTenant();
        graph.saveTenant(new Tenant(slackOnly, "Slack only", null, "T0SLACK01", null, Instant.now()));
        Person moved = new Person(PersonId.of("moved"), "Moved Over", null, null, null, Map.of(Platform.TEAMS, "aad-x"));
        graph.savePerson(slackOnly, moved);

        assertThat(availability.availability(slackOnly, moved)).isEqualTo(Availability.AVAILABLE);

        assertThat(MICROSOFT.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theCachedAnswerIsShownInMyDataAndGoesWithForgetMe() {
        Person dana = person("dana");
        stubPresence(dana, "{\"availability\":\"Away\",\"activity\":\"OutOfOffice\"}");
        availability.availability(tenant, dana);
        MsTeamsPersonalData personalData = new MsTeamsPersonalData(redis, new ConversationReferences(redis));

        assertThat(personalData.describe(tenant, dana.id())).singleElement()
                .satisfies(section -> assertThat(section.lines()).anyMatch(line -> line.contains("out of office")));
        assertThat(personalData.erase(tenant, dana.id())).isNotEmpty();

        assertThat(redis.exists(key("teams-away:dana"))).isFalse();
        assertThat(personalData.describe(tenant, dana.id())).isEmpty();
    }

    private Person person(String id) {
        Person person = new Person(PersonId.of(id), id + " Example", null, null, null,
                Map.of(Platform.TEAMS, "aad-" + id + "-" + UUID.randomUUID().toString().substring(0, 8)));
        graph.savePerson(tenant, person);
        return person;
    }

    private Person stored(String id) {
        return graph.person(tenant, PersonId.of(id)).orElseThrow();
    }

    private static String aad(Person person) {
        return person.identities().get(Platform.TEAMS);
    }

    private static void stubPresence(Person person, String json) {
        MICROSOFT.stubFor(get(urlPathEqualTo("/graph/v1.0/users/" + aad(person) + "/presence"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json)));
    }

    private String key(String suffix) {
        return "handoff:{" + tenant.value() + "}:" + suffix;
    }

    private double lookups(String outcome) {
        var counter = meters.find("handoff.teams.presence.lookups").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(MsTeamsAvailability.class);
    }
}
