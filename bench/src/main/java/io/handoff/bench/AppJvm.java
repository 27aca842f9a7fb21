package io.handoff.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a JVM of its own ({@code io.handoff.HandoffApplication} on the benchmark's class path), so that
 * its resident memory can be read from {@code /proc} and its heap from {@code jcmd}. Its output goes to a log file.
 */
final class AppJvm implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("(?i)heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;

    private AppJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app with these JVM flags and environment variables (PORT is chosen here). */
    static AppJvm start(List<String> jvmFlags, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("handoff-bench-app", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath(), "io.handoff.HandoffApplication"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        return new AppJvm(builder.start(), port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until readiness answers UP; fails with the log's tail when the app died or took too long. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; log " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not ready within " + timeout + "; log " + log);
    }

    /** Resident memory now, in bytes ({@code VmRSS} of {@code /proc/<pid>/status}). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** Heap in use right after a full GC, in bytes, through {@code jcmd} (GC.run, then GC.heap_info). */
    long heapAfterGcBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The top of {@code jcmd GC.class_histogram} (what fills the heap; it runs a full GC first). */
    String histogram(int lines) throws IOException, InterruptedException {
        return String.join(System.lineSeparator(), jcmd("GC.class_histogram").lines().limit(lines + 3L).toList());
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The application's runtime class path: the classes the bench profile compiled (where this class is, under
     * {@code target/bench/classes}) and the runtime dependencies that the profile's {@code dependency:build-classpath}
     * wrote beside them to {@code app-classpath.txt} (the benchmark's own class path under {@code exec:java} lacks the
     * runtime-scoped ones).
     */
    private static String classPath() throws IOException {
        Path classes;
        try {
            classes = Path.of(AppJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the benchmark's classes are", e);
        }
        Path listed = classes.resolveSibling("app-classpath.txt");
        if (!Files.exists(listed)) {
            throw new IllegalStateException(listed + " is missing: run the benchmark with ./mvnw -Pbench compile "
                    + "exec:java (the bench profile writes it)");
        }
        return classes.toAbsolutePath() + File.pathSeparator + Files.readString(listed).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
