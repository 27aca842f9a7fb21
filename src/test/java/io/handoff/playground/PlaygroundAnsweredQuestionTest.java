package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.demo.DemoStory;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeCodec;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 19 item 8 in the playground, over HTTP: Confirm pressed on a question in the inbox replaces that inbox item
 * (same id) with the answer and a Change button; Change puts Confirm / Not really back in its place, and Not really
 * with a reason disputes the edge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundAnsweredQuestionTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    PlaygroundInbox inbox;

    @Test
    void confirmReplacesTheInboxItemAndChangeAsksAgain() throws Exception {
        assertThat(post("/playground/api/tenants/depot/reset", "{}").statusCode()).isEqualTo(200);
        TenantId tenant = DemoStory.DEPOT.tenant();
        Handoff claimed = unrelatedPairClaimed(tenant);
        String asked = claimed.downstream().value();
        Person claimant = graph.person(tenant, claimed.upstream()).orElseThrow();
        String ref = ref(claimed);
        // the question as it lands in the inbox: a message with Confirm / Not really carrying the edge's version
        inbox.send(tenant, graph.person(tenant, claimed.downstream()).orElseThrow(), new Message("Is that right?",
                List.of(Paragraph.builder().strong(claimant.displayName()).plain(" says you depend on their ")
                                .strong("pallet labels").plain(".").build(),
                        Buttons.of(Button.primary("Confirm", new Action("survey.confirm", ref)),
                                Button.of("Not really", new Action("survey.dispute", ref))))));
        int before = inbox(asked).size();
        JsonNode question = inbox(asked).get(0);
        String itemId = question.get("id").asString();

        JsonNode confirmed = press(asked, "survey.confirm", ref, itemId);

        assertThat(confirmed.get("kind").asString()).isEqualTo("replace");
        assertThat(confirmed.get("message").get("id").asString()).isEqualTo(itemId);
        JsonNode after = inbox(asked);
        assertThat(after.size()).as("replaced, not added").isEqualTo(before);
        JsonNode answered = item(after, itemId);
        assertThat(answered.get("summary").asString()).startsWith("You confirmed you depend on "
                + claimant.displayName() + "'s pallet labels");
        assertThat(buttons(answered)).extracting(b -> b.get("label").asString()).containsExactly("Change");
        assertThat(graph.handoff(tenant, claimed.upstream(), claimed.downstream()).orElseThrow().status())
                .isEqualTo(EdgeStatus.CONFIRMED);

        JsonNode change = buttons(answered).get(0);
        JsonNode again = press(asked, change.get("actionId").asString(), change.get("value").asString(), itemId);
        assertThat(again.get("kind").asString()).isEqualTo("replace");
        JsonNode reasked = item(inbox(asked), itemId);
        assertThat(buttons(reasked)).extracting(b -> b.get("label").asString())
                .containsExactly("Confirm", "Not really");

        JsonNode notReally = buttons(reasked).get(1);
        JsonNode form = press(asked, notReally.get("actionId").asString(), notReally.get("value").asString(), itemId);
        assertThat(form.get("kind").asString()).isEqualTo("form");
        HttpResponse<String> sent = post("/playground/api/tenants/depot/people/" + asked + "/form",
                JSON.writeValueAsString(Map.of("formId", form.get("form").get("id").asString(),
                        "state", form.get("form").get("state").asString(),
                        "values", Map.of("reason", List.of("I print them myself now")), "messageId", itemId)));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(graph.handoff(tenant, claimed.upstream(), claimed.downstream()).orElseThrow().status())
                .isEqualTo(EdgeStatus.DISPUTED);
        // the inbox item the form came from is the answer now, with Change instead of Confirm / Not really
        JsonNode closed = JSON.readTree(sent.body());
        assertThat(closed.get("kind").asString()).isEqualTo("close-replace");
        assertThat(closed.get("message").get("id").asString()).isEqualTo(itemId);
        JsonNode disputed = item(inbox(asked), itemId);
        assertThat(disputed.get("summary").asString()).startsWith("You said this is not right");
        assertThat(buttons(disputed)).extracting(b -> b.get("label").asString()).containsExactly("Change");
        assertThat(inbox(asked).size()).as("replaced, not added").isEqualTo(before);
    }

    @Test
    void yesAndTheresMoreReplacesTheInboxItemAndOpensTheSurvey() throws Exception {
        assertThat(post("/playground/api/tenants/depot/reset", "{}").statusCode()).isEqualTo(200);
        TenantId tenant = DemoStory.DEPOT.tenant();
        Handoff claimed = unrelatedPairClaimed(tenant);
        String asked = claimed.downstream().value();
        String ref = ref(claimed);
        inbox.send(tenant, graph.person(tenant, claimed.downstream()).orElseThrow(), new Message("Is that right?",
                List.of(Paragraph.of("Someone says you depend on their pallet labels."),
                        Buttons.of(Button.primary("Confirm", new Action("survey.confirm", ref)),
                                Button.of("Yes, and there's more", new Action("survey.more", ref))))));
        String itemId = inbox(asked).get(0).get("id").asString();

        JsonNode answer = press(asked, "survey.more", ref, itemId);

        assertThat(answer.get("kind").asString()).isEqualTo("form");
        assertThat(answer.get("form").get("id").asString()).isEqualTo("survey.customers.pick");
        assertThat(answer.get("message").get("id").asString()).isEqualTo(itemId);
        JsonNode answered = item(inbox(asked), itemId);
        assertThat(answered.get("summary").asString()).startsWith("You confirmed you depend on");
        assertThat(buttons(answered)).extracting(b -> b.get("label").asString()).containsExactly("Change");
        assertThat(graph.handoff(tenant, claimed.upstream(), claimed.downstream()).orElseThrow().status())
                .isEqualTo(EdgeStatus.CONFIRMED);
    }

    /** A button press whose message is not in the inbox (a chat bubble) still answers "replace": the page puts it. */
    @Test
    void aPressOnAMessageOutsideTheInboxIsAnsweredWithTheReplacement() throws Exception {
        assertThat(post("/playground/api/tenants/depot/reset", "{}").statusCode()).isEqualTo(200);
        TenantId tenant = DemoStory.DEPOT.tenant();
        Handoff claimed = unrelatedPairClaimed(tenant);
        JsonNode answer = press(claimed.downstream().value(), "survey.confirm", ref(claimed),
                "00000000-0000-0000-0000-000000000000");
        assertThat(answer.get("kind").asString()).isEqualTo("replace");
        assertThat(answer.get("message").get("summary").asString()).startsWith("You confirmed");
        assertThat(inbox(claimed.downstream().value()).valueStream().map(m -> m.get("summary").asString()))
                .noneMatch(summary -> summary.startsWith("You confirmed"));
    }

    private Handoff unrelatedPairClaimed(TenantId tenant) {
        List<Person> people = new ArrayList<>(graph.graph(tenant).people().values());
        for (Person up : people) {
            for (Person down : people) {
                if (!up.id().equals(down.id()) && graph.handoff(tenant, up.id(), down.id()).isEmpty()
                        && graph.handoff(tenant, down.id(), up.id()).isEmpty()) {
                    return graph.claim(tenant, up.id(), down.id(), new HandoffTerms("pallet labels", Frequency.DAILY,
                            Criticality.IMPORTANT), Side.UPSTREAM, Instant.now().minusSeconds(60));
                }
            }
        }
        throw new AssertionError("every pair of the demo already has a handoff");
    }

    private static String ref(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return edge.upstream().value() + ">" + edge.downstream().value() + ">" + Long.toHexString(crc.getValue());
    }

    private static JsonNode item(JsonNode inbox, String id) {
        List<JsonNode> found = inbox.valueStream().filter(m -> m.get("id").asString().equals(id)).toList();
        assertThat(found).as("one inbox item " + id).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> buttons(JsonNode message) {
        return message.get("blocks").valueStream().filter(b -> b.get("type").asString().equals("buttons"))
                .flatMap(b -> b.get("buttons").valueStream()).toList();
    }

    private JsonNode inbox(String person) throws Exception {
        HttpResponse<String> response = get("/playground/api/tenants/depot/people/" + person + "/inbox");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode press(String person, String actionId, String value, String messageId) throws Exception {
        HttpResponse<String> response = post("/playground/api/tenants/depot/people/" + person + "/button",
                JSON.writeValueAsString(Map.of("actionId", actionId, "value", value, "messageId", messageId)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(HTTP, "http://127.0.0.1:" + port);
        return HTTP.send(csrf.sign(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
