package io.handoff.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ways to write a protected path so that a prefix check on the raw request URI misses it while a lenient router
 * still reaches the handler: path parameters ({@code ;}) anywhere, percent-encoded unreserved characters
 * ({@code %76%31} for {@code v1}), encoded slashes and dots, doubled slashes, dot segments, backslashes, trailing
 * variants. Every variant of a protected path must be refused (400 from the firewall, or the family's own refusal).
 */
final class PathTricks {
    private PathTricks() {
    }

    /** The variants of {@code path} (which starts with / and has no query). */
    static List<String> of(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> tricks = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            tricks.add(join(segments, i, segments[i] + ";"));
            tricks.add(join(segments, i, segments[i] + ";x=1"));
            tricks.add(join(segments, i, encodeFirst(segments[i], false)));
            tricks.add(join(segments, i, encodeFirst(segments[i], true)));
            tricks.add(join(segments, i, encodeAll(segments[i])));
        }
        String first = "/" + segments[0];
        String rest = path.substring(first.length());
        tricks.add(";" + path);
        tricks.add(first + ";" + rest);
        tricks.add(first + "%2F" + rest.substring(1));
        tricks.add(first + "%2f" + rest.substring(1));
        tricks.add(first + "/%2e" + rest);
        tricks.add(first + "/%2E%2E" + path);
        tricks.add(first + "/." + rest);
        tricks.add(first + "/./" + rest.substring(1));
        tricks.add("/x/.." + path);
        tricks.add(first + "/x/.." + rest);
        tricks.add("/" + path);
        tricks.add(first + "/" + rest);
        tricks.add(first + "\\" + rest.substring(1));
        tricks.add(first + "%5C" + rest.substring(1));
        tricks.add(first + "%00" + rest);
        tricks.add(first + "%25" + rest);
        tricks.add(path + ";");
        tricks.add(path + ";jsessionid=1");
        tricks.add(path + "/.");
        tricks.add(path + "/..");
        tricks.add(path + "//");
        tricks.add(path + "%2F");
        tricks.add(path + "%2e");
        tricks.add(path + "%7E");
        tricks.remove(path);
        return new ArrayList<>(tricks);
    }

    private static String join(String[] segments, int replace, String with) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            out.append('/').append(i == replace ? with : segments[i]);
        }
        return out.toString();
    }

    /** The first character of the segment as %XX (unreserved characters only; that is the trick). */
    private static String encodeFirst(String segment, boolean lowerCase) {
        String hex = String.format("%%%02X", (int) segment.charAt(0));
        return (lowerCase ? hex.toLowerCase(Locale.ROOT) : hex) + segment.substring(1);
    }

    private static String encodeAll(String segment) {
        StringBuilder out = new StringBuilder();
        segment.chars().forEach(c -> out.append(String.format("%%%02X", c)));
        return out.toString();
    }
}
