package io.handoff.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.core.ExecutableProvider;

/**
 * The local default: a real redis-server (the binary shipped inside com.github.codemonstur:embedded-redis) on a free
 * loopback port, persisting to an append-only file in the data folder so the graph survives a restart.
 * <ul>
 *   <li><b>Durability over throughput:</b> the server runs with {@code appendfsync always}, so every write Redis
 *   acknowledged is on disk when the answer leaves it, even if the server or the machine dies the next moment
 *   ({@link EmbeddedRedisConfig}). Use a Redis of your own (REDIS_URL) for another trade-off.</li>
 *   <li><b>Supervised:</b> if the server dies it is restarted on the same port and folder, replaying the append-only
 *   file; the listener hears of it to take readiness down and up, and to give up after repeated failures
 *   ({@link EmbeddedRedisSupervisor}).</li>
 *   <li><b>One server per folder:</b> the folder's {@code handoff.lock} is held while this runs, so a second app on
 *   the same folder fails fast ({@link DataFolderInUseException}); a server orphaned by a killed JVM is found by its
 *   pid file and stopped before a new one starts ({@link OrphanedRedisServer}).</li>
 * </ul>
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path folder;
    private final DataFolderLock lock;
    private final EmbeddedRedisSupervisor supervisor;
    private final int port;
    private boolean closed;

    private EmbeddedRedis(Path folder, DataFolderLock lock, EmbeddedRedisSupervisor supervisor, int port) {
        this.folder = folder;
        this.lock = lock;
        this.supervisor = supervisor;
        this.port = port;
    }

    /** Starts with the default supervision, stopped when the JVM exits normally (for tools such as the benchmark). */
    public static EmbeddedRedis start(Path dataDir) {
        EmbeddedRedis redis = start(dataDir, EmbeddedRedisSettings.defaults(), EmbeddedRedisListener.NONE);
        Runtime.getRuntime().addShutdownHook(new Thread(redis::closeQuietly, "embedded-redis-stop"));
        return redis;
    }

    /**
     * Locks the folder, stops an orphan left on it, starts the server and supervises it until {@link #close()}.
     *
     * @throws DataFolderInUseException if another process holds the folder
     */
    public static EmbeddedRedis start(Path dataDir, EmbeddedRedisSettings settings, EmbeddedRedisListener listener) {
        Path folder;
        DataFolderLock lock;
        try {
            folder = Files.createDirectories(dataDir).toAbsolutePath().normalize();
            lock = DataFolderLock.acquire(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use the data folder " + dataDir
                    + " (HANDOFF_DATA_DIR) for the embedded redis-server; set REDIS_URL to use your own Redis", e);
        }
        try {
            OrphanedRedisServer.stopIfRunning(folder, settings.stopTimeout());
            File binary = ExecutableProvider.newJarResourceProvider().get();
            int port = freePort();
            Path config = EmbeddedRedisConfig.write(folder, port);
            EmbeddedRedisSupervisor supervisor = new EmbeddedRedisSupervisor(
                    () -> EmbeddedRedisProcess.launch(present(binary), config, folder, port, settings.startTimeout()),
                    settings, listener);
            EmbeddedRedisProcess server = EmbeddedRedisProcess.launch(binary, config, folder, port,
                    settings.startTimeout());
            supervisor.watch(server);
            log.info("No REDIS_URL set: started embedded redis-server (pid {}) on 127.0.0.1:{} with its append-only "
                    + "file in {} (appendfsync always)", server.pid(), port, folder);
            return new EmbeddedRedis(folder, lock, supervisor, port);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new IllegalStateException("could not start the embedded redis-server in " + folder
                    + ": " + e.getMessage() + "; set REDIS_URL to use your own Redis", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    /** The pid of the redis-server running now (it changes when the supervisor restarts the server). */
    public long pid() {
        return supervisor.current().pid();
    }

    /** Stops supervising, stops the server (it flushes its append-only file) and releases the folder. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        lock.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded redis-server cleanly: {}", e.toString());
        }
    }

    private static void closeQuietly(DataFolderLock lock) {
        try {
            lock.close();
        } catch (IOException ignored) {
            // the start failure is what matters
        }
    }

    /** The extracted binary, extracted again if something (a temp folder cleaner) removed it meanwhile. */
    private static File present(File binary) throws IOException {
        return binary.canExecute() ? binary : ExecutableProvider.newJarResourceProvider().get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
