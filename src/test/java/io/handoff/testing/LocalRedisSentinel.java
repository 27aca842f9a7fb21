package io.handoff.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Sentinel deployment on loopback: a password-protected primary, one replica of it and three sentinels
 * (quorum 2, a primary is down after 1 s without answers). Ready when the replica's link is up and every sentinel
 * knows the replica and the two other sentinels — the state in which a failover can happen.
 */
public final class LocalRedisSentinel implements AutoCloseable {
    public static final String MASTER_NAME = "handoff";
    public static final String PASSWORD = "s3ntinel-test-pw";

    private final Path dir;
    private final RedisServerProcess primary;
    private final RedisServerProcess replica;
    private final List<RedisServerProcess> sentinels;

    private LocalRedisSentinel(Path dir, RedisServerProcess primary, RedisServerProcess replica,
            List<RedisServerProcess> sentinels) {
        this.dir = dir;
        this.primary = primary;
        this.replica = replica;
        this.sentinels = List.copyOf(sentinels);
    }

    public static LocalRedisSentinel start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("handoff-redis-sentinel");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int[] ports = RedisServerProcess.freePorts(5);
        List<RedisServerProcess> started = new ArrayList<>();
        try {
            List<String> auth = List.of("--requirepass", PASSWORD, "--masterauth", PASSWORD);
            RedisServerProcess primary = RedisServerProcess.start("primary", ports[0], dir.resolve("primary"), null, auth);
            started.add(primary);
            List<String> replicaArgs = new ArrayList<>(auth);
            replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(ports[0])));
            RedisServerProcess replica = RedisServerProcess.start("replica", ports[1], dir.resolve("replica"), null,
                    replicaArgs);
            started.add(replica);
            replica.awaitUntil("is in sync with the primary", Duration.ofSeconds(20), () -> {
                try (Jedis jedis = replica.connect(PASSWORD)) {
                    return jedis.info("replication").contains("master_link_status:up");
                }
            });
            List<RedisServerProcess> sentinels = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path sentinelDir = Files.createDirectories(dir.resolve("sentinel-" + i));
                Path config = Files.writeString(sentinelDir.resolve("sentinel.conf"), String.join("\n",
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + ports[0] + " 2",
                        "sentinel auth-pass " + MASTER_NAME + " " + PASSWORD,
                        "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
                RedisServerProcess sentinel = RedisServerProcess.start("sentinel-" + i, ports[2 + i], sentinelDir,
                        config, List.of("--sentinel"));
                started.add(sentinel);
                sentinels.add(sentinel);
            }
            for (RedisServerProcess sentinel : sentinels) {
                sentinel.awaitUntil("knows the replica and the other sentinels", Duration.ofSeconds(30), () -> {
                    try (Jedis jedis = sentinel.connect()) {
                        return jedis.sentinelReplicas(MASTER_NAME).size() == 1
                                && jedis.sentinelSentinels(MASTER_NAME).size() == 2;
                    }
                });
            }
            return new LocalRedisSentinel(dir, primary, replica, sentinels);
        } catch (IOException | RuntimeException e) {
            started.forEach(RedisServerProcess::close);
            RedisServerProcess.deleteTree(dir);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** {@code redis-sentinel://:PASSWORD@127.0.0.1:s1,…/handoff} — the URL form the application reads. */
    public String url() {
        return "redis-sentinel://:" + PASSWORD + "@" + sentinels.stream().map(s -> "127.0.0.1:" + s.port())
                .collect(Collectors.joining(",")) + "/" + MASTER_NAME;
    }

    public RedisServerProcess primary() {
        return primary;
    }

    public RedisServerProcess replica() {
        return replica;
    }

    public List<RedisServerProcess> sentinels() {
        return sentinels;
    }

    /** The primary's address as the sentinels (each of them) report it now. */
    public List<HostAndPort> primaryAsSeenBySentinels() {
        List<HostAndPort> seen = new ArrayList<>();
        for (RedisServerProcess sentinel : sentinels) {
            try (Jedis jedis = sentinel.connect()) {
                List<String> address = jedis.sentinelGetMasterAddrByName(MASTER_NAME);
                seen.add(new HostAndPort(address.get(0), Integer.parseInt(address.get(1))));
            }
        }
        return seen;
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServerProcess::close);
        replica.close();
        primary.close();
        RedisServerProcess.deleteTree(dir);
    }
}
