package io.handoff.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.handoff.testing.TestRedis;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

class RedisClientFactoryTest {

    @Test
    void connectsToASingleServerFromItsUrl() {
        try (UnifiedJedis redis = RedisClientFactory.create(TestRedis.uri().toString(), Duration.ofSeconds(2), 4)) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void readsCredentialsDatabaseAndTlsFromTheUrl() {
        RedisClientFactory.Target target = RedisClientFactory.Target.parse("app:p%40ss@cache.internal:6380/2", true);

        assertThat(target.single()).isEqualTo(new HostAndPort("cache.internal", 6380));
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.tls()).isTrue();
        assertThat(target.clientConfig(Duration.ofSeconds(1)).getDatabase()).isEqualTo(2);
        assertThat(target.clientConfig(Duration.ofSeconds(1)).isSsl()).isTrue();
    }

    @Test
    void readsSentinelAndClusterNodeLists() {
        RedisClientFactory.Target sentinel = RedisClientFactory.Target.parse(":secret@s1:26379,s2:26380/mymaster", false);
        RedisClientFactory.Target cluster = RedisClientFactory.Target.parse("n1:7000,n2,n3:7002?tls=true", false);

        assertThat(sentinel.hosts()).containsExactly(new HostAndPort("s1", 26379), new HostAndPort("s2", 26380));
        assertThat(sentinel.requireMaster()).isEqualTo("mymaster");
        assertThat(sentinel.user()).isNull();
        assertThat(sentinel.password()).isEqualTo("secret");
        assertThat(cluster.hosts()).isEqualTo(Set.of(new HostAndPort("n1", 7000), new HostAndPort("n2", 6379),
                new HostAndPort("n3", 7002)));
        assertThat(cluster.tls()).isTrue();
    }

    @Test
    void explainsWhatIsWrongWithABadUrl() {
        for (List<String> badAndMessage : List.of(
                List.of("localhost:6379", "must start with"),
                List.of("memcached://localhost", "unsupported Redis URL scheme"),
                List.of("redis://a:1,b:2", "takes one host"),
                List.of("redis-sentinel://s1:26379", "master name"),
                List.of("redis://", "names no host"))) {
            assertThatThrownBy(() -> RedisClientFactory.create(badAndMessage.get(0), Duration.ofSeconds(1), 1))
                    .as(badAndMessage.get(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(badAndMessage.get(1));
        }
    }
}
