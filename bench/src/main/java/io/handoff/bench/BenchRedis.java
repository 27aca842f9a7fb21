package io.handoff.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import io.handoff.config.EmbeddedRedis;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis the benchmark measures: the one at {@code REDIS_URL}, or else a redis-server of its own started from the
 * PATH on a free loopback port without persistence (or the embedded one when there is none on the PATH). The client
 * is a plain Jedis {@link RedisClient}, as the application uses, whose sockets count round trips.
 */
final class BenchRedis implements AutoCloseable {
    private final URI uri;
    private final String origin;
    private final boolean ours;
    private final AutoCloseable server;
    private final RoundTripCounter counter;
    private final UnifiedJedis client;

    private BenchRedis(URI uri, String origin, boolean ours, AutoCloseable server) {
        this.uri = uri;
        this.origin = origin;
        this.ours = ours;
        this.server = server;
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().timeoutMillis(30_000)
                .clientName("handoff-bench").ssl(JedisURIHelper.isRedisSSLScheme(uri));
        Optional.ofNullable(JedisURIHelper.getUser(uri)).ifPresent(config::user);
        Optional.ofNullable(JedisURIHelper.getPassword(uri)).ifPresent(config::password);
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        DefaultJedisClientConfig clientConfig = config.build();
        this.counter = new RoundTripCounter(new DefaultJedisSocketFactory(address, clientConfig));
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(4);
        this.client = RedisClient.builder().clientConfig(clientConfig)
                .connectionProvider(new PooledConnectionProvider(new ConnectionFactory(counter, clientConfig), pool))
                .build();
    }

    static BenchRedis open() throws IOException, InterruptedException {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new BenchRedis(URI.create(url.trim()), "REDIS_URL", false, () -> { });
        }
        if (onPath("redis-server")) {
            return startFromPath();
        }
        EmbeddedRedis embedded = EmbeddedRedis.start(Files.createTempDirectory("handoff-bench-redis"));
        return new BenchRedis(URI.create(embedded.url()), "embedded redis-server (append-only file on)", true, embedded);
    }

    private static BenchRedis startFromPath() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("handoff-bench-redis");
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "redis.log")).start();
        Thread stopper = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopper);
        URI local = URI.create("redis://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (UnifiedJedis probe = RedisClient.create(local)) {
                if ("PONG".equals(probe.ping())) {
                    return new BenchRedis(local, "redis-server from the PATH, no persistence", true, process::destroy);
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    UnifiedJedis client() {
        return client;
    }

    /** The server's URL, for another process (the application under test) to connect to. */
    String url() {
        return uri.toString();
    }

    RoundTripCounter counter() {
        return counter;
    }

    /** Where the server came from, for the report. */
    String origin() {
        return origin + " at " + uri.getHost() + ":" + uri.getPort();
    }

    /** True when the benchmark started the server itself (so it may run redis-benchmark against it). */
    boolean ours() {
        return ours;
    }

    int port() {
        return uri.getPort();
    }

    /** A field of INFO, e.g. {@code info("memory", "used_memory")}. */
    String info(String section, String field) {
        for (String line : client.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new IllegalStateException("INFO " + section + " has no " + field);
    }

    /** Microseconds the server has spent executing commands since its start (sum over INFO commandstats). */
    long commandMicros() {
        long total = 0;
        for (String line : client.info("commandstats").split("\r?\n")) {
            int at = line.indexOf(",usec=");
            if (line.startsWith("cmdstat_") && at > 0) {
                total += Long.parseLong(line.substring(at + 6, line.indexOf(',', at + 1)));
            }
        }
        return total;
    }

    /** Calls and microseconds per command since the server's start (INFO commandstats), by command name. */
    java.util.Map<String, long[]> commandStats() {
        java.util.Map<String, long[]> stats = new java.util.TreeMap<>();
        for (String line : client.info("commandstats").split("\r?\n")) {
            int calls = line.indexOf(":calls=");
            int usec = line.indexOf(",usec=");
            if (line.startsWith("cmdstat_") && calls > 0 && usec > 0) {
                stats.put(line.substring(8, calls), new long[] {Long.parseLong(line.substring(calls + 7, usec)),
                        Long.parseLong(line.substring(usec + 6, line.indexOf(',', usec + 1)))});
            }
        }
        return stats;
    }

    /**
     * "evalsha 2.0 × 31 µs, mget 1.0 × 120 µs, …": calls per {@code per} and server microseconds per call of each
     * command between two {@link #commandStats()} readings (commands called from scripts counted under the script).
     */
    static String commandStatsDelta(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int per) {
        StringBuilder text = new StringBuilder();
        after.forEach((command, now) -> {
            long[] then = before.getOrDefault(command, new long[2]);
            long calls = now[0] - then[0];
            if (calls > 0 && !command.equals("info") && !command.startsWith("slowlog") && !command.startsWith("config")) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format("%s %.1f × %.1f µs", command,
                        calls / (double) per, (now[1] - then[1]) / (double) calls));
            }
        });
        return text.toString();
    }

    /** Commands the server has executed since its start (sum over INFO commandstats). */
    long commandCalls() {
        long total = 0;
        for (String line : client.info("commandstats").split("\r?\n")) {
            int at = line.indexOf(":calls=");
            if (line.startsWith("cmdstat_") && at > 0) {
                total += Long.parseLong(line.substring(at + 7, line.indexOf(',', at)));
            }
        }
        return total;
    }

    /**
     * CPU seconds the server process has used since its start (INFO cpu, user + system), in microseconds: unlike the
     * command times, not inflated while the server waits for a core on a busy machine.
     */
    long cpuMicros() {
        double seconds = Double.parseDouble(info("cpu", "used_cpu_user")) + Double.parseDouble(info("cpu", "used_cpu_sys"));
        return Math.round(seconds * 1e6);
    }

    long usedMemory() {
        return Long.parseLong(info("memory", "used_memory"));
    }

    /** Unlinks every key matching the pattern (e.g. the benchmark tenant's) and says how many there were. */
    long unlinkMatching(String pattern) {
        long removed = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(1000);
        do {
            ScanResult<String> page = client.scan(cursor, params);
            List<String> keys = new ArrayList<>(page.getResult());
            if (!keys.isEmpty()) {
                removed += client.unlink(keys.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return removed;
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
