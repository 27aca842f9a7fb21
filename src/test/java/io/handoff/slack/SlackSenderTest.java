package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.stubOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.handoff.chat.Attachment;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The Slack {@link io.handoff.chat.port.PlatformSender}: DMs, file uploads, and how Slack's refusals are reported. */
class SlackSenderTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final String TOKEN = "xoxb-sender-test";

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final String team = SlackTestSupport.slackId('T');
    private SlackSender sender;

    @BeforeEach
    void setUp() {
        SLACK.resetAll();
        sender = new SlackSender(SlackTestSupport.slack(SLACK), SlackTestSupport.workspaces(graph, SLACK, TOKEN));
        graph.saveTenant(new Tenant(tenant, "Sender test", null, team, null, Instant.now()));
    }

    @Test
    void reachesOnlyPeopleWithASlackIdentityInAWorkspaceItIsInstalledIn() {
        Person onSlack = person("dana", "UDANA");
        Person offSlack = new Person(PersonId.of("noor"), "Noor Haddad", null, null, null, Map.of());
        TenantId elsewhere = TestRedis.uniqueTenant();
        graph.saveTenant(new Tenant(elsewhere, "Teams only", null, null, "m365-tenant-" + elsewhere, Instant.now()));

        assertThat(sender.canReach(tenant, onSlack)).isTrue();
        assertThat(sender.canReach(tenant, offSlack)).isFalse();
        assertThat(sender.canReach(elsewhere, onSlack)).isFalse();
    }

    @Test
    void postsToTheDmAndUploadsAttachmentsToTheOpenedConversation() {
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"D0DANA\",\"ts\":\"1.2\"}");
        stubOk(SLACK, "conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0DANA\"}}");
        stubOk(SLACK, "files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"http://localhost:" + SLACK.port()
                + "/upload/F0MAP\",\"file_id\":\"F0MAP\"}");
        SLACK.stubFor(post(urlEqualTo("/upload/F0MAP")).willReturn(aResponse().withStatus(200).withBody("OK")));
        stubOk(SLACK, "files.completeUploadExternal", "{\"ok\":true,\"files\":[{\"id\":\"F0MAP\",\"title\":\"Your map\"}]}");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Message message = new Message("Your map <!here>", List.of(Paragraph.of("Here is your map")),
                List.of(new Attachment("map.png", "image/png", png, "Your map")));

        sender.send(tenant, person("dana", "UDANA"), message);

        Map<String, String> post = calls(SLACK, "chat.postMessage").get(0);
        assertThat(post.get("channel")).isEqualTo("UDANA");
        assertThat(post.get("text")).isEqualTo("Your map &lt;!here&gt;");
        assertThat(calls(SLACK, "conversations.open").get(0).get("users")).isEqualTo("UDANA");
        assertThat(calls(SLACK, "files.getUploadURLExternal").get(0)).containsEntry("filename", "map.png")
                .containsEntry("length", Integer.toString(png.length));
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/upload/F0MAP"))).get(0).getBody()).isEqualTo(png);
        Map<String, String> complete = calls(SLACK, "files.completeUploadExternal").get(0);
        assertThat(complete.get("channel_id")).isEqualTo("D0DANA");
        assertThat(complete.get("files")).contains("F0MAP").contains("Your map");
        assertThat(calls(SLACK, "files.info")).isEmpty();
    }

    @Test
    void reportsARateLimitWithSlacksRetryAfterInsteadOfWaiting() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        assertThatThrownBy(() -> sender.send(tenant, person("dana", "UDANA"), Message.text("hi")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
                    assertThat(failure.permanent()).isFalse();
                });
        assertThat(calls(SLACK, "chat.postMessage")).hasSize(1);
    }

    @Test
    void reportsGoneUsersAsPermanentAndServerTroubleAsTransient() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=UGONE"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=UOFF"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"account_inactive\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=UFLAKY"))
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));

        assertThatThrownBy(() -> sender.send(tenant, person("gone", "UGONE"), Message.text("hi")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isTrue());
        assertThatThrownBy(() -> sender.send(tenant, person("off", "UOFF"), Message.text("hi")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isTrue());
        assertThatThrownBy(() -> sender.send(tenant, person("flaky", "UFLAKY"), Message.text("hi")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).isEmpty();
                });
    }

    private Person person(String id, String slackId) {
        Person person = new Person(PersonId.of(id), id + " Example", null, null, null, Map.of(Platform.SLACK, slackId));
        graph.savePerson(tenant, person);
        return person;
    }
}
