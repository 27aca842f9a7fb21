package io.handoff.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the one {@link UnifiedJedis} the application uses from a URL:
 * <ul>
 *   <li>{@code redis://[user:password@]host:port[/db]} or {@code rediss://…} (TLS) — a single server;</li>
 *   <li>{@code redis-sentinel://[user:password@]host:port,host:port/masterName} — Sentinel;</li>
 *   <li>{@code redis-cluster://[user:password@]host:port,host:port} — Redis Cluster.</li>
 * </ul>
 * Append {@code ?tls=true} to the sentinel and cluster forms for TLS.
 */
public final class RedisClientFactory {
    private RedisClientFactory() {
    }

    public static UnifiedJedis create(String url, Duration timeout, int maxConnections) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a Redis URL is required");
        }
        String trimmed = url.trim();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("Redis URL must start with redis://, rediss://, redis-sentinel:// or redis-cluster://");
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase();
        Target target = Target.parse(trimmed.substring(schemeEnd + 3), scheme.equals("rediss"));
        JedisClientConfig config = target.clientConfig(timeout);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMaxWait(timeout);
        return switch (scheme) {
            case "redis", "rediss" -> RedisClient.builder().hostAndPort(target.single()).clientConfig(config)
                    .poolConfig(pool).build();
            case "redis-sentinel" -> RedisSentinelClient.builder().masterName(target.requireMaster())
                    .sentinels(target.hosts()).clientConfig(config).poolConfig(pool)
                    // The sentinels themselves speak TLS too when the URL asks for it (their own connections).
                    .sentinelClientConfig(DefaultJedisClientConfig.builder().ssl(target.tls())
                            .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis())
                            .build())
                    .build();
            case "redis-cluster" -> RedisClusterClient.builder().nodes(target.hosts()).clientConfig(config)
                    .poolConfig(pool).build();
            default -> throw new IllegalArgumentException("unsupported Redis URL scheme '" + scheme + "'");
        };
    }

    /** The parts of a Redis URL after the scheme. */
    record Target(Set<HostAndPort> hosts, String user, String password, String path, boolean tls) {

        static Target parse(String rest, boolean tls) {
            String query = "";
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            String user = null;
            String password = null;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String credentials = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = credentials.indexOf(':');
                user = colon < 0 ? null : decode(credentials.substring(0, colon));
                password = decode(colon < 0 ? credentials : credentials.substring(colon + 1));
                user = user == null || user.isEmpty() ? null : user;
            }
            int slash = rest.indexOf('/');
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            String hostList = slash < 0 ? rest : rest.substring(0, slash);
            Set<HostAndPort> hosts = new LinkedHashSet<>();
            for (String host : hostList.split(",")) {
                if (!host.isBlank()) {
                    URI parsed = URI.create("redis://" + host.trim());
                    if (parsed.getHost() == null) {
                        throw new IllegalArgumentException("cannot read a host from '" + host + "' in the Redis URL");
                    }
                    hosts.add(new HostAndPort(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort()));
                }
            }
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("the Redis URL names no host");
            }
            return new Target(hosts, user, password, path, tls || query.contains("tls=true"));
        }

        HostAndPort single() {
            if (hosts.size() != 1) {
                throw new IllegalArgumentException("redis:// takes one host; use redis-sentinel:// or redis-cluster:// for several");
            }
            return hosts.iterator().next();
        }

        String requireMaster() {
            if (path.isBlank()) {
                throw new IllegalArgumentException("redis-sentinel:// needs the master name as its path, e.g. redis-sentinel://h1:26379,h2:26379/mymaster");
            }
            return path;
        }

        JedisClientConfig clientConfig(Duration timeout) {
            DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                    .timeoutMillis((int) timeout.toMillis()).ssl(tls).clientName("handoff");
            if (user != null) {
                builder.user(user);
            }
            if (password != null) {
                builder.password(password);
            }
            if (!path.isBlank() && path.chars().allMatch(Character::isDigit)) {
                builder.database(Integer.parseInt(path));
            }
            return builder.build();
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
