package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postWith;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.slack.api.app_backend.SlackSignature;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Attack 12 of issue 14: Slack events and interactions Handoff does not act on (an admin subscribed the app to more
 * events, a shortcut, an option request, a closed modal, an unknown or empty action id). Bolt answered them 404 with a
 * long warning, and Slack counts every non-2xx answer as a failed delivery, retries it and may disable the app's event
 * subscriptions. Each is now acknowledged with 200 and no warning; bad signatures are still 401 and malformed bodies
 * 400. The payloads follow Slack's published samples, signed like Slack signs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackUnhandledRequestsTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-unhandled");
    }

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    @Test
    void acknowledgesEventsHandoffDoesNotHandleWith200AndNoWarning() throws Exception {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("team_join", """
                {"type":"team_join","user":{"id":"%s","team_id":"%s","name":"new.hire","deleted":false,
                 "real_name":"New Hire","tz":"Europe/London","tz_offset":0,"is_admin":false,"is_bot":false,
                 "profile":{"real_name":"New Hire","display_name":"new","email":"new@acme.example"}},
                 "cache_ts":1700000000,"event_ts":"1700000000.000200"}""".formatted(SlackTestSupport.slackId('U'), TEAM));
        events.put("member_joined_channel", """
                {"type":"member_joined_channel","user":"%s","channel":"C0698JE0H","channel_type":"C","team":"%s",
                 "inviter":"U123456789","event_ts":"1700000000.000300"}""".formatted(PAT, TEAM));
        events.put("user_change", """
                {"type":"user_change","user":{"id":"%s","team_id":"%s","name":"pat","real_name":"Pat Okafor",
                 "tz":"Europe/Berlin","profile":{"status_text":"riding a train","status_emoji":":train:"}},
                 "cache_ts":1700000001,"event_ts":"1700000001.000400"}""".formatted(PAT, TEAM));
        events.put("app_mention", """
                {"type":"app_mention","user":"%s","text":"<@UBOT> is it everything a river should be?",
                 "ts":"1515449522.000016","channel":"C0LAN2Q65","event_ts":"1515449522.000016"}""".formatted(PAT));
        events.put("an event type Slack has not invented yet", """
                {"type":"handoff_future_event","user":"%s","event_ts":"1700000002.000500"}""".formatted(PAT));
        for (Map.Entry<String, String> event : events.entrySet()) {
            HttpResponse<String> response = postSigned(port, eventCallback(event.getValue()), JSON, Map.of());

            assertThat(response.statusCode()).as(event.getKey()).isEqualTo(200);
        }
        assertNoWarnings();
    }

    @Test
    void acknowledgesShortcutsOptionRequestsClosedModalsAndUnknownActionsWith200AndNoWarning() throws Exception {
        String team = "{\"id\":\"%s\",\"domain\":\"acme\"}".formatted(TEAM);
        String user = "{\"id\":\"%s\",\"username\":\"pat\",\"team_id\":\"%s\"}".formatted(PAT, TEAM);
        Map<String, String> interactions = new LinkedHashMap<>();
        interactions.put("global shortcut", """
                {"type":"shortcut","token":"legacy","action_ts":"1581106241.371594","team":%s,"user":%s,
                 "callback_id":"shortcut_create_task","trigger_id":"944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638"}
                """.formatted(team, user));
        interactions.put("message shortcut", """
                {"type":"message_action","token":"legacy","action_ts":"1581106241.371594","team":%s,"user":%s,
                 "channel":{"id":"C0LAN2Q65","name":"general"},"callback_id":"report_message",
                 "trigger_id":"13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536","message_ts":"1548261231.000200",
                 "response_url":"https://hooks.slack.invalid/app/T/1/x",
                 "message":{"type":"message","user":"%s","ts":"1548261231.000200","text":"Can you hand this over?"}}
                """.formatted(team, user, PAT));
        interactions.put("view_closed", """
                {"type":"view_closed","team":%s,"user":%s,"api_app_id":"A0HANDOFF","is_cleared":false,
                 "view":{"id":"VNHU13V36","team_id":"%s","type":"modal","callback_id":"modal-identifier",
                  "private_metadata":"","state":{"values":{}},"hash":"156663117.cd33ad1f","title":{"type":"plain_text",
                  "text":"A modal"},"blocks":[]}}""".formatted(team, user, TEAM));
        interactions.put("view_closed of a modal without a callback id", """
                {"type":"view_closed","team":%s,"user":%s,"api_app_id":"A0HANDOFF","is_cleared":true,
                 "view":{"id":"VNHU13V37","team_id":"%s","type":"modal","callback_id":"","private_metadata":"",
                  "state":{"values":{}},"hash":"156663117.cd33ad20","blocks":[]}}""".formatted(team, user, TEAM));
        interactions.put("block_suggestion", """
                {"type":"block_suggestion","user":%s,"team":%s,"api_app_id":"A0HANDOFF","token":"legacy",
                 "container":{"type":"view","view_id":"VT4D8JH4H"},"action_id":"external_select_1",
                 "block_id":"pick","value":"dan","action_ts":"1581106241.371594"}""".formatted(user, team));
        interactions.put("block_actions with an empty action id", """
                {"type":"block_actions","user":%s,"team":%s,"api_app_id":"A0HANDOFF","token":"legacy",
                 "container":{"type":"message","message_ts":"1548261231.000200","channel_id":"D0DM"},
                 "trigger_id":"12466734323.1395872398.9d5a4d1b8d0a3f3b4aef","actions":[{"action_id":"",
                 "block_id":"b","type":"button","value":"x","action_ts":"1548426417.840180"}]}""".formatted(user, team));
        for (Map.Entry<String, String> interaction : interactions.entrySet()) {
            HttpResponse<String> response = postSigned(port, interactive(interaction.getValue()), FORM, Map.of());

            assertThat(response.statusCode()).as(interaction.getKey()).isEqualTo(200);
            assertThat(response.body()).as(interaction.getKey()).doesNotContain("error");
        }
        assertNoWarnings();
    }

    @Test
    void stillRefusesABadSignatureWith401AndAMalformedBodyWith400() throws Exception {
        String body = eventCallback("{\"type\":\"team_join\",\"user\":{\"id\":\"UX\"},\"event_ts\":\"1.2\"}");
        String now = Long.toString(Instant.now().getEpochSecond());

        HttpResponse<String> forged = postWith(port, body, JSON, now,
                new SlackSignature.Generator("not-the-secret").generate(now, body), Map.of());
        HttpResponse<String> unsigned = postWith(port, interactive("{\"type\":\"shortcut\",\"callback_id\":\"x\"}"),
                FORM, null, null, Map.of());
        HttpResponse<String> malformed = postSigned(port, "{\"type\":\"event_callback\"", JSON, Map.of());
        HttpResponse<String> noCallbackId = postSigned(port, interactive("{\"type\":\"shortcut\",\"team\":{\"id\":\""
                + TEAM + "\"},\"user\":{\"id\":\"" + PAT + "\"}}"), FORM, Map.of());

        assertThat(List.of(forged.statusCode(), unsigned.statusCode())).containsOnly(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(noCallbackId.statusCode()).as("a shortcut without a callback id is not one Slack sends")
                .isEqualTo(400);
    }

    private String eventCallback(String event) {
        return """
                {"token":"legacy","team_id":"%s","api_app_id":"A0HANDOFF","event":%s,"type":"event_callback",
                 "event_id":"%s","event_time":1700000000,"authorizations":[{"enterprise_id":null,"team_id":"%s",
                 "user_id":"UBOT","is_bot":true,"is_enterprise_install":false}],"is_ext_shared_channel":false}
                """.formatted(TEAM, event, SlackTestSupport.slackId('E'), TEAM);
    }

    private void assertNoWarnings() {
        assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
