package io.handoff.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.handoff.redis.RedisClientFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A real Redis Cluster on loopback: three masters ({@code redis-server --cluster-enabled yes}) on free ports, joined by
 * {@code redis-cli --cluster create … --cluster-yes}, ready when every node reports {@code cluster_state:ok} with all
 * 16384 slots assigned. {@link #shared()} is one cluster for the whole test JVM, stopped when it exits.
 */
public final class LocalRedisCluster implements AutoCloseable {
    private static LocalRedisCluster shared;

    private final Path dir;
    private final List<RedisServerProcess> nodes;
    private UnifiedJedis client;

    private LocalRedisCluster(Path dir, List<RedisServerProcess> nodes) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
    }

    /** The JVM-wide cluster, started on first use. */
    public static synchronized LocalRedisCluster shared() {
        if (shared == null) {
            shared = start(3);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static LocalRedisCluster start(int masters) {
        Path dir;
        try {
            dir = Files.createTempDirectory("handoff-redis-cluster");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int[] ports = RedisServerProcess.freePorts(masters * 2);
        List<RedisServerProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters; i++) {
                int port = ports[i];
                int busPort = ports[masters + i];
                nodes.add(RedisServerProcess.start("cluster-node-" + i, port, dir.resolve("node-" + port), null,
                        List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                                "--cluster-node-timeout", "2000", "--cluster-port", Integer.toString(busPort))));
            }
            LocalRedisCluster cluster = new LocalRedisCluster(dir, nodes);
            cluster.create();
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisServerProcess::close);
            throw e;
        }
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = dir.resolve("cluster-create.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-cli (apt-get install redis-tools): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (RedisServerProcess node : nodes) {
            node.awaitUntil("reports cluster_state:ok with every slot", Duration.ofSeconds(20), () -> {
                try (Jedis jedis = node.connect()) {
                    String info = jedis.clusterInfo();
                    return info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384")
                            && info.contains("cluster_known_nodes:" + nodes.size());
                }
            });
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…} — the URL form the application reads. */
    public String url() {
        return "redis-cluster://" + nodes.stream().map(node -> "127.0.0.1:" + node.port())
                .collect(Collectors.joining(","));
    }

    /** A cluster client built by the application's own {@link RedisClientFactory}; shared, do not close it. */
    public synchronized UnifiedJedis client() {
        if (client == null) {
            client = RedisClientFactory.create(url(), Duration.ofSeconds(5), 16);
        }
        return client;
    }

    public List<RedisServerProcess> nodes() {
        return nodes;
    }

    /** The node that serves {@code key}'s hash slot, asked from the cluster itself (CLUSTER KEYSLOT / SHARDS). */
    public RedisServerProcess ownerOf(String key) {
        try (Jedis any = nodes.get(0).connect()) {
            long slot = any.clusterKeySlot(key);
            for (RedisServerProcess node : nodes) {
                try (Jedis jedis = node.connect()) {
                    if (Arrays.stream(jedis.clusterNodes().split("\n"))
                            .filter(line -> line.contains("myself"))
                            .flatMap(line -> Arrays.stream(line.split(" ")).skip(8))
                            .anyMatch(range -> inRange(range, slot))) {
                        return node;
                    }
                }
            }
        }
        throw new IllegalStateException("no node owns the slot of " + key);
    }

    private static boolean inRange(String range, long slot) {
        if (range.startsWith("[")) {
            return false;
        }
        String[] bounds = range.split("-");
        long from = Long.parseLong(bounds[0]);
        long to = bounds.length > 1 ? Long.parseLong(bounds[1]) : from;
        return slot >= from && slot <= to;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        nodes.forEach(RedisServerProcess::close);
        RedisServerProcess.deleteTree(dir);
    }
}
