package io.handoff.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 20 item 7: the application's resident memory, measured on the application in a JVM of its own started with
 * the container image's JVM flags (read from the Jib configuration in {@code pom.xml}) and {@code -XX:MaxRAM} set to
 * the Helm chart's memory limit (read from {@code helm/handoff/values.yaml}), so the heap is sized as in a pod.
 * <ol>
 *   <li>idle after start on the demo (both demo stories loaded): resident memory and heap after GC;</li>
 *   <li>a soak: {@code -Drate} playground commands per second ({@code help}, {@code my-data}, {@code report},
 *   {@code map}, {@code customers}, {@code journey}, Home, inbox) from the demo's people for {@code -DsoakSeconds},
 *   the demo clock moved a day forward every {@code -DadvanceEverySeconds} so that polls, stories and nudges fall
 *   due; the resident memory curve is printed every 10 s;</li>
 *   <li>a {@code -Dpeople} organisation imported into the same Redis and {@code -DegoMaps} ego maps of depth 2 served
 *   through the admin API; resident memory and heap after GC again.</li>
 * </ol>
 * Targets: idle with the demo under 400 MB; the soak's and the big organisation's peak at most 80% of the chart's
 * limit. Prints, never fails.
 */
public final class MemoryBenchmark {
    private static final long IDLE_TARGET = 400L * 1024 * 1024;
    private static final double LIMIT_SHARE = 0.8;
    private static final List<String> COMMANDS = List.of("help", "my-data", "report", "map", "customers",
            "journey parcel-delivery", "help", "map");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out = System.out;
    private final Verdicts verdicts = new Verdicts();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken = "bench-" + UUID.randomUUID();
    private final int soakSeconds = Integer.getInteger("soakSeconds", 420);
    private final int rate = Integer.getInteger("rate", 120);
    private final int advanceEverySeconds = Integer.getInteger("advanceEverySeconds", 20);
    private final int people = Integer.getInteger("people", 50_000);
    private final int teams = Integer.getInteger("teams", 500);
    private final int edges = Integer.getInteger("edges", 250_000);
    private final int egoMaps = Integer.getInteger("egoMaps", 1_000);
    private final int idleSeconds = Integer.getInteger("idleSeconds", 20);
    /** Prints the heap's class histogram half-way through the soak (it runs a full GC, so off by default). */
    private boolean histogram = Boolean.getBoolean("histogram");

    public static void main(String[] args) throws Exception {
        new MemoryBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<String> imageFlags = imageJvmFlags(Path.of("pom.xml"));
        long limit = chartMemoryLimit(Path.of("helm/handoff/values.yaml"));
        Map<String, String> environment = new LinkedHashMap<>(imageEnvironment(Path.of("pom.xml")));
        List<String> flags = new ArrayList<>(imageFlags);
        flags.add("-XX:MaxRAM=" + limit);
        out.printf("Handoff memory benchmark. Image JVM flags (pom.xml, Jib): %s, environment %s; the chart's memory "
                + "limit %s (-XX:MaxRAM=%d stands in for the container's limit)%n", imageFlags, environment.keySet(),
                mb(limit), limit);
        out.println(LoadAverage.line());
        Path data = Files.createTempDirectory("handoff-bench-data");
        try (BenchRedis redis = BenchRedis.open();
             AppJvm app = AppJvm.start(flags, withBenchSettings(environment, redis.url(), data))) {
            long started = System.nanoTime();
            app.awaitReady(Duration.ofMinutes(3));
            out.printf("Started in %.1f s (pid %d, log %s)%n", (System.nanoTime() - started) / 1e9, app.pid(),
                    app.log());
            Thread.sleep(idleSeconds * 1000L);
            long idle = app.residentBytes();
            long idleHeap = app.heapAfterGcBytes();
            long idleAfterGc = app.residentBytes();
            out.printf("%nIdle on the demo after %d s: resident %s, heap after GC %s (resident after that GC %s)%n",
                    idleSeconds, mb(idle), mb(idleHeap), mb(idleAfterGc));
            verdicts.judge("idle with the demo: resident < 400 MB", idle < IDLE_TARGET, mb(idle));

            long soakPeak = soak(app);
            verdicts.judge("soak: resident peak <= 80% of the chart limit", soakPeak <= LIMIT_SHARE * limit,
                    mb(soakPeak) + " of " + mb(limit) + String.format(" (%.0f%%)", 100.0 * soakPeak / limit));

            long orgPeak = bigOrganisation(app, redis);
            verdicts.judge("big org + ego maps: resident <= 80% of the chart limit",
                    orgPeak >= 0 && orgPeak <= LIMIT_SHARE * limit, orgPeak < 0 ? "not measured: ego maps not served"
                            : mb(orgPeak) + " of " + mb(limit) + String.format(" (%.0f%%)", 100.0 * orgPeak / limit));
        }
        out.println(LoadAverage.line());
        verdicts.print(out);
    }

    private Map<String, String> withBenchSettings(Map<String, String> image, String redisUrl, Path data) {
        Map<String, String> environment = new LinkedHashMap<>(image);
        environment.putAll(Map.of("REDIS_URL", redisUrl, "HANDOFF_DEMO_MODE", "always", "HANDOFF_PLAYGROUND", "true",
                "HANDOFF_ADMIN_TOKEN", adminToken, "HANDOFF_DATA_DIR", data.toString()));
        return environment;
    }

    /** The soak; returns the highest resident memory seen. */
    private long soak(AppJvm app) throws Exception {
        String base = "http://127.0.0.1:" + app.port();
        String csrf = csrfToken(base);
        List<String> depot = peopleOf(base, "depot");
        List<String> ward = peopleOf(base, "ward");
        out.printf("%nSoak: %d commands/s for %d s from %d + %d demo people, a demo day every %d s%n", rate,
                soakSeconds, depot.size(), ward.size(), advanceEverySeconds);
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Random random = new Random(7);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long peak = 0;
        long start = System.nanoTime();
        long nextSample = 0;
        long nextAdvance = advanceEverySeconds;
        long sent = 0;
        out.println("  second  resident   commands ok / refused / failed   load");
        while (true) {
            long elapsedNanos = System.nanoTime() - start;
            if (elapsedNanos >= soakSeconds * 1_000_000_000L) {
                break;
            }
            long due = elapsedNanos * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                boolean atDepot = random.nextInt(3) > 0;
                String tenant = atDepot ? "depot" : "ward";
                List<String> who = atDepot ? depot : ward;
                String person = who.get(random.nextInt(who.size()));
                inFlight.add(send(base, csrf, tenant, person, random.nextInt(COMMANDS.size() + 2))
                        .thenAccept(status -> (status < 300 ? ok : status < 500 ? refused : failed).incrementAndGet())
                        .exceptionally(e -> {
                            failed.incrementAndGet();
                            return null;
                        }));
            }
            long second = elapsedNanos / 1_000_000_000L;
            if (second >= nextAdvance) {
                nextAdvance += advanceEverySeconds;
                for (String tenant : List.of("depot", "ward")) {
                    inFlight.add(post(base, csrf, "/playground/api/tenants/" + tenant + "/clock",
                            "{\"advance\":\"P1D\"}").exceptionally(e -> 0));
                }
            }
            if (histogram && second >= soakSeconds / 2) {
                histogram = false;
                out.println(app.histogram(15));
            }
            if (second >= nextSample) {
                nextSample += 10;
                long resident = app.residentBytes();
                peak = Math.max(peak, resident);
                out.printf("  %6d  %8s   %,d / %,d / %,d   %s%n", second, mb(resident), ok.get(), refused.get(),
                        failed.get(), LoadAverage.brief());
                inFlight.removeIf(CompletableFuture::isDone);
            }
            Thread.sleep(5);
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long resident = app.residentBytes();
        peak = Math.max(peak, resident);
        long heap = app.heapAfterGcBytes();
        out.printf("After the soak: %,d commands answered (%,d refused, %,d failed), resident %s, peak %s, heap after "
                + "GC %s%n", ok.get(), refused.get(), failed.get(), mb(resident), mb(peak), mb(heap));
        return peak;
    }

    private CompletableFuture<Integer> send(String base, String csrf, String tenant, String person, int pick) {
        String at = "/playground/api/tenants/" + tenant + "/people/" + person;
        if (pick == COMMANDS.size()) {
            return get(base + at + "/home");
        }
        if (pick == COMMANDS.size() + 1) {
            return get(base + at + "/inbox");
        }
        String command = tenant.equals("ward") && COMMANDS.get(pick).startsWith("journey") ? "journey"
                : COMMANDS.get(pick);
        return post(base, csrf, at + "/command", "{\"text\":\"" + command + "\"}");
    }

    private CompletableFuture<Integer> get(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private CompletableFuture<Integer> post(String base, String csrf, String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Origin", base)
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private String csrfToken(String base) throws IOException, InterruptedException {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("the playground page set no CSRF cookie"));
    }

    private List<String> peopleOf(String base, String tenant) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(base + "/playground/api/tenants/" + tenant + "/people")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        for (JsonNode person : JSON.readTree(response.body())) {
            ids.add(person.path("id").asString());
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no people in the demo tenant " + tenant + ": " + response.body());
        }
        return ids;
    }

    /**
     * Imports the synthetic organisation and serves ego maps from it; returns the highest resident memory seen, or -1
     * when not every ego map was served.
     */
    private long bigOrganisation(AppJvm app, BenchRedis redis) throws Exception {
        TenantId tenant = TenantId.of("bench-mem-" + Long.toString(System.currentTimeMillis(), 36));
        SyntheticOrg org = SyntheticOrg.generate(people, teams, edges, 20_260_105L);
        RedisGraphStore store = new RedisGraphStore(redis.client());
        long started = System.nanoTime();
        // the tenant's record too: the admin API answers 404 for a tenant without one
        store.saveTenant(new Tenant(tenant, "Bench memory", null, null, null, Instant.now()));
        for (Team team : org.teams()) {
            store.saveTeam(tenant, team);
        }
        for (Person person : org.people()) {
            store.savePerson(tenant, person);
        }
        store.importHandoffs(tenant, org.edges());
        out.printf("%nImported %,d people and %,d handoffs into %s in %.1f s (through the store, beside the app)%n",
                org.people().size(), org.edges().size(), tenant.value(), (System.nanoTime() - started) / 1e9);
        List<String> centres = new ArrayList<>();
        for (Handoff edge : org.edges()) {
            if (centres.size() == egoMaps) {
                break;
            }
            centres.add(edge.upstream().value());
        }
        long peak = app.residentBytes();
        int ok = 0;
        for (int i = 0; i < egoMaps; i++) {
            HttpResponse<Void> map = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + "/api/v1/tenants/" + tenant.value() + "/people/" + centres.get(i % centres.size())
                            + "/map?depth=2")).header("Authorization", "Bearer " + adminToken).build(),
                    HttpResponse.BodyHandlers.discarding());
            ok += map.statusCode() == 200 ? 1 : 0;
            if (i % 100 == 0) {
                peak = Math.max(peak, app.residentBytes());
            }
        }
        long resident = app.residentBytes();
        peak = Math.max(peak, resident);
        long heap = app.heapAfterGcBytes();
        out.printf("After %,d ego maps of depth 2 (%,d answered 200): resident %s, peak %s, heap after GC %s%n",
                egoMaps, ok, mb(resident), mb(peak), mb(heap));
        if (ok < egoMaps) {
            out.printf("  only %,d of %,d ego maps were served: the figure above is not the target's%n", ok, egoMaps);
            return -1;
        }
        redis.unlinkMatching(TenantKeys.key(tenant, "*"));
        return peak;
    }

    /** The environment of the Jib configuration ({@code MALLOC_ARENA_MAX} and the like), as the image sets it. */
    static Map<String, String> imageEnvironment(Path pom) throws Exception {
        NodeList environments = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getElementsByTagName("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < environments.getLength(); i++) {
            NodeList children = environments.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element variable) {
                    variables.put(variable.getTagName(), variable.getTextContent().trim());
                }
            }
        }
        return variables;
    }

    /** The {@code jvmFlag}s of the Jib configuration: the flags the container image starts the JVM with. */
    static List<String> imageJvmFlags(Path pom) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getElementsByTagName("jvmFlag");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            flags.add(nodes.item(i).getTextContent().trim());
        }
        if (flags.isEmpty()) {
            throw new IllegalStateException("no jvmFlag in " + pom);
        }
        return flags;
    }

    /** {@code resources.limits.memory} of the chart's values, in bytes. */
    @SuppressWarnings("unchecked")
    static long chartMemoryLimit(Path values) throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(values));
        Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) root.get("resources")).get("limits");
        Matcher quantity = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(String.valueOf(limits.get("memory")));
        if (!quantity.matches()) {
            throw new IllegalStateException("cannot read resources.limits.memory in " + values);
        }
        long unit = quantity.group(2) == null ? 1 : switch (quantity.group(2)) {
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return Long.parseLong(quantity.group(1)) * unit;
    }

    private static String mb(long bytes) {
        return String.format("%,.0f MB", bytes / 1024.0 / 1024.0);
    }
}
