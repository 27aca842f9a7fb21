package io.handoff.map;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads {@code tenant=id,email;tenant2=id}: who may see every map of a tenant. */
final class MapAdmins {
    private MapAdmins() {
    }

    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> admins = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return admins;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("HANDOFF_MAP_ADMINS entries look like tenant=person,email (was '"
                        + entry.strip() + "')");
            }
            List<String> people = Arrays.stream(entry.substring(eq + 1).split(","))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
            admins.put(entry.substring(0, eq).strip(), people);
        }
        return admins;
    }
}
