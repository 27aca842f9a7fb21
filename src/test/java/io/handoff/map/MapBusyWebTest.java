package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.security.ProblemType;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The admin API's PNG map while every drawing slot of the app stays taken past {@code HANDOFF_MAP_DRAW_WAIT}: a 503
 * problem with {@code Retry-After}, the busy text and no stack trace, and the same map is served once a slot is free.
 * (Lives beside {@link PixelBudget} to hold the app's slots; the request goes over real HTTP.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapBusyWebTest {
    private static final String TOKEN = "test-admin-token-busy-0123456789";
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.draw-wait", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    @Timeout(120)
    void aPngMapThatCannotGetADrawingSlotIs503WithRetryAfterAndIsServedOnceASlotIsFree() throws Exception {
        String path = "/api/v1/tenants/" + TENANT + "/maps?scope=person:pat&depth=2&format=png";
        HttpResponse<byte[]> busy;
        List<PixelBudget.Lease> everySlot = new ArrayList<>();
        try {
            for (int slot = 0; slot < Runtime.getRuntime().availableProcessors(); slot++) {
                everySlot.add(PixelBudget.HEAP.take(1));
            }
            busy = get(path);
        } finally {
            everySlot.forEach(PixelBudget.Lease::close);
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After"))
                .hasValue(Integer.toString(MapBusyException.RETRY_AFTER_SECONDS));
        assertThat(busy.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(busy.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemType.UNAVAILABLE.uri().toString());
        assertThat(problem.get("detail").asString()).isEqualTo(MapBusyException.TEXT);
        assertThat(new String(busy.body())).doesNotContain("Exception").doesNotContain("at io.handoff");

        HttpResponse<byte[]> drawn = get(path);
        assertThat(drawn.statusCode()).isEqualTo(200);
        assertThat(drawn.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(drawn.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
