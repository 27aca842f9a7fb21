package io.handoff.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;

/**
 * The embedded redis-server's config file, {@code embedded-redis.conf} in the data folder, written at each start of
 * the app and reused by every restart of the server: loopback only, the port chosen at start, the append-only file
 * fsynced on every write ({@code appendfsync always}: durability over throughput, so a write Redis acknowledged
 * survives a crash of the server or the machine), no RDB snapshots, and a pid file by which the next start finds a
 * server orphaned by a killed JVM.
 */
final class EmbeddedRedisConfig {
    static final String FILE = "embedded-redis.conf";
    static final String PID_FILE = "redis.pid";

    private EmbeddedRedisConfig() {
    }

    static Path write(Path folder, int port) throws IOException {
        String config = String.join("\n",
                "# Written by Handoff at each start of its embedded redis-server; changes are overwritten.",
                "bind 127.0.0.1",
                "port " + port,
                "dir " + quoted(folder.toString()),
                "pidfile " + quoted(folder.resolve(PID_FILE).toString()),
                "daemonize no",
                "logfile \"\"",
                "appendonly yes",
                "appendfsync always",
                "save \"\"",
                "");
        Path file = folder.resolve(FILE);
        Path partial = folder.resolve(FILE + ".partial");
        Files.writeString(partial, config, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The port in the folder's config file, if there is one: where an earlier run's server listened. */
    static OptionalInt recordedPort(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("port "))
                .map(line -> line.substring(5).strip())
                .filter(value -> value.matches("\\d{1,5}"))
                .mapToInt(Integer::parseInt)
                .findFirst();
    }

    /** A value as redis-server's config parser reads a double-quoted string. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
