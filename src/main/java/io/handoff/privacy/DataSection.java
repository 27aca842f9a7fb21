package io.handoff.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One part of what Handoff stores about a person: a title, readable lines, and the same data as a JSON-ready tree
 * ({@code data}: maps, lists, strings, numbers, booleans) for the export.
 */
public record DataSection(String title, List<String> lines, Map<String, Object> data) {
    public DataSection {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
