package io.handoff.bench;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import io.handoff.graph.Side;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Team;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Slack acknowledgements, Handoff beside a bare Bolt app in the same run. Starts the whole Handoff app (its own
 * redis-server, the Slack Web API played by WireMock in this JVM) and a bare Bolt app of the same Bolt version on the
 * same embedded Tomcat, whose one {@code /handoff} handler acknowledges {@code help} with a fixed text and opens a
 * small modal with {@code views.open} on the same WireMock for {@code customers}. Both get HMAC-signed requests over
 * loopback HTTP at concurrency 1, 16 and 64, after warm-up, in rounds alternating which side goes first. Prints each
 * side's p50/p99, the Handoff / bare ratios, the load average, and PASS or FAIL against the targets: Handoff p99 at
 * most 1.2 x the bare p99 at concurrency 1 and 16; every acknowledgement under Slack's 3 s at 64. Then times the
 * survey's two {@code view_submission}s (the people picked, then what is handed to each) with 1, 10 and the form's
 * largest number of people, the largest by a dispatcher who already named 30 internal customers (target p99 under
 * 1 s), and, as information, a picker submission naming 65 people (more than the form allows).
 * Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.AckBenchmark}
 * ({@code -Drequests=2000 -Dwarmup=200 -Drounds=4 -DsubmitSamples=40 -Dconcurrency=1,16,64 -DcostSamples=300}).
 * After each command's levels it prints the JVM CPU and the Redis commands per request of each side
 * ({@link CostPerRequest}).
 */
public final class AckBenchmark {
    private static final PrintStream OUT = System.out;
    private static final double RATIO_TARGET = 1.2;
    private static final long SLACK_LIMIT = 3_000_000_000L;
    private static final long SUBMIT_TARGET = 1_000_000_000L;
    private static final TenantId TENANT = TenantId.of("slack-" + SlackRequests.TEAM.toLowerCase(Locale.ROOT));
    private static final int ASKERS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("requests", 2_000); // a p99 over 400 is the 4th-worst sample
        int warmup = Integer.getInteger("warmup", 200);
        int rounds = Integer.getInteger("rounds", 4);
        int submitSamples = Integer.getInteger("submitSamples", 40);
        int costSamples = Integer.getInteger("costSamples", 300);
        List<Integer> levels = new ArrayList<>();
        for (String level : System.getProperty("concurrency", "1,16,64").split(",")) {
            levels.add(Integer.parseInt(level.strip()));
        }
        OUT.printf(Locale.ROOT, "Handoff Slack acknowledgement benchmark: Handoff against a bare Bolt app (Bolt %s), "
                        + "JVM %s, %d CPUs%n", App.class.getPackage().getImplementationVersion(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        OUT.println(LoadAverage.line());
        Verdicts verdicts = new Verdicts();
        try (SlackApiStub slack = new SlackApiStub(false);
             BenchRedis redis = BenchRedis.open();
             BenchApp handoff = BenchApp.start(redis, Map.of(
                     "handoff.slack.signing-secret", SlackRequests.SECRET,
                     "handoff.slack.bot-token", "xoxb-bench-handoff",
                     "handoff.slack.api-url", slack.apiUrl()));
             BareServer bare = BareServer.start("/slack/events", new SlackAppServlet(bareBolt(slack)));
             LatencyDriver driver = new LatencyDriver()) {
            OUT.printf(Locale.ROOT, "Handoff started in %d ms on port %d (Redis: %s); bare Bolt app on port %d; "
                            + "Slack Web API: WireMock on port %d%n", handoff.startTime().toMillis(), handoff.port(),
                    redis.origin(), bare.port(), slack.server.port());
            GraphStore graph = handoff.bean(GraphStore.class);
            seed(graph);

            for (String command : System.getProperty("commands", "help,customers").split(",")) {
                OUT.printf(Locale.ROOT, "%n/handoff %s%s:%n", command,
                        command.equals("customers") ? " (opens a modal: views.open on the WireMock Slack API)" : "");
                for (int concurrency : levels) {
                    int total = Math.max(requests, 20 * concurrency);
                    LatencyDriver.Side handoffSide = new LatencyDriver.Side("Handoff", i ->
                            SlackRequests.signed(handoff.port(), SlackRequests.slashCommand(asker(i), command, "trig-" + i)));
                    LatencyDriver.Side bareSide = new LatencyDriver.Side("bare Bolt", i ->
                            SlackRequests.signed(bare.port(), SlackRequests.slashCommand(asker(i), command, "trig-" + i)));
                    Map<String, LatencyDriver.Result> results = driver.alternate(handoffSide, bareSide, concurrency,
                            Math.max(warmup, 4 * concurrency), rounds, Math.max(1, total / rounds));
                    judge(verdicts, command, concurrency, results.get("Handoff"), results.get("bare Bolt"));
                }
                OUT.println("  " + CostPerRequest.line(driver, redis, new LatencyDriver.Side("Handoff", i ->
                        SlackRequests.signed(handoff.port(), SlackRequests.slashCommand(asker(i), command, "trig-c" + i))),
                        new LatencyDriver.Side("bare Bolt", i -> SlackRequests.signed(bare.port(),
                                SlackRequests.slashCommand(asker(i), command, "trig-c" + i))), costSamples));
            }
            submissions(handoff, graph, submitSamples, verdicts);
        }
        verdicts.print(OUT);
        OUT.println(LoadAverage.line());
    }

    private static void judge(Verdicts verdicts, String command, int concurrency, LatencyDriver.Result handoff,
                              LatencyDriver.Result bare) {
        double p50Ratio = handoff.p50() / (double) bare.p50();
        double p99Ratio = handoff.p99() / (double) bare.p99();
        OUT.printf(Locale.ROOT, "  concurrency %2d (%s):%n    Handoff:   %s%n    bare Bolt: %s%n"
                        + "    Handoff / bare: p50 %.2fx, p99 %.2fx%n", concurrency, LoadAverage.brief(),
                handoff.brief(), bare.brief(), p50Ratio, p99Ratio);
        String measured = String.format(Locale.ROOT, "p99 %s vs %s = %.2fx (%s)", Samples.micros(handoff.p99()),
                Samples.micros(bare.p99()), p99Ratio, LoadAverage.brief());
        if (concurrency <= 16) {
            verdicts.judge(String.format(Locale.ROOT, "%s at %d: Handoff p99 <= 1.2 x bare", command, concurrency),
                    p99Ratio <= RATIO_TARGET && handoff.failures() == 0, measured
                            + (handoff.failures() == 0 ? "" : ", " + handoff.failures() + " not 200"));
        } else {
            verdicts.judge(String.format(Locale.ROOT, "%s at %d: every ack < 3 s", command, concurrency),
                    handoff.latencies().max() < SLACK_LIMIT && handoff.failures() == 0,
                    String.format(Locale.ROOT, "max %s, %d not 200 (%s)", Samples.micros(handoff.latencies().max()),
                            handoff.failures(), LoadAverage.brief()));
        }
    }

    /** The bare Bolt app: one /handoff handler, single workspace, Bolt's own signature check. */
    private static App bareBolt(SlackApiStub slack) {
        App app = new App(AppConfig.builder().slack(slack.slack()).signingSecret(SlackRequests.SECRET)
                .singleTeamBotToken("xoxb-bench-bare").authTestCacheEnabled(true).build());
        View modal = Views.view(v -> v.type("modal").callbackId("bare.customers")
                .title(Views.viewTitle(t -> t.type("plain_text").text("Your customers")))
                .submit(Views.viewSubmit(s -> s.type("plain_text").text("Next")))
                .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("Who depends on your work?")))))); 
        app.command("/handoff", (request, ctx) -> {
            if (request.getPayload().getText().startsWith("customers")) {
                ctx.client().viewsOpen(r -> r.triggerId(request.getPayload().getTriggerId()).view(modal));
                return ctx.ack();
            }
            return ctx.ack("Handoff makes your internal customers visible. Try customers, map or home.");
        });
        return app;
    }

    // ---- the organisation --------------------------------------------------------------------------------------

    private static String asker(int i) {
        return "UASK" + (i % ASKERS);
    }

    private static String slackUser(String personId) {
        return "U" + personId.toUpperCase(Locale.ROOT).replace("-", "");
    }

    /** The workspace's tenant, the askers, and the colleagues the survey names. */
    private static void seed(GraphStore graph) {
        Instant now = Instant.now();
        graph.saveTenant(new Tenant(TENANT, "Bench depot", null, SlackRequests.TEAM, null, now));
        graph.saveTeam(TENANT, Team.of("dispatch", "Dispatch"));
        graph.saveTeam(TENANT, Team.of("drivers", "Drivers"));
        for (int i = 0; i < ASKERS; i++) {
            graph.savePerson(TENANT, Person.of("asker-" + i, "Asker " + i, "dispatch")
                    .withIdentity(Platform.SLACK, asker(i)));
        }
        for (int i = 0; i < 100; i++) {
            String id = "driver-" + i;
            graph.savePerson(TENANT, Person.of(id, "Driver " + i, "drivers").withIdentity(Platform.SLACK, slackUser(id)));
        }
    }

    // ---- the survey's view_submissions --------------------------------------------------------------------------

    private static void submissions(BenchApp handoff, GraphStore graph, int samples, Verdicts verdicts)
            throws Exception {
        int largest = formMaximum();
        OUT.printf(Locale.ROOT, "%nThe survey's view_submission (%d samples each, after 5 warm-up pairs); the form "
                + "allows at most %d people (SurveyFlow.MAX_FORM):%n", samples, largest);
        HttpClient http = LatencyDriver.client();
        Instant now = Instant.now();
        for (int size : new int[] {1, 10, largest}) {
            String dispatcher = "dispatcher-" + size;
            graph.savePerson(TENANT, Person.of(dispatcher, "Dispatcher " + size, "dispatch")
                    .withIdentity(Platform.SLACK, slackUser(dispatcher)));
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                picked.add("driver-" + i);
            }
            boolean busy = size == largest;
            if (busy) { // a dispatcher who already named 30 internal customers may pick the form's maximum
                List<Handoff> named = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    named.add(Handoff.claimed(PersonId.of(dispatcher), PersonId.of("driver-" + i),
                            new HandoffTerms("route plan " + i, Frequency.DAILY, Criticality.CRITICAL),
                            Side.UPSTREAM, now));
                }
                graph.importHandoffs(TENANT, named);
            }
            Samples picks = new Samples();
            Samples terms = new Samples();
            int unexpected = 0;
            for (int i = -5; i < samples; i++) {
                long start = System.nanoTime();
                HttpResponse<String> pick = http.send(SlackRequests.signed(handoff.port(), pickSubmission(dispatcher,
                        picked)), HttpResponse.BodyHandlers.ofString());
                long pickNanos = System.nanoTime() - start;
                JsonNode next = pick.statusCode() == 200 && !pick.body().isEmpty() ? JSON.readTree(pick.body()) : null;
                if (next == null || !"survey.customers.terms".equals(next.path("view").path("callback_id").asString())) {
                    unexpected++;
                    continue;
                }
                String state = next.path("view").path("private_metadata").asString();
                start = System.nanoTime();
                HttpResponse<String> answered = http.send(SlackRequests.signed(handoff.port(),
                        termsSubmission(dispatcher, state, size)), HttpResponse.BodyHandlers.ofString());
                long termsNanos = System.nanoTime() - start;
                if (answered.statusCode() != 200 || !answered.body().contains("survey.suppliers.pick")) {
                    unexpected++;
                }
                if (i >= 0) {
                    picks.add(pickNanos);
                    terms.add(termsNanos);
                }
            }
            if (picks.size() == 0) {
                OUT.printf(Locale.ROOT, "  %d people: no submission was answered with the next step%n", size);
                verdicts.judge("view_submission, " + size + " people: p99 < 1 s", false, "not measured");
                continue;
            }
            String who = busy ? size + " people (the form's maximum; a dispatcher with 30 internal customers)"
                    : size + (size == 1 ? " person" : " people");
            OUT.printf(Locale.ROOT, "  %s (%s):%n    people picked:  p50 %s, p99 %s%n    what is handed: p50 %s, "
                            + "p99 %s%s%n", who, LoadAverage.brief(), Samples.micros(picks.percentile(50)),
                    Samples.micros(picks.percentile(99)), Samples.micros(terms.percentile(50)),
                    Samples.micros(terms.percentile(99)), unexpected == 0 ? "" : "\n    " + unexpected
                            + " answers were not the next step of the survey");
            verdicts.judge("view_submission, " + size + " people picked: p99 < 1 s",
                    picks.percentile(99) < SUBMIT_TARGET && unexpected == 0, Samples.micros(picks.percentile(99)));
            verdicts.judge("view_submission, what " + size + " get: p99 < 1 s",
                    terms.percentile(99) < SUBMIT_TARGET && unexpected == 0, Samples.micros(terms.percentile(99)));
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add("driver-" + i);
        }
        Samples tooMany = new Samples();
        String answer = "";
        for (int i = -3; i < Math.max(5, samples / 4); i++) {
            long start = System.nanoTime();
            HttpResponse<String> refused = http.send(SlackRequests.signed(handoff.port(),
                    pickSubmission("dispatcher-" + largest, many)), HttpResponse.BodyHandlers.ofString());
            if (i >= 0) {
                tooMany.add(System.nanoTime() - start);
            }
            answer = refused.body();
        }
        OUT.printf(Locale.ROOT, "  65 people picked (more than the form allows; information): p50 %s, p99 %s, "
                        + "answered %s%n", Samples.micros(tooMany.percentile(50)), Samples.micros(tooMany.percentile(99)),
                answer.contains("\"errors\"") ? "with the form's error" : answer.length() > 80
                        ? answer.substring(0, 80) + "…" : answer);
    }

    /** SurveyFlow.MAX_FORM, read from the application so that the benchmark follows the form. */
    private static int formMaximum() {
        try {
            Field field = Class.forName("io.handoff.survey.SurveyFlow").getDeclaredField("MAX_FORM");
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            OUT.println("(could not read SurveyFlow.MAX_FORM, using 24: " + e + ")");
            return 24;
        }
    }

    private static String pickSubmission(String dispatcher, List<String> picked) {
        StringBuilder users = new StringBuilder();
        for (String person : picked) {
            users.append(users.length() == 0 ? "" : ",").append('"').append(slackUser(person)).append('"');
        }
        return SlackRequests.viewSubmission(slackUser(dispatcher), "survey.customers.pick", "",
                "{\"people\":{\"people\":{\"type\":\"multi_users_select\",\"selected_users\":[" + users + "]}}}");
    }

    private static String termsSubmission(String dispatcher, String state, int size) {
        StringBuilder values = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            values.append(i == 0 ? "" : ",").append("""
                    "what.%d":{"what.%d":{"type":"plain_text_input","value":"route plan %d"}},
                    "often.%d":{"often.%d":{"type":"static_select","selected_option":{"value":"daily"}}},
                    "critical.%d":{"critical.%d":{"type":"static_select","selected_option":{"value":"critical"}}}"""
                    .formatted(i, i, i, i, i, i, i));
        }
        return SlackRequests.viewSubmission(slackUser(dispatcher), "survey.customers.terms", state,
                values.append('}').toString());
    }
}
