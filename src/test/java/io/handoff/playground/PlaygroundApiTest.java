package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleFriction;
import io.handoff.demo.DemoStory;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.journey.JourneyId;
import io.handoff.journey.Journeys;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.RedisServerProcess;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The playground's HTTP API over real HTTP and the real Redis test server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PlaygroundApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A redis-server of its own: the demo clock and the scheduler's daily job ids are shared by every playground in
     * one Redis, and other test classes move the demo clock.
     */
    private static final RedisServerProcess REDIS = RedisServerProcess.start("playground-api",
            RedisServerProcess.freePorts(1)[0], tempDir(), null, java.util.List.of());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    redis.clients.jedis.UnifiedJedis redis;

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("handoff-playground-api-redis");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    Journeys journeys;

    @BeforeEach
    void freshDemo() throws Exception {
        assertThat(post("/playground/api/tenants/depot/reset", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void servesThePageAtTheRoot() throws Exception {
        HttpResponse<String> root = get("/");
        HttpResponse<String> script = get("/playground/playground.js");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("Handoff playground").doesNotContain("http://", "https://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
    }

    @Test
    void listsTheDemoPeopleGroupedByTeam() throws Exception {
        JsonNode people = JSON.readTree(get("/playground/api/tenants/depot/people").body());

        assertThat(people.size()).isEqualTo(SampleOrganisation.people(DemoStory.DEPOT).size()
                + SampleFriction.people().size());
        assertThat(people.valueStream().map(p -> p.get("name").asString()))
                .contains("Pat Okafor", "Dana Kowalski").doesNotContain("Wen Li");
        JsonNode ward = JSON.readTree(get("/playground/api/tenants/ward/people").body());
        assertThat(ward.valueStream().map(p -> p.get("name").asString())).contains("Wen Li", "Tom Walsh")
                .doesNotContain("Pat Okafor", "Kim Osei");
        assertThat(people.valueStream().filter(p -> p.get("id").asString().equals("dana")).findFirst().orElseThrow()
                .get("teamName").asString()).isEqualTo("Delivery drivers");
    }

    /** Issue 19, first run: two stories, each its own tenant with its own journey, lead person, admin and hints. */
    @Test
    void offersTwoStoriesThatNeverMix() throws Exception {
        JsonNode stories = JSON.readTree(get("/playground/api/stories").body());
        assertThat(stories.valueStream().map(s -> s.get("tenant").asString() + ":" + s.get("title").asString() + ":"
                + s.get("leadName").asString() + ":" + s.get("adminName").asString()))
                .containsExactly("depot:a parcel depot:Pat Okafor:Mia Laurent", "ward:a hospital ward:Wen Li:Wen Li");
        assertThat(stories.valueStream()).allSatisfy(s -> assertThat(s.get("hints").size()).isEqualTo(3));

        assertThat(post("/playground/api/tenants/ward/reset", "{}").statusCode()).isEqualTo(200);
        assertThat(journeys.journeys(DemoStory.DEPOT.tenant()).stream().map(j -> j.id().value()))
                .containsExactly("parcel-delivery");
        assertThat(journeys.journeys(DemoStory.WARD.tenant()).stream().map(j -> j.id().value()))
                .containsExactly("hospital-stay");
        assertThat(graph.graph(DemoStory.WARD.tenant()).people().keySet().stream().map(PersonId::value))
                .contains("wen", "tom").doesNotContain("pat", "kim");
        assertThat(graph.teamMap(DemoStory.DEPOT.tenant()).teams().keySet().stream().map(t -> t.value()))
                .contains("preload", "drivers").doesNotContain("ward", "triage");
        JsonNode inboxRefused = JSON.readTree(get("/playground/api/tenants/ward/people/pat/inbox").body());
        assertThat(inboxRefused.get("detail").asString()).isEqualTo("There is nobody called 'pat' in a hospital ward.");
    }

    @Test
    void refusesEveryTenantButTheDemo() throws Exception {
        TenantId acme = TestRedis.uniqueTenant();
        graph.saveTenant(new Tenant(acme, "Acme", null, null, null, Instant.now()));
        graph.savePerson(acme, Person.of("pat", "Pat of Acme", null));

        HttpResponse<String> people = get("/playground/api/tenants/" + acme + "/people");
        HttpResponse<String> command = post("/playground/api/tenants/" + acme + "/people/pat/command", "{\"text\":\"help\"}");

        assertThat(people.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(people.body()).get("detail").asString()).contains("only the demo tenants (depot, ward)");
        assertThat(command.statusCode()).isEqualTo(403);
        assertThat(people.body()).doesNotContain("Exception", "at io.handoff");
    }

    @Test
    void answersUnknownPeopleAndBadRequestsClearly() throws Exception {
        HttpResponse<String> nobody = post("/playground/api/tenants/depot/people/nobody/command", "{\"text\":\"help\"}");
        HttpResponse<String> malformed = post("/playground/api/tenants/depot/people/pat/command", "{not json");
        HttpResponse<String> noAction = post("/playground/api/tenants/depot/people/pat/button", "{}");

        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "at io.handoff");
    }

    @Test
    void theAdminCommandsOfChatPlatformsSayPlainlyTheyAreNotAvailableHere() throws Exception {
        JsonNode channel = JSON.readTree(post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"team-channel drivers #C0DRIVERS\"}").body());
        JsonNode sync = JSON.readTree(post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"sync-teams\"}").body());

        assertThat(channel.get("kind").asString()).isEqualTo("show");
        assertThat(channel.get("message").toString()).contains("Team channels are set in Slack or in a Microsoft "
                + "Teams channel, not here.");
        assertThat(sync.get("message").toString()).contains("Syncing teams is not available here");
        assertThat(redis.exists("handoff:{depot}:team-channels")).isFalse();
    }

    @Test
    void unknownInputGetsTheHelpText() throws Exception {
        JsonNode answer = JSON.readTree(post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"what is this\"}").body());

        assertThat(answer.get("kind").asString()).isEqualTo("show");
        assertThat(answer.get("message").toString()).contains("customers", "my-data", "forget-me");
        assertThat(answer.get("home").get("blocks").size()).isPositive();
    }

    @Test
    void resetForgetsWhatWasDoneInThePlayground() throws Exception {
        graph.deletePerson(DemoStory.DEPOT.tenant(), PersonId.of("pat"));

        post("/playground/api/tenants/depot/reset", "{}");

        assertThat(graph.person(DemoStory.DEPOT.tenant(), PersonId.of("pat"))).isPresent();
        assertThat(journeys.journey(DemoStory.DEPOT.tenant(), JourneyId.of("parcel-delivery"))).hasValueSatisfying(
                parcel -> assertThat(parcel.touchpoints()).filteredOn(t -> t.name().equals("Parcel delivered"))
                        .singleElement().satisfies(t -> assertThat(t.ownerPeople()).containsExactly(PersonId.of("dana"))));
    }

    /**
     * Issue 16: the depot story end to end, as a fresh demo tells it. First, because demo time only moves forward:
     * once it has moved past a friction poll period, that period closes without the sample answers.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void patsHomeNamesParcelDeliveredAndLeesJourneyShowsTheFallAndThePreLoadHandoffs() throws Exception {
        java.util.List<String> home = JSON.readTree(get("/playground/api/tenants/depot/people/pat/home").body())
                .get("blocks").valueStream().map(b -> b.get("type").asString().equals("heading") ? b.get("text").asString()
                        : b.path("spans").valueStream().map(span -> span.get("strong").asBoolean()
                                ? "*" + span.get("text").asString() + "*" : span.get("text").asString())
                        .collect(java.util.stream.Collectors.joining())).toList();
        JsonNode answer = JSON.readTree(post("/playground/api/tenants/depot/people/lee/command",
                "{\"text\":\"journey parcel-delivery\"}").body());
        JsonNode refused = JSON.readTree(post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"journey parcel-delivery\"}").body());

        assertThat(home).containsSubsequence("Where your work reaches customers", "Your work (truck loaded in "
                + "delivery order) reaches customers at *Parcel delivered* through Dana, one hop; a game-over moment.");
        assertThat(answer.get("kind").asString()).isEqualTo("show");
        assertThat(answer.get("message").get("summary").asString())
                .isEqualTo("Parcel delivery: 1 touchpoint's customer signal fell");
        assertThat(answer.get("message").toString()).contains("Customer signals that fell", "(6.5% worse)",
                "(in person, game over): Delivery drivers, Dana Kowalski; ",
                "They moved together with the customer signal", "Lee Marsh → Ravi Shah: truck loaded in delivery order",
                "Lee Marsh → Kim Osei", "Lee Marsh → Jo Brennan");
        assertThat(refused.get("message").toString()).contains("for team managers and admins");
    }

    /** Issue 19, bug 6: after forget-me a person can start again, as in Slack or Teams. */
    @Test
    void afterForgetMeAPersonStaysInTheListAndStartsAfresh() throws Exception {
        JsonNode ask = JSON.readTree(post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"forget-me\"}").body());
        JsonNode confirm = ask.get("message").get("blocks").valueStream()
                .filter(b -> b.get("type").asString().equals("buttons"))
                .flatMap(b -> b.get("buttons").valueStream())
                .filter(b -> b.get("style").asString().equals("danger")).findFirst().orElseThrow();
        HttpResponse<String> forgotten = post("/playground/api/tenants/depot/people/pat/button",
                JSON.writeValueAsString(Map.of("actionId", confirm.get("actionId").asString(),
                        "value", confirm.get("value").asString())));
        assertThat(forgotten.body()).contains("Handoff forgot you");
        assertThat(graph.person(DemoStory.DEPOT.tenant(), PersonId.of("pat"))).isEmpty();

        JsonNode people = JSON.readTree(get("/playground/api/tenants/depot/people").body());
        assertThat(people.valueStream().map(p -> p.get("id").asString())).contains("pat");

        HttpResponse<String> again = post("/playground/api/tenants/depot/people/pat/command",
                "{\"text\":\"customers\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("kind").asString()).isEqualTo("form");
        assertThat(graph.person(DemoStory.DEPOT.tenant(), PersonId.of("pat"))).hasValueSatisfying(pat ->
                assertThat(pat.displayName()).isEqualTo("Pat Okafor"));
        assertThat(graph.neighbourhood(DemoStory.DEPOT.tenant(), PersonId.of("pat"), 1).graph().edges()).isEmpty();
    }

    /** Issue 19, part of 8: the Scheduler tab names people, and says what a waiting message says. */
    @Test
    void decisionsNameThePersonAndWhatTheMessageSaid() throws Exception {
        assertThat(post("/playground/api/tenants/depot/clock", "{\"advance\":\"P7D\"}").statusCode()).isEqualTo(200);
        JsonNode decisions = JSON.readTree("[]");
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
        while (decisions.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(250);
            decisions = JSON.readTree(get("/playground/api/tenants/depot/decisions").body());
        }
        assertThat(decisions.size()).as("decisions after a week").isPositive();
        java.util.Set<String> names = java.util.stream.Stream.concat(SampleOrganisation.people().stream(),
                SampleFriction.people().stream()).map(Person::displayName).collect(java.util.stream.Collectors.toSet());
        assertThat(decisions.valueStream()).allSatisfy(d -> {
            assertThat(d.get("personName").asString()).isIn(names);
            if (d.get("verdict").asString().equals("DEFER")) {
                assertThat(d.get("about").asString()).as("what the waiting message says").isNotBlank();
            }
        });
    }

    /**
     * Issue 19, pacing: after a week, nobody gets two prompt messages in a burst; prompts due together for one person
     * are merged into one message, and the Scheduler tab says so in words.
     */
    @Test
    void promptsDueTogetherAreMergedAndTheSchedulerTabSaysSoInWords() throws Exception {
        assertThat(post("/playground/api/tenants/depot/clock", "{\"advance\":\"P7D\"}").statusCode()).isEqualTo(200);
        JsonNode decisions = JSON.readTree("[]");
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        for (int polls = 1; decisions.valueStream().noneMatch(d -> d.get("verdict").asString().equals("MERGED"))
                && System.nanoTime() < until; polls++) {
            Thread.sleep(250);
            if (polls % 12 == 0) { // the week may have ended at night or on a weekend: on to working hours
                post("/playground/api/tenants/depot/clock", "{\"advance\":\"PT1H\"}");
            }
            decisions = JSON.readTree(get("/playground/api/tenants/depot/decisions").body());
        }
        java.util.List<JsonNode> merged = decisions.valueStream()
                .filter(d -> d.get("verdict").asString().equals("MERGED")).toList();
        assertThat(merged).as("prompts merged after a week: " + decisions).isNotEmpty();
        assertThat(merged).allSatisfy(d -> {
            assertThat(d.get("reason").asString()).startsWith("merged into one message with ");
            assertThat(d.get("what").asString()).isNotBlank().doesNotContain(":");
        });
        java.util.Map<String, java.util.List<Instant>> promptsSent = new java.util.HashMap<>();
        decisions.valueStream().filter(d -> d.get("verdict").asString().equals("SEND"))
                .filter(d -> d.get("kind").asString().equals("NUDGE"))
                .forEach(d -> promptsSent.computeIfAbsent(d.get("person").asString(), p -> new java.util.ArrayList<>())
                        .add(Instant.parse(d.get("at").asString())));
        promptsSent.forEach((person, times) -> {
            java.util.List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(java.time.Duration.between(sorted.get(i - 1), sorted.get(i)))
                        .as("prompt messages to " + person + " are an hour apart, never a burst")
                        .isGreaterThanOrEqualTo(java.time.Duration.ofHours(1));
            }
        });
        JsonNode leader = decisions.valueStream().filter(d -> d.get("verdict").asString().equals("SEND"))
                .filter(d -> d.get("reason").asString().contains("one message holding")).findFirst().orElseThrow();
        assertThat(leader.get("reason").asString()).matches("sent on playground, one message holding .+, .+");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts as the page's script does: JSON with the CSRF token the page set. */
    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(HTTP, "http://127.0.0.1:" + port);
        return HTTP.send(csrf.sign(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
