package io.handoff.config;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.graph.GraphStore;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.redis.RedisClientFactory;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** Redis is the system of record: one client for the whole application, from REDIS_URL or the embedded server. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(HandoffProperties properties, ApplicationEventPublisher events,
                                      ObjectProvider<UnifiedJedis> redis) {
        if (!properties.redis().embedded()) {
            return new EmbeddedRedisHolder(Optional.empty());
        }
        return new EmbeddedRedisHolder(Optional.of(EmbeddedRedis.start(properties.dataDir(),
                properties.embeddedRedis(), new RedisAvailability(events, redis::getIfAvailable))));
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(HandoffProperties properties, EmbeddedRedisHolder embedded) {
        String url = embedded.server().map(EmbeddedRedis::url).orElse(properties.redis().url());
        return RedisClientFactory.create(url, properties.redis().timeout(), properties.redis().maxConnections());
    }

    @Bean
    GraphStore graphStore(UnifiedJedis redis) {
        RedisGraphStore store = new RedisGraphStore(redis);
        for (TenantId tenant : store.tenants()) {
            int moved = store.upgradeLegacyLayout(tenant);
            if (moved > 0) {
                log.info("Moved {} people of tenant {} to one adjacency string each (the graph layout before it "
                        + "had person, out, in and cards hashes)", moved, tenant.value());
            }
        }
        return store;
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis, ObjectProvider<EmbeddedRedisHolder> embedded) {
        return new RedisHealthIndicator(redis, embedded.getObject().server().isPresent());
    }

    /** The round-trip timer and the up gauge of Redis, pinged every 10 s. */
    @Bean
    RedisRoundTrip redisRoundTrip(UnifiedJedis redis, MeterRegistry meters) {
        return new RedisRoundTrip(redis, Duration.ofSeconds(10), meters);
    }

    /** Keeps the embedded server (when there is one) alive as long as the client that uses it. */
    record EmbeddedRedisHolder(Optional<EmbeddedRedis> server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server.isPresent()) {
                server.get().close();
            }
        }
    }
}
