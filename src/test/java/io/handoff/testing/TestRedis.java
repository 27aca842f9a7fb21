package io.handoff.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.handoff.graph.TenantId;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The real redis-server every Redis test talks to. CI starts one from Debian's package and passes its URL in
 * {@code HANDOFF_TEST_REDIS_URL}; without it, a redis-server found on the PATH is started once for the test run on a
 * free loopback port (no persistence) and stopped when the JVM exits. Tests isolate themselves with unique tenants.
 */
public final class TestRedis {
    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static URI uri;
    private static UnifiedJedis client;

    private TestRedis() {
    }

    public static synchronized URI uri() {
        if (uri == null) {
            uri = configured();
            if (uri == null) {
                uri = startLocalServer();
            }
        }
        return uri;
    }

    /**
     * A client shared by the tests of this JVM; do not close it. With the system property
     * {@code handoff.test.redis-topology=cluster} (the surefire execution "redis-cluster" sets it) it is a cluster
     * client of a local 3-master Redis Cluster ({@link LocalRedisCluster}) instead of the single server.
     */
    public static synchronized UnifiedJedis client() {
        if (client == null) {
            client = "cluster".equals(System.getProperty("handoff.test.redis-topology"))
                    ? LocalRedisCluster.shared().client()
                    : RedisClient.create(uri());
        }
        return client;
    }

    /** A tenant id no other test uses, so tests never see each other's data. */
    public static TenantId uniqueTenant() {
        return TenantId.of("test-" + RUN + "-" + TENANTS.incrementAndGet());
    }

    private static URI configured() {
        for (String value : new String[] {System.getProperty("handoff.test.redis-url"), System.getenv("HANDOFF_TEST_REDIS_URL")}) {
            if (value != null && !value.isBlank() && !value.startsWith("${")) {
                return URI.create(value.trim());
            }
        }
        return null;
    }

    private static URI startLocalServer() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("handoff-test-redis");
            Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "redis.log")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            URI local = URI.create("redis://127.0.0.1:" + port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                try (UnifiedJedis probe = RedisClient.create(local)) {
                    if ("PONG".equals(probe.ping())) {
                        return local;
                    }
                } catch (RuntimeException notYet) {
                    if (!process.isAlive()) {
                        break;
                    }
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log")
                    + ". Install it (apt-get install redis-server) or set HANDOFF_TEST_REDIS_URL.");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server from the PATH: install it (apt-get install "
                    + "redis-server) or set HANDOFF_TEST_REDIS_URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All keys of a tenant (for assertions about what a write left behind). */
    public static List<String> keysOf(TenantId tenant) {
        return client().keys("handoff:{" + tenant.value() + "}:*").stream().sorted().toList();
    }
}
