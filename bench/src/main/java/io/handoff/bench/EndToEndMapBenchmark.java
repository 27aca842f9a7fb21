package io.handoff.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.map.MapRenderer;

/**
 * A map from the command to the picture in the chat, end to end. Starts the whole Handoff app (its own redis-server;
 * Slack's Web API and Microsoft's side played by WireMock in this JVM) and builds, through the app's own
 * {@link GraphStore}, a 60-person neighbourhood within two handoffs of one person in a Slack workspace's tenant and in
 * a Microsoft 365 organisation's. Then, one at a time after warm-up: a signed {@code /handoff map depth 2}, timed from
 * the send to the moment WireMock receives {@code files.completeUploadExternal} (the last of the three calls of
 * {@code files.uploadV2}: {@code files.getUploadURLExternal}, the POST of the bytes, the completion); and a signed
 * Teams message {@code map depth 2}, timed to the moment the connector receives the activity carrying the picture.
 * Arrivals are seen by a WireMock request listener. Prints p50/p99 of each (and of the acknowledgement), the load
 * average, and PASS or FAIL against the target: p99 under 1 s on each platform.
 * Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.EndToEndMapBenchmark}
 * ({@code -Dsamples=30 -Dwarmup=5}).
 */
public final class EndToEndMapBenchmark {
    private static final PrintStream OUT = System.out;
    private static final long TARGET = 1_000_000_000L;
    private static final int PEOPLE = 60;
    private static final String SLACK_USER = "UMAPCENTRE";
    private static final String AAD = "00000000-0000-4000-8000-0000000ce27e";
    private static final String TEAMS_USER = "29:bench-map-centre";

    private EndToEndMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // EMF (under ELK) polls a reference queue on a daemon thread that prints an InterruptedException when
        // exec:java interrupts it at exit (as in MapBenchmark)
        System.setProperty("org.eclipse.emf.common.util.ReferenceClearingQueue", "false");
        int samples = Integer.getInteger("samples", 30);
        int warmup = Integer.getInteger("warmup", 5);
        OUT.printf(Locale.ROOT, "Handoff end-to-end map benchmark: /handoff map depth 2 of a %d-person neighbourhood, "
                + "from the signed request to the picture at the platform; JVM %s, %d CPUs%n", PEOPLE,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        OUT.println(LoadAverage.line());
        Verdicts verdicts = new Verdicts();
        try (SlackApiStub slack = new SlackApiStub(false);
             BotFrameworkStub microsoft = new BotFrameworkStub(Duration.ZERO, false);
             BenchRedis redis = BenchRedis.open()) {
            microsoft.member(TEAMS_USER, AAD, "Map Centre", "centre@bench.example");
            Map<String, Object> settings = new HashMap<>(microsoft.appSettings());
            settings.put("handoff.slack.signing-secret", SlackRequests.SECRET);
            settings.put("handoff.slack.bot-token", "xoxb-bench-handoff");
            settings.put("handoff.slack.api-url", slack.apiUrl());
            settings.put("handoff.slack.response-url-base", slack.baseUrl() + "/");
            try (BenchApp handoff = BenchApp.start(redis, settings)) {
                OUT.printf(Locale.ROOT, "Handoff started in %d ms on port %d (Redis: %s)%n",
                        handoff.startTime().toMillis(), handoff.port(), redis.origin());
                GraphStore graph = handoff.bean(GraphStore.class);
                Instant now = Instant.now();
                TenantId slackTenant = TenantId.of("slack-" + SlackRequests.TEAM.toLowerCase(Locale.ROOT));
                graph.saveTenant(new Tenant(slackTenant, "Bench depot", null, SlackRequests.TEAM, null, now));
                int slackPeople = neighbourhood(graph, slackTenant, Platform.SLACK, SLACK_USER, now);
                TenantId teamsTenant = TenantId.of("m365-" + BotFrameworkStub.MICROSOFT_TENANT);
                graph.saveTenant(new Tenant(teamsTenant, "Bench depot", null, null,
                        BotFrameworkStub.MICROSOFT_TENANT, now));
                int teamsPeople = neighbourhood(graph, teamsTenant, Platform.TEAMS, AAD, now);
                OUT.printf(Locale.ROOT, "Neighbourhood within depth 2 of the asker: %d people (Slack tenant), %d "
                        + "(Teams tenant)%n", slackPeople, teamsPeople);

                // Drawn afresh: before each sample (outside the clock) the asker's name changes, so the map differs
                // and is laid out and drawn again. Asked again: the same map, its picture kept by the app.
                Arrivals slackUploads = new Arrivals(slack.server, request -> request.getUrl()
                        .equals("/api/files.completeUploadExternal"));
                Timing onSlack = measure("Slack", slackUploads, warmup, samples, i -> {
                    rename(graph, slackTenant, Platform.SLACK, SLACK_USER, i);
                    return SlackRequests.signed(handoff.port(),
                            SlackRequests.slashCommand(SLACK_USER, "map depth 2", "trig-map-" + i,
                                    slack.responseUrl()));
                });
                onSlack.print("Slack, drawn afresh: /handoff map depth 2 until files.completeUploadExternal reached "
                        + "the Web API");
                pictures(handoff);
                onSlack.judge(verdicts, "Slack map depth 2 drawn afresh, to the upload: p99 < 1 s");
                Timing slackAgain = measure("Slack", slackUploads, 1, samples, i -> SlackRequests.signed(
                        handoff.port(), SlackRequests.slashCommand(SLACK_USER, "map depth 2", "trig-again-" + i,
                                slack.responseUrl())));
                slackAgain.print("Slack, asked again (the kept picture): /handoff map depth 2 to the upload");
                pictures(handoff);
                slackAgain.judge(verdicts, "Slack map depth 2 asked again, to the upload: p99 < 1 s");

                Arrivals cards = new Arrivals(microsoft.server, request -> request.getUrl().contains("/activities")
                        && request.getBodyAsString().contains("image/png"));
                Timing onTeams = measure("Teams", cards, warmup, samples, i -> {
                    // the activity carries the new name too: the app takes a Teams member's name from it
                    rename(graph, teamsTenant, Platform.TEAMS, AAD, i);
                    return microsoft.signed(handoff.port(), microsoft.message(TEAMS_USER, AAD,
                            centreName(Platform.TEAMS, i), "map depth 2"));
                });
                onTeams.print("Teams, drawn afresh: map depth 2 until the card with the picture reached the connector");
                pictures(handoff);
                onTeams.judge(verdicts, "Teams map depth 2 drawn afresh, to the card: p99 < 1 s");
                Timing teamsAgain = measure("Teams", cards, 1, samples, i -> microsoft.signed(handoff.port(),
                        microsoft.message(TEAMS_USER, AAD, centreName(Platform.TEAMS, samples - 1), "map depth 2")));
                teamsAgain.print("Teams, asked again (the kept picture): map depth 2 to the card");
                pictures(handoff);
                teamsAgain.judge(verdicts, "Teams map depth 2 asked again, to the card: p99 < 1 s");
            }
        }
        verdicts.print(OUT);
        OUT.println(LoadAverage.line());
    }

    /**
     * The asker (with their identity on the platform), 8 colleagues they hand work to, and 51 more their colleagues
     * hand work to, in 6 teams: 60 people within two handoffs. Returns the number of people saved.
     */
    private static int neighbourhood(GraphStore graph, TenantId tenant, Platform platform, String platformId,
                                     Instant now) {
        for (int t = 0; t < 6; t++) {
            graph.saveTeam(tenant, Team.of("team-" + t, "Team number " + t));
        }
        graph.savePerson(tenant, Person.of("centre", "Map Centre", "team-0").withIdentity(platform, platformId));
        List<Handoff> edges = new ArrayList<>();
        int saved = 1;
        for (int r = 0; r < 8; r++) {
            String near = "near-" + r;
            graph.savePerson(tenant, Person.of(near, "Near colleague " + r, "team-" + (r % 3)));
            saved++;
            edges.add(edge("centre", near, r, now));
        }
        for (int f = 0; f < PEOPLE - 9; f++) {
            String far = "far-" + f;
            graph.savePerson(tenant, Person.of(far, "Further colleague " + f, "team-" + (3 + f % 3)));
            saved++;
            edges.add(edge("near-" + (f % 8), far, f, now));
            if (f % 5 == 0) {
                edges.add(edge(far, "near-" + ((f + 3) % 8), f + 1, now));
            }
        }
        graph.importHandoffs(tenant, edges);
        return saved;
    }

    /** The app's own count of PNG maps drawn and served from its picture cache, so far. */
    private static void pictures(BenchApp handoff) {
        io.micrometer.core.instrument.MeterRegistry meters = handoff.bean(io.micrometer.core.instrument.MeterRegistry.class);
        OUT.printf(Locale.ROOT, "  PNG maps so far: %.0f drawn, %.0f from the picture cache, %.0f refused busy%n",
                meters.counter(MapRenderer.PICTURES, "result", "drawn").count(),
                meters.counter(MapRenderer.PICTURES, "result", "cached").count(),
                meters.counter(MapRenderer.BUSY).count());
    }

    /** A new name for the asker, so the next map differs from every earlier one (its picture is drawn again). */
    private static void rename(GraphStore graph, TenantId tenant, Platform platform, String platformId, int sample) {
        graph.savePerson(tenant, Person.of("centre", centreName(platform, sample), "team-0")
                .withIdentity(platform, platformId));
    }

    /**
     * The asker's name in a sample. The two tenants' neighbourhoods are built alike, and a picture is kept by what it
     * shows (not by tenant), so the names differ by platform: else Teams would be served the pictures Slack drew.
     */
    private static String centreName(Platform platform, int sample) {
        return "Map Centre " + (platform == Platform.SLACK ? "S" : "T") + (sample + 1000);
    }

    private static Handoff edge(String up, String down, int i, Instant now) {
        Handoff claimed = Handoff.claimed(PersonId.of(up), PersonId.of(down), new HandoffTerms("work item " + i,
                Frequency.values()[i % Frequency.values().length],
                Criticality.values()[i % Criticality.values().length]), Side.UPSTREAM, now);
        return i % 3 == 0 ? claimed : claimed.confirmedBy(Side.DOWNSTREAM, now);
    }

    /** When the platform's stub received the request that ends a sample, seen by a WireMock request listener. */
    private static final class Arrivals {
        private final AtomicReference<CompletableFuture<Long>> next = new AtomicReference<>(new CompletableFuture<>());

        Arrivals(WireMockServer server, Predicate<Request> ends) {
            server.addMockServiceRequestListener((request, response) -> {
                if (ends.test(request)) {
                    next.get().complete(System.nanoTime());
                }
            });
        }

        CompletableFuture<Long> expect() {
            CompletableFuture<Long> expected = new CompletableFuture<>();
            next.set(expected);
            return expected;
        }
    }

    private record Timing(Samples acks, Samples done, int missing, String firstProblem) {
        void print(String title) {
            OUT.printf(Locale.ROOT, "%n%s (%s):%n", title, LoadAverage.brief());
            if (done.size() == 0) {
                OUT.printf(Locale.ROOT, "  not measured: %d samples went missing (%s)%n", missing, firstProblem);
                return;
            }
            OUT.printf(Locale.ROOT, "  the acknowledgement:   p50 %s, p99 %s%n", Samples.micros(acks.percentile(50)),
                    Samples.micros(acks.percentile(99)));
            OUT.printf(Locale.ROOT, "  the picture delivered: p50 %s, p99 %s, max %s (%d samples%s)%n",
                    Samples.micros(done.percentile(50)), Samples.micros(done.percentile(99)),
                    Samples.micros(done.max()), done.size(), missing == 0 ? ""
                            : ", " + missing + " never arrived within 30 s: " + firstProblem);
        }

        void judge(Verdicts verdicts, String target) {
            boolean measured = done.size() > 0;
            verdicts.judge(target, measured && missing == 0 && done.percentile(99) < TARGET, measured
                    ? Samples.micros(done.percentile(99)) + " (" + LoadAverage.brief() + ")" : "not measured");
        }
    }

    private static Timing measure(String platform, Arrivals arrivals, int warmup, int samples,
                                  IntFunction<HttpRequest> request) throws Exception {
        HttpClient http = LatencyDriver.client();
        Samples acks = new Samples();
        Samples done = new Samples();
        int missing = 0;
        String firstProblem = null;
        for (int i = -warmup; i < samples; i++) {
            HttpRequest next = request.apply(i);
            CompletableFuture<Long> arrived = arrivals.expect();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
            long ack = System.nanoTime() - start;
            try {
                long end = arrived.get(30, TimeUnit.SECONDS) - start;
                if (i >= 0) {
                    acks.add(ack);
                    done.add(end);
                }
            } catch (TimeoutException never) {
                missing++;
                if (firstProblem == null) {
                    firstProblem = platform + " answered " + response.statusCode() + " " + response.body();
                }
            }
        }
        return new Timing(acks, done, missing, firstProblem);
    }
}
