package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.handoff.chat.port.Availability;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** Out of office from the Slack status: users.profile.get on WireMock, the answer cached in a real Redis. */
class SlackAvailabilityTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private SlackAvailability availability;

    @BeforeEach
    void setUp() {
        SLACK.resetAll();
        SlackWorkspaces workspaces = SlackTestSupport.workspaces(graph, SLACK, "xoxb-availability-test");
        availability = new SlackAvailability(SlackTestSupport.slack(SLACK), workspaces, TestRedis.client(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        graph.saveTenant(new Tenant(tenant, "Availability test", null, SlackTestSupport.slackId('T'), null,
                Instant.now()));
    }

    @Test
    void aVacationStatusMeansAwayUntilItExpiresAndIsReadOnceForABurst() {
        long back = NOW.plusSeconds(3 * 86400).getEpochSecond();
        stubProfile("UDANA", "On vacation, back Monday", ":sunny:", back);
        Person dana = person("dana", "UDANA");

        Availability first = availability.availability(tenant, dana);
        Availability second = availability.availability(tenant, dana);

        assertThat(first).isEqualTo(Availability.awayUntil(Instant.ofEpochSecond(back)));
        assertThat(second).isEqualTo(first);
        assertThat(calls(SLACK, "users.profile.get")).hasSize(1);
        assertThat(calls(SLACK, "users.profile.get").get(0)).containsEntry("user", "UDANA");
        long ttl = TestRedis.client().ttl("handoff:{" + tenant.value() + "}:slack-away:dana");
        assertThat(ttl).isBetween(1L, SlackAvailability.CACHE.toSeconds());
    }

    @Test
    void awayEmojisAndOooTextCountWithoutExpiryAsAwayIndefinitely() {
        stubProfile("UPALM", "", ":palm_tree:", 0);
        stubProfile("USICK", "", ":face_with_thermometer:", 0);
        stubProfile("UOOO", "OOO till the 3rd", "", 0);

        assertThat(availability.availability(tenant, person("palm", "UPALM"))).isEqualTo(Availability.awayIndefinitely());
        assertThat(availability.availability(tenant, person("sick", "USICK"))).isEqualTo(Availability.awayIndefinitely());
        assertThat(availability.availability(tenant, person("ooo", "UOOO"))).isEqualTo(Availability.awayIndefinitely());
    }

    @Test
    void aNormalOrExpiredStatusMeansAvailable() {
        stubProfile("UBUSY", "In a meeting", ":spiral_calendar_pad:", NOW.plusSeconds(3600).getEpochSecond());
        stubProfile("UBACK", "Holiday", ":palm_tree:", NOW.minusSeconds(60).getEpochSecond());
        stubProfile("UWOOD", "Woodworking", "", 0); // "ooo" inside a word is not OOO

        assertThat(availability.availability(tenant, person("busy", "UBUSY"))).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, person("back", "UBACK"))).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, person("wood", "UWOOD"))).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void peopleWithoutASlackIdentityAreLeftToOtherChecksWithoutACall() {
        Person offSlack = new Person(PersonId.of("noor"), "Noor Haddad", null, null, null, Map.of());
        graph.savePerson(tenant, offSlack);

        assertThat(availability.availability(tenant, offSlack)).isEqualTo(Availability.AVAILABLE);
        assertThat(calls(SLACK, "users.profile.get")).isEmpty();
    }

    @Test
    void aRateLimitLeavesTheWorkspaceAloneUntilRetryAfter() {
        SLACK.stubFor(post(urlEqualTo("/api/users.profile.get")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        Person dana = person("dana", "UDANA");
        Person eli = person("eli", "UELI");

        assertThat(availability.availability(tenant, dana)).isEqualTo(Availability.AVAILABLE);
        assertThat(availability.availability(tenant, eli)).isEqualTo(Availability.AVAILABLE);

        assertThat(calls(SLACK, "users.profile.get")).hasSize(1);
        assertThat(TestRedis.client().ttl("handoff:{" + tenant.value() + "}:slack-profile-backoff"))
                .isBetween(25L, 30L);
        assertThat(TestRedis.client().exists("handoff:{" + tenant.value() + "}:slack-away:dana")).isFalse();
    }

    private void stubProfile(String user, String text, String emoji, long expiration) {
        SLACK.stubFor(post(urlEqualTo("/api/users.profile.get")).withRequestBody(containing("user=" + user))
                .willReturn(okJson("""
                        {"ok":true,"profile":{"real_name":"%s","status_text":"%s","status_emoji":"%s",
                         "status_expiration":%d}}""".formatted(user, text, emoji, expiration))));
    }

    private Person person(String id, String slackId) {
        Person person = new Person(PersonId.of(id), id + " Example", null, null, null, Map.of(Platform.SLACK, slackId));
        graph.savePerson(tenant, person);
        return person;
    }
}
