package io.handoff.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;


/**
 * Teams acknowledgements, Handoff beside a bare Bot Framework bot in the same run. Starts the whole Handoff app (its
 * own redis-server; Microsoft's side played by WireMock in this JVM: OpenID metadata and JWKS, token endpoint,
 * connector) and a bare bot on the same SDK (botbuilder 4.14.3) and the same embedded Tomcat, whose adapter validates
 * the same channel tokens against the same OpenID endpoint and whose one handler replies "ok" through the connector.
 * First it times the first activity after each side's start (Handoff loads the signing keys while it starts; the
 * SDK's key cache is JVM-wide, so the bare bot, started second, finds them loaded). Then both get signed "help"
 * messages over loopback HTTP at concurrency 1 and 16, after warm-up, in rounds alternating which side goes first.
 * Prints p50/p99 of each, the Handoff / bare ratios, the load average, and PASS or FAIL against the targets: Handoff
 * p99 at most 1.2 x the bare p99 at concurrency 1 and 16, the first activity after start under 500 ms.
 * Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.TeamsAckBenchmark}
 * ({@code -Drequests=2000 -Dwarmup=200 -Drounds=4 -DopenIdLatencyMs=200}: how long the OpenID metadata and the JWKS
 * take to answer, as Microsoft's endpoint from far away; {@code -DcostSamples=300}: requests per side for the JVM CPU
 * and Redis commands per request, {@link CostPerRequest}).
 */
public final class TeamsAckBenchmark {
    private static final PrintStream OUT = System.out;
    private static final double RATIO_TARGET = 1.2;
    private static final long FIRST_TARGET = 500_000_000L;
    private static final int USERS = 16;

    private TeamsAckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("requests", 2_000); // a p99 over 400 is the 4th-worst sample
        int warmup = Integer.getInteger("warmup", 200);
        int rounds = Integer.getInteger("rounds", 4);
        Duration openIdLatency = Duration.ofMillis(Long.getLong("openIdLatencyMs", 200));
        OUT.printf(Locale.ROOT, "Handoff Teams acknowledgement benchmark: Handoff against a bare Bot Framework bot "
                        + "(botbuilder %s), JVM %s, %d CPUs; the OpenID metadata and the JWKS answer after %d ms%n",
                version(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                openIdLatency.toMillis());
        OUT.println(LoadAverage.line());
        Verdicts verdicts = new Verdicts();
        HttpClient http = LatencyDriver.client();
        try (BotFrameworkStub microsoft = new BotFrameworkStub(openIdLatency, true);
             BenchRedis redis = BenchRedis.open();
             LatencyDriver driver = new LatencyDriver()) {
            for (int u = 0; u < USERS; u++) {
                microsoft.member(user(u), aad(u), "Bench user " + u, "user" + u + "@bench.example");
            }
            try (BenchApp handoff = BenchApp.start(redis, microsoft.appSettings())) {
                long start = System.nanoTime();
                HttpResponse<String> first = http.send(microsoft.signed(handoff.port(), message(microsoft, 0)),
                        HttpResponse.BodyHandlers.ofString());
                long firstNanos = System.nanoTime() - start;
                OUT.printf(Locale.ROOT, "Handoff started in %d ms on port %d (Redis: %s)%n",
                        handoff.startTime().toMillis(), handoff.port(), redis.origin());
                OUT.printf(Locale.ROOT, "First activity after start: Handoff %s (HTTP %d)%n",
                        Samples.micros(firstNanos), first.statusCode());
                calls(microsoft, start, firstNanos);
                start = System.nanoTime();
                HttpResponse<String> second = http.send(microsoft.signed(handoff.port(), message(microsoft, 1)),
                        HttpResponse.BodyHandlers.ofString());
                OUT.printf(Locale.ROOT, "Second activity (another person, also new): Handoff %s (HTTP %d)%n",
                        Samples.micros(System.nanoTime() - start), second.statusCode());
                verdicts.judge("first activity after start < 500 ms", firstNanos < FIRST_TARGET
                        && first.statusCode() == 200, Samples.micros(firstNanos) + " (" + LoadAverage.brief() + ")");

                try (BareServer bare = BareServer.start("/api/messages",
                        new BareBotFramework(BotFrameworkStub.APP_ID, microsoft.baseUrl() + "/oauth2/token"))) {
                    start = System.nanoTime();
                    HttpResponse<String> bareFirst = http.send(microsoft.signed(bare.port(), message(microsoft, 0)),
                            HttpResponse.BodyHandlers.ofString());
                    OUT.printf(Locale.ROOT, "First activity after start: bare bot %s (HTTP %d; the signing keys were "
                                    + "already in the SDK's JVM-wide cache)%n", Samples.micros(System.nanoTime() - start),
                            bareFirst.statusCode());
                    OUT.printf(Locale.ROOT, "%n\"help\" in a personal chat (Handoff answers with a card, the bare bot "
                            + "with \"ok\", both through the WireMock connector):%n");
                    for (int concurrency : List.of(1, 16)) {
                        LatencyDriver.Side handoffSide = new LatencyDriver.Side("Handoff",
                                i -> microsoft.signed(handoff.port(), message(microsoft, i)));
                        LatencyDriver.Side bareSide = new LatencyDriver.Side("bare bot",
                                i -> microsoft.signed(bare.port(), message(microsoft, i)));
                        int total = Math.max(requests, 20 * concurrency);
                        Map<String, LatencyDriver.Result> results = driver.alternate(handoffSide, bareSide,
                                concurrency, Math.max(warmup, 4 * concurrency), rounds, Math.max(1, total / rounds));
                        judge(verdicts, concurrency, results.get("Handoff"), results.get("bare bot"));
                    }
                    OUT.println("  " + CostPerRequest.line(driver, redis, new LatencyDriver.Side("Handoff",
                                    i -> microsoft.signed(handoff.port(), message(microsoft, i))),
                            new LatencyDriver.Side("bare bot", i -> microsoft.signed(bare.port(), message(microsoft, i))),
                            Integer.getInteger("costSamples", 300)));
                }
            }
        }
        verdicts.print(OUT);
        OUT.println(LoadAverage.line());
    }

    private static void judge(Verdicts verdicts, int concurrency, LatencyDriver.Result handoff,
                              LatencyDriver.Result bare) {
        double p50Ratio = handoff.p50() / (double) bare.p50();
        double p99Ratio = handoff.p99() / (double) bare.p99();
        OUT.printf(Locale.ROOT, "  concurrency %2d (%s):%n    Handoff:  %s%n    bare bot: %s%n"
                        + "    Handoff / bare: p50 %.2fx, p99 %.2fx%n", concurrency, LoadAverage.brief(),
                handoff.brief(), bare.brief(), p50Ratio, p99Ratio);
        verdicts.judge(String.format(Locale.ROOT, "help at %d: Handoff p99 <= 1.2 x bare", concurrency),
                p99Ratio <= RATIO_TARGET && handoff.failures() == 0, String.format(Locale.ROOT,
                        "p99 %s vs %s = %.2fx (%s)%s", Samples.micros(handoff.p99()), Samples.micros(bare.p99()),
                        p99Ratio, LoadAverage.brief(), handoff.failures() == 0 ? "" : ", " + handoff.failures()
                                + " not 200"));
    }

    /** What the stub was asked while the first activity was answered, with when (from the send). */
    private static void calls(BotFrameworkStub microsoft, long sentNanos, long tookNanos) {
        long sentMillis = System.currentTimeMillis() - (System.nanoTime() - sentNanos) / 1_000_000;
        List<ServeEvent> events = new ArrayList<>(microsoft.server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        long before = events.stream().filter(e -> e.getRequest().getLoggedDate().getTime() < sentMillis - 5).count();
        OUT.printf(Locale.ROOT, "  before it, while the app started: %d requests to the stub (OpenID metadata and "
                + "JWKS: the signing keys); while it was answered:%n", before);
        for (ServeEvent event : events) {
            long at = event.getRequest().getLoggedDate().getTime() - sentMillis;
            if (at >= -5 && at <= tookNanos / 1_000_000 + 5) {
                OUT.printf(Locale.ROOT, "    at %5d ms: %s %s (answered in %d ms)%n", at, event.getRequest().getMethod(),
                        event.getRequest().getUrl().replaceAll("\\?.*", ""), event.getTiming().getTotalTime());
            }
        }
    }

    private static String message(BotFrameworkStub microsoft, int i) {
        int u = i % USERS;
        return microsoft.message(user(u), aad(u), "Bench user " + u, "help");
    }

    private static String user(int u) {
        return "29:bench-user-" + u;
    }

    private static String aad(int u) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", u);
    }

    private static String version() {
        String version = com.microsoft.bot.builder.BotFrameworkAdapter.class.getPackage().getImplementationVersion();
        return version == null ? "4.14.3" : version;
    }

}
