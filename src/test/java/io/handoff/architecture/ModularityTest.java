package io.handoff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.HandoffApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of Handoff are the direct sub-packages of {@code io.handoff} (Spring Modulith's convention): a module's
 * top-level package is its API, its sub-packages are internal unless a {@code package-info.java} names them
 * ({@code @NamedInterface}). {@link #modulesHaveNoCyclesAndNoReachIntoInternals()} fails the build on a cycle between
 * modules or on a dependency on another module's internals; {@link #committedModuleDocsMatchTheCode()} keeps the
 * diagrams and canvases in {@code docs/modules} true.
 */
class ModularityTest {
    static final Path COMMITTED = Path.of("docs/modules");

    final ApplicationModules modules = ApplicationModules.of(HandoffApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachIntoInternals() {
        modules.verify();
    }

    /**
     * Generates the component diagrams (PlantUML) and the module canvases (AsciiDoc) and compares them with the
     * committed ones (line by line in any order: the Documenter's order is not stable). Run with {@code -Dhandoff.modules.write=true} to rewrite {@code docs/modules} after a change.
     */
    @Test
    void committedModuleDocsMatchTheCode() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        if (Boolean.getBoolean("handoff.modules.write")) {
            rewrite(generated);
        }
        assertThat(files(COMMITTED))
                .as("docs/modules is out of date: run ./mvnw -q -B test -Dtest=ModularityTest "
                        + "-Dhandoff.modules.write=true and commit docs/modules")
                .isEqualTo(files(generated));
    }

    /** Copies the generated files whose lines changed (only those: the order of lines is not stable). */
    private static void rewrite(Path generated) throws IOException {
        Map<String, String> committed = files(COMMITTED);
        Map<String, String> fresh = files(generated);
        Files.createDirectories(COMMITTED);
        for (String name : fresh.keySet()) {
            if (!fresh.get(name).equals(committed.get(name))) {
                Files.copy(generated.resolve(name), COMMITTED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String name : committed.keySet()) {
            if (!fresh.containsKey(name)) {
                Files.delete(COMMITTED.resolve(name));
            }
        }
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return contents;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                try {
                    contents.put(path.getFileName().toString(), sortedLines(Files.readString(path)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return contents;
    }

    /** The Documenter lists modules and relations in no stable order: compare the lines, not their order. */
    private static String sortedLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted()
                .collect(Collectors.joining("\n"));
    }
}
