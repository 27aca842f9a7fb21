package io.handoff.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handoff's settings. Every value can come from the environment (see application.yml); secrets come only from it.
 *
 * @param redis      where the graph lives; an empty URL starts an embedded redis-server
 * @param dataDir    folder for the embedded redis-server's append-only file
 * @param adminToken bearer token for the admin read API (HANDOFF_ADMIN_TOKEN); generated per run when empty
 * @param demo       whether the sample organisation is loaded into the {@code demo} tenant
 * @param embeddedRedis how the embedded redis-server is supervised (restarts, backoff, timeouts)
 */
@ConfigurationProperties("handoff")
public record HandoffProperties(@DefaultValue Redis redis, @DefaultValue("./data") Path dataDir, String adminToken,
                                @DefaultValue Demo demo, @DefaultValue EmbeddedRedisSettings embeddedRedis) {

    /**
     * @param url            redis://, rediss://, redis-sentinel://…/master or redis-cluster://… (REDIS_URL)
     * @param timeout        connect and command timeout
     * @param maxConnections connection pool size
     */
    public record Redis(String url, @DefaultValue("2s") Duration timeout, @DefaultValue("32") int maxConnections) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** @param mode AUTO loads the sample organisation when no chat platform credentials are configured. */
    public record Demo(@DefaultValue("AUTO") DemoMode mode) {
    }

    public enum DemoMode { AUTO, ALWAYS, NEVER }
}
