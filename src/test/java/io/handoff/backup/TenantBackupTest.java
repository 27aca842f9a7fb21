package io.handoff.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.DemoStories;
import io.handoff.demo.DemoStory;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.Scheduler;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tenant export and import over real HTTP on the real test Redis (scheduler off, so nothing moves in between). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantBackupTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final int MAX_IMPORT = 2 * 1024 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.scheduler.enabled", () -> "false");
        registry.add("handoff.backup.max-import-size", () -> MAX_IMPORT + "B");
        registry.add("handoff.backup.batch-keys", () -> "7");
    }

    @LocalServerPort
    int port;
    @Autowired
    GraphStore graph;
    @Autowired
    DemoStories demo;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    Scheduler scheduler;

    @Test
    void theDemoTenantsSurviveExportWipeImportByteForByte() throws Exception {
        for (DemoStory story : DemoStory.values()) {
            wipe(story.tenant());
            demo.load(story, NOW);
            roundTrip(story.tenant());
        }
    }

    @Test
    void aGeneratedTenantWithEveryValueTypeExpiriesAndJobsSurvivesTheRoundTrip() throws Exception {
        TenantId tenant = TestRedis.uniqueTenant();
        SampleOrganisation.load(graph, tenant, NOW);
        redis.hset(TenantKeys.key(tenant, "prefs:pat"), Map.of("paused-until", "1764662400", "paused-at", "1"));
        redis.hset(TenantKeys.key(tenant, "settings"), "weekly-cap", "5");
        redis.zadd(TenantKeys.key(tenant, "nudges-sent:pat"), 1.764000000123E12, "prompt:story:pat");
        redis.zadd(TenantKeys.key(tenant, "nudges-sent:pat"), 0.5, "odd score");
        for (int i = 0; i < 30; i++) {
            redis.lpush(TenantKeys.key(tenant, "delivery-decisions"), "{\"n\":" + i + ",\"text\":\"ünïcode ⇥\"}");
        }
        redis.set(TenantKeys.key(tenant, "teams-no-chat:ada"), "app not installed");
        redis.pexpireAt(TenantKeys.key(tenant, "teams-no-chat:ada"), NOW.plusSeconds(3600).toEpochMilli());
        scheduler.schedule(Job.of(tenant, "backup-test:1", "test.nothing", "payload", NOW.plusSeconds(60)));
        redis.set(TenantKeys.key(tenant, "slack-away:pat"), "available");
        redis.srem("handoff:jobs:tenants", tenant.value());

        List<String> before = roundTrip(tenant);

        assertThat(String.join("\n", before)).contains("\"key\":\"teams-no-chat:ada\"", "\"expireAt\":",
                "\"key\":\"nudges-sent:pat\"", "\"key\":\"job:backup-test:1\"", "ünïcode ⇥");
        assertThat(String.join("\n", before)).as("an ephemeral cache is not exported").doesNotContain("slack-away");
        assertThat(redis.exists(TenantKeys.key(tenant, "slack-away:pat"))).isFalse();
        assertThat(redis.pexpireTime(TenantKeys.key(tenant, "teams-no-chat:ada")))
                .isEqualTo(NOW.plusSeconds(3600).toEpochMilli());
        assertThat(scheduler.tenants()).as("the scheduler polls the restored jobs again").contains(tenant);
        assertThat(scheduler.job(tenant, "backup-test:1")).isPresent();
    }

    @Test
    void anImportIsRefusedWithAClearMessageAndNothingWritten() throws Exception {
        TenantId tenant = TestRedis.uniqueTenant();
        SampleOrganisation.load(graph, tenant, NOW);
        String export = get(tenant).body();
        String[] lines = export.split("\n");

        HttpResponse<String> busy = post(tenant, export);
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(busy.body()).get("detail").asString()).contains("already has data");
        assertThat(JSON.readTree(busy.body()).get("type").asString()).isEqualTo("https://handoff.dev/problems/conflict");

        wipe(tenant);
        HttpResponse<String> version = post(tenant, export.replace("\"version\":1", "\"version\":2"));
        assertThat(version.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(version.body()).get("detail").asString())
                .isEqualTo("line 1: export format version 2 is not supported; this Handoff reads version 1; "
                        + "nothing was written");

        HttpResponse<String> otherTenant = post(TestRedis.uniqueTenant(), export);
        assertThat(otherTenant.statusCode()).isEqualTo(400);
        assertThat(otherTenant.body()).contains("the export is of tenant '" + tenant + "'");

        String foreign = lines[0] + "\n" + String.join("\n", Arrays.copyOfRange(lines, 1, 3)) + "\n"
                + "{\"key\":\"scim-token\",\"type\":\"string\",\"value\":\"hash\"}\n"
                + String.join("\n", Arrays.copyOfRange(lines, 3, lines.length)) + "\n";
        HttpResponse<String> outside = post(tenant, foreign);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outside.body()).get("detail").asString())
                .isEqualTo("line 4: key 'scim-token' is not in a key family a tenant export holds (secret); "
                        + "nothing was written");
        String unknown = foreign.replace("\"key\":\"scim-token\"", "\"key\":\"not-a-family\"");
        assertThat(JSON.readTree(post(tenant, unknown).body()).get("detail").asString())
                .isEqualTo("line 4: key 'not-a-family' is not in a key family a tenant export holds (unknown family "
                        + "'not-a-family'); nothing was written");

        String ephemeral = export.replace("\"key\":\"people\"", "\"key\":\"rate:slack\"");
        assertThat(post(tenant, ephemeral).body()).contains("(ephemeral)");

        String cut = String.join("\n", Arrays.copyOf(lines, lines.length - 1)) + "\n";
        assertThat(post(tenant, cut).body()).contains("ends without its trailer");

        assertThat(TestRedis.keysOf(tenant)).as("nothing written by any refused import").isEmpty();
        assertThat(graph.tenant(tenant)).isEmpty();

        assertThat(post(tenant, export).statusCode()).isEqualTo(200);
        assertThat(get(tenant).body().lines().skip(1).toList()).isEqualTo(export.lines().skip(1).toList());
    }

    @Test
    void anImportAboveTheLimitIs413AndAnUnknownTenant404() throws Exception {
        TenantId tenant = TestRedis.uniqueTenant();
        String big = "x".repeat(MAX_IMPORT + 1);

        HttpResponse<String> tooLarge = post(tenant, big);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("max-import-size");
        assertThat(JSON.readTree(tooLarge.body()).get("type").asString())
                .isEqualTo("https://handoff.dev/problems/payload-too-large");
        assertThat(get(tenant).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri(tenant, "export")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /** Export, wipe, import, export: the records are the same bytes, the registry is rebuilt; the first export. */
    private List<String> roundTrip(TenantId tenant) throws Exception {
        HttpResponse<String> first = get(tenant);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = first.body().lines().toList();
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("format").asString()).isEqualTo("handoff-tenant");
        assertThat(header.get("version").asInt()).isEqualTo(1);
        assertThat(header.get("tenant").asString()).isEqualTo(tenant.value());
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("records").asLong()).isEqualTo(lines.size() - 2L);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("{\"key\":\"adj:"));

        wipe(tenant);
        assertThat(graph.tenants()).doesNotContain(tenant);
        HttpResponse<String> restored = post(tenant, first.body());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(JSON.readTree(restored.body()).get("records").asLong()).isEqualTo(lines.size() - 2L);

        HttpResponse<String> second = get(tenant);
        String firstBody = first.body().substring(first.body().indexOf('\n'));
        String secondBody = second.body().substring(second.body().indexOf('\n'));
        assertThat(secondBody.getBytes(StandardCharsets.UTF_8)).isEqualTo(firstBody.getBytes(StandardCharsets.UTF_8));
        assertThat(graph.tenants()).as("the global registry is rebuilt").contains(tenant);
        assertThat(graph.tenant(tenant)).isPresent();
        return lines;
    }

    private void wipe(TenantId tenant) {
        List<String> keys = TenantExport.keys(redis, tenant);
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        redis.srem("handoff:tenants", tenant.value());
    }

    private HttpResponse<String> get(TenantId tenant) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(tenant, "export"))
                .header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(TenantId tenant, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(tenant, "import"))
                .header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(TenantId tenant, String what) {
        return URI.create("http://localhost:" + port + "/api/v1/tenants/" + tenant + "/" + what);
    }
}
