package io.handoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.DemoStory;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import redis.clients.jedis.UnifiedJedis;

/**
 * A fresh machine with no configuration at all: the service starts its embedded redis-server with an append-only
 * file in the data folder and loads the sample organisation, so it is useful before anyone installs it anywhere.
 */
@SpringBootTest
class EmbeddedDefaultStartupTest {
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("handoff-data");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> "");
        registry.add("handoff.data-dir", DATA::toString);
        registry.add("handoff.demo.mode", () -> "auto");
        registry.add("handoff.playground.enabled", () -> "auto");
    }

    @Autowired
    GraphStore store;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    RedisHealthIndicator health;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void startsAnEmbeddedRedisWithAnAppendOnlyFileAndLoadsTheSampleOrganisation() {
        assertThat(redis.configGet("appendonly")).containsEntry("appendonly", "yes");
        assertThat(Path.of(redis.configGet("dir").get("dir"))).isEqualTo(DATA.toAbsolutePath().normalize());
        assertThat(health.health().getDetails()).containsEntry("embedded", true);
        assertThat(store.tenant(DemoStory.DEPOT.tenant())).isPresent();
        // the depot's 10 people and the two drivers of the journeys' friction story; the ward's 7 in a tenant of its own
        assertThat(store.graph(DemoStory.DEPOT.tenant()).people()).hasSize(10 + io.handoff.demo.SampleFriction.people().size());
        assertThat(store.graph(DemoStory.WARD.tenant()).people()).hasSize(7);
        assertThat(store.person(DemoStory.DEPOT.tenant(), PersonId.of("dana")).orElseThrow().displayName())
                .isEqualTo("Dana Kowalski");
        assertThat(context.containsBean("playgroundController"))
                .as("with no chat credentials the playground is on").isTrue();
        assertThat(DATA.resolve("admin-token")).as("the generated admin token is kept with the data").isNotEmptyFile();
        assertThat(context.getEnvironment().getProperty("logging.structured.format.console"))
                .as("a local run logs plain text; the container and the chart set HANDOFF_LOG_FORMAT=ecs").isBlank();
    }
}
