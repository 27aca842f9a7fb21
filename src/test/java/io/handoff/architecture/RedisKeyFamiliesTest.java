package io.handoff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The key families a tenant's data lives under, as spelled in the code, are the ones docs/ARCHITECTURE.md lists in
 * its key tables, and the tenant prefix is spelled in one place ({@code io.handoff.graph.TenantKeys}). A family is a
 * key name's first segment after {@code handoff:{tenant}:} ({@code prefs} for {@code handoff:{acme}:prefs:pat}).
 */
class RedisKeyFamiliesTest {
    static final Path SOURCES = Path.of("src/main/java/io/handoff");
    static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");
    /** {@code TenantKeys.key(tenant, "prefs:" + …)}. */
    static final Pattern KEY_CALL = Pattern.compile("TenantKeys\\.key\\(\\s*[\\w.]+,\\s*\"([^\"]+)\"");
    /** {@code prefix + "people"} or {@code prefix(tenant) + "story:"} in a class holding {@code TenantKeys.prefix}. */
    static final Pattern AFTER_PREFIX = Pattern.compile("\\bprefix(?:\\(\\w+\\))? \\+ \"([^\"]+)\"");
    /** A row of a key table: {@code | `handoff:{acme}:prefs:pat` | …}. */
    static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `handoff:\\{[a-z]+}:([^`]+)`");
    /** Read once by the adjacency upgrade and then deleted; the document names them in its prose, spelled so. */
    static final Map<String, String> LEGACY = Map.of("person", "`person:`", "out", "`out:`", "in", "`in:`",
            "cards", "`cards`");

    @Test
    void theKeyFamiliesInTheCodeAreTheOnesTheArchitectureDocumentLists() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            collect(KEY_CALL.matcher(source), inCode);
            if (source.contains("TenantKeys.prefix(")) {
                collect(AFTER_PREFIX.matcher(source), inCode);
            }
        }
        String document = Files.readString(ARCHITECTURE);
        Set<String> documented = new TreeSet<>();
        collect(TABLE_ROW.matcher(document), documented);

        assertThat(inCode).as("key families used by the code").isNotEmpty().contains("prefs", "adj", "jobs");
        Set<String> current = new TreeSet<>(inCode);
        current.removeAll(LEGACY.keySet());
        assertThat(current).as("key families in the code vs. the key tables of docs/ARCHITECTURE.md")
                .isEqualTo(documented);
        assertThat(inCode).containsAll(LEGACY.keySet());
        assertThat(document).contains(LEGACY.values());
    }

    /** A module reads another module's data through a port, so no key family is spelled in two modules. */
    @Test
    void eachKeyFamilyBelongsToOneModule() throws IOException {
        Map<String, Set<String>> modulesByFamily = new TreeMap<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            String module = SOURCES.relativize(file).getName(0).toString();
            Set<String> families = new TreeSet<>();
            collect(KEY_CALL.matcher(source), families);
            if (source.contains("TenantKeys.prefix(")) {
                collect(AFTER_PREFIX.matcher(source), families);
            }
            families.forEach(family -> modulesByFamily.computeIfAbsent(family, f -> new TreeSet<>()).add(module));
        }

        assertThat(modulesByFamily).isNotEmpty();
        assertThat(modulesByFamily).as("key families spelled in more than one module")
                .allSatisfy((family, modules) -> assertThat(modules).as(family).hasSize(1));
    }

    @Test
    void onlyTenantKeysSpellsTheTenantPrefix() throws IOException {
        List<String> spelling = javaFiles().stream()
                .filter(file -> !file.endsWith(Path.of("graph/TenantKeys.java")))
                .filter(file -> read(file).contains("\"handoff:{\""))
                .map(Path::toString).toList();

        assertThat(spelling).as("classes spelling the tenant key prefix themselves").isEmpty();
    }

    private static void collect(Matcher matcher, Set<String> families) {
        while (matcher.find()) {
            String name = matcher.group(1);
            int colon = name.indexOf(':');
            families.add(colon < 0 ? name : name.substring(0, colon));
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
