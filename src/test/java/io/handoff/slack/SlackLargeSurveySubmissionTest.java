package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import tools.jackson.databind.JsonNode;

/**
 * The survey's modal with the largest selection it allows (24 people: a dispatcher who already names more than ten
 * customers may keep a full modal's worth), against a Slack whose {@code users.info} and {@code chat.postMessage}
 * take 2 s each. Every submission is acknowledged before Slack has answered any of those calls; the saving and the
 * 24 questions follow after the acknowledgement, once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackLargeSurveySubmissionTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String PAT = SlackTestSupport.slackId('U');
    /** The form's maximum: four inputs per person fill a Slack modal's 100 blocks at 24 people. */
    private static final int LARGEST = 24;
    private static final int SLOW_MS = 2_000;
    private static final List<String> NEW_COLLEAGUES = new ArrayList<>();
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        SlackTestSupport.stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        for (int i = 0; i < LARGEST; i++) {
            String user = SlackTestSupport.slackId('U');
            NEW_COLLEAGUES.add(user);
            SLACK.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + user))
                    .willReturn(SlackTestSupport.okJson("""
                            {"ok":true,"user":{"id":"%s","team_id":"%s","name":"c%d","real_name":"Colleague %d",
                             "tz":"Europe/London","profile":{"real_name":"Colleague %d","email":"c%d@%s.example"}}}"""
                            .formatted(user, TEAM, i, i, i, i, TEAM.toLowerCase(Locale.ROOT))).withFixedDelay(SLOW_MS)));
            SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + user))
                    .willReturn(SlackTestSupport.okJson("{\"ok\":true,\"channel\":\"D0\",\"ts\":\"1700000000.000100\"}")
                            .withFixedDelay(SLOW_MS)));
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-large-survey");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    Scheduler scheduler;

    @Autowired
    TenantSettingsStore settings;

    @BeforeEach
    void messagesGoOutWhateverTheHour() {
        AroundTheClock.workAroundTheClock(settings, TENANT);
    }

    @Test
    void acknowledgesTheLargestSelectionBeforeSlackAnswersAndSavesItOnceAfterwards() throws Exception {
        postSigned(port, SlackTestSupport.slashCommand(TEAM, PAT, "help", "trig-help"), FORM, Map.of());
        PersonId pat = graph.personByIdentity(TENANT, Platform.SLACK, PAT).orElseThrow();
        List<PersonId> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // a dispatcher who already names 30 internal customers
            PersonId old = PersonId.of("regular-" + i);
            before.add(old);
            graph.savePerson(TENANT, new Person(old, "Regular " + i, null, null, null,
                    Map.of(Platform.SLACK, SlackTestSupport.slackId('U'))));
            graph.update(TENANT, pat, old, current -> Optional.of(Handoff.claimed(pat, old,
                    new HandoffTerms("sorted parcels", Frequency.DAILY, Criticality.IMPORTANT), Side.UPSTREAM,
                    Instant.now())));
        }
        String picked = "{\"people\":{\"people\":{\"type\":\"multi_users_select\",\"selected_users\":["
                + String.join(",", NEW_COLLEAGUES.stream().map(u -> "\"" + u + "\"").toList()) + "]}}}";

        // 1. 24 colleagues Handoff has never met: Slack takes 2 s to say who they are, the ack does not wait for it
        HttpResponse<String> first = postSigned(port, interactive(submission("survey.customers.pick", "", picked)),
                FORM, Map.of());
        Instant firstAck = Instant.now();
        JsonNode stillLooking = json(first.body());
        assertThat(stillLooking.get("response_action").asString()).isEqualTo("errors");
        assertThat(stillLooking.get("errors").get("people").asString()).isEqualTo(SlackInteractions.STILL_LOOKING);
        // 2. the lookups finish in the background; pressing Next again finds everyone and shows the terms step
        await().atMost(Duration.ofSeconds(15)).until(() -> NEW_COLLEAGUES.stream()
                .allMatch(u -> graph.personByIdentity(TENANT, Platform.SLACK, u).isPresent()));
        List<LoggedRequest> lookups = SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info")));
        assertThat(lookups).hasSizeGreaterThanOrEqualTo(LARGEST);
        assertThat(firstAck).as("the ack came before Slack answered any users.info")
                .isBefore(earliest(lookups).plusMillis(SLOW_MS));
        HttpResponse<String> again = postSigned(port, interactive(submission("survey.customers.pick", "", picked)),
                FORM, Map.of());
        JsonNode terms = json(again.body());
        assertThat(terms.get("response_action").asString()).isEqualTo("update");
        assertThat(terms.get("view").get("callback_id").asString()).isEqualTo("survey.customers.terms");

        // 3. the terms of all 24: the answer is the suppliers step, before any question reached Slack
        HttpResponse<String> saved = postSigned(port, interactive(submission("survey.customers.terms",
                terms.get("view").get("private_metadata").asString(), termsValues())), FORM, Map.of());
        Instant savedAck = Instant.now();
        JsonNode next = json(saved.body());
        assertThat(next.get("response_action").asString()).isEqualTo("update");
        assertThat(next.get("view").get("callback_id").asString()).isEqualTo("survey.suppliers.pick");
        List<LoggedRequest> postsSoFar = SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
        if (!postsSoFar.isEmpty()) {
            assertThat(savedAck).as("the ack came before Slack answered any chat.postMessage")
                    .isBefore(earliest(postsSoFar).plusMillis(SLOW_MS));
        }
        // the save is a durable scheduler job, named in the suppliers step's state
        String job = next.get("view").get("private_metadata").asString().replace("after=", "");
        assertThat(job).startsWith("survey-save:");

        // 4. afterwards: all 24 handoffs saved, the 30 not picked again withdrawn, each colleague asked once
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduler.job(TENANT, job)
                .map(info -> info.state() == JobState.DONE).orElse(false));
        List<PersonId> named = NEW_COLLEAGUES.stream()
                .map(u -> graph.personByIdentity(TENANT, Platform.SLACK, u).orElseThrow()).toList();
        for (PersonId colleague : named) {
            Handoff edge = graph.handoff(TENANT, pat, colleague).orElseThrow();
            assertThat(edge.status()).isEqualTo(EdgeStatus.CLAIMED);
            assertThat(edge.what()).startsWith("loaded truck ");
        }
        assertThat(before).allMatch(old -> graph.handoff(TENANT, pat, old).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> NEW_COLLEAGUES.stream()
                .allMatch(u -> postsTo(SLACK, u).size() >= 1));
        Thread.sleep(SLOW_MS + 500); // a second question would be on its way by now
        for (String colleague : NEW_COLLEAGUES) {
            assertThat(postsTo(SLACK, colleague)).as(colleague).hasSize(1);
            assertThat(postsTo(SLACK, colleague).get(0).get("text")).contains("says you depend on their loaded truck");
        }
    }

    private static Instant earliest(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getLoggedDate().toInstant()).min(Instant::compareTo).orElseThrow();
    }

    private static String termsValues() {
        StringBuilder values = new StringBuilder("{");
        for (int i = 0; i < LARGEST; i++) {
            values.append(i == 0 ? "" : ",").append("""
                    "what.%d":{"what.%d":{"type":"plain_text_input","value":"loaded truck %d"}},
                    "often.%d":{"often.%d":{"type":"static_select","selected_option":{"value":"daily"}}},
                    "critical.%d":{"critical.%d":{"type":"static_select","selected_option":{"value":"critical"}}}"""
                    .formatted(i, i, i, i, i, i, i));
        }
        return values.append("}").toString();
    }

    private static String submission(String callbackId, String privateMetadata, String values) {
        return """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"%s","private_metadata":%s,
                  "blocks":[],"state":{"values":%s}}}"""
                .formatted(TEAM, PAT, TEAM, TEAM, callbackId, SlackTestSupport.JSON.writeValueAsString(privateMetadata),
                        values);
    }
}
