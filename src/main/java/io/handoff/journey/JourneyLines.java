package io.handoff.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.handoff.graph.Identifier;

/**
 * A journey's stages and touchpoints as lines a person can type in one text box, one touchpoint a line:
 * <pre>
 * Delivery | Parcel delivered | in person | game over | delivered
 * </pre>
 * stage, touchpoint, channel, weight and, optionally, the touchpoint's id (kept on an edit so its customer signals
 * stay with it; a new line gets one made from its name). Stages run in the order of their first line. Reading gives
 * the stages as the definition tree {@link JourneyDefinitions#read} takes, and remembers which line each touchpoint
 * came from so a problem is reported by line number.
 */
final class JourneyLines {
    static final String SEPARATOR = " | ";
    /** A text input of Slack holds 3,000 characters; the form says so. */
    static final int MAX_CHARACTERS = 3000;
    private static final Pattern PATH = Pattern.compile("^stages\\[(\\d+)](?:\\.touchpoints\\[(\\d+)])?(?:\\.(.*))?$");

    /** The stages as a definition tree, and for each stage and touchpoint index the line it came from (1-based). */
    record Read(List<Map<String, Object>> stages, List<List<Integer>> lines) {
        /** The line of {@code stages[s].touchpoints[t]…}, and what follows it, for a field problem's path. */
        Optional<String> lineOf(FieldProblem problem) {
            Matcher m = PATH.matcher(problem.field());
            if (!m.matches()) {
                return Optional.empty();
            }
            int s = Integer.parseInt(m.group(1));
            int t = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (s >= lines.size() || t >= lines.get(s).size()) {
                return Optional.empty();
            }
            String column = m.group(3) == null ? "" : m.group(2) == null ? "the stage " + m.group(3) + " "
                    : "the " + m.group(3).replaceFirst("^owners.*", "owner") + " ";
            return Optional.of("Line " + lines.get(s).get(t) + ": " + column + problem.message());
        }
    }

    private JourneyLines() {
    }

    /** The journey's touchpoints as lines, each with its id, in journey order. */
    static String format(Journey journey) {
        StringBuilder out = new StringBuilder();
        for (Stage stage : journey.stages()) {
            for (Touchpoint t : stage.touchpoints()) {
                out.append(clean(stage.name())).append(SEPARATOR).append(clean(t.name())).append(SEPARATOR)
                        .append(t.channel().code().replace('-', ' ')).append(SEPARATOR)
                        .append(t.weight().code().replace('-', ' ')).append(SEPARATOR).append(t.id().value())
                        .append('\n');
            }
        }
        return out.toString().strip();
    }

    /** A name with its bars turned into slashes, so it stays one column. */
    private static String clean(String name) {
        return name.replace('|', '/').replace('\n', ' ');
    }

    /**
     * Reads the lines; every line that cannot be read is a problem naming its line number ("Line 3: …"). Blank lines
     * are skipped. Touchpoints without an id get one from their name, unique within the journey.
     */
    static Read read(String text, List<String> problems) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        Set<String> explicit = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            int number = i + 1;
            if (cells.length < 4 || cells.length > 5) {
                problems.add("Line " + number + ": write stage | touchpoint | channel | weight (and, to keep a "
                        + "touchpoint, its id), with | only between them; this line has " + cells.length
                        + (cells.length == 1 ? " column" : " columns"));
                continue;
            }
            List<String> wrong = new ArrayList<>();
            if (cells[0].isEmpty()) {
                wrong.add("the stage is missing");
            }
            if (cells[1].isEmpty()) {
                wrong.add("the touchpoint's name is missing");
            }
            if (Channel.parse(cells[2]).isEmpty()) {
                wrong.add("the channel must be one of " + words(Channel.choices()));
            }
            if (Weight.parse(cells[3]).isEmpty()) {
                wrong.add("the weight must be one of " + words(Weight.choices()));
            }
            if (cells.length == 5 && !cells[4].isEmpty()) {
                if (!Identifier.isValid(cells[4])) {
                    wrong.add("the id '" + shorten(cells[4]) + "' may hold only letters, digits and . _ @ + - "
                            + "(at most 128), starting with a letter or digit");
                } else if (!explicit.add(cells[4])) {
                    wrong.add("the id " + cells[4] + " is already on an earlier line");
                }
            }
            if (!wrong.isEmpty()) {
                problems.add("Line " + number + ": " + String.join("; ", wrong));
                continue;
            }
            rows.add(cells);
            numbers.add(number);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("Write at least one touchpoint, e.g. Delivery | Parcel delivered | in person | game over");
        }
        Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
        Map<String, List<Integer>> stageLines = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(explicit);
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            String id = cells.length == 5 && !cells[4].isEmpty() ? cells[4] : freshId(cells[1], used);
            Map<String, Object> touchpoint = new LinkedHashMap<>();
            touchpoint.put("id", id);
            touchpoint.put("name", cells[1]);
            touchpoint.put("channel", cells[2]);
            touchpoint.put("weight", cells[3]);
            Map<String, Object> stage = stages.computeIfAbsent(cells[0], name -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", name);
                s.put("touchpoints", new ArrayList<Object>());
                return s;
            });
            @SuppressWarnings("unchecked")
            List<Object> touchpoints = (List<Object>) stage.get("touchpoints");
            touchpoints.add(touchpoint);
            stageLines.computeIfAbsent(cells[0], name -> new ArrayList<>()).add(numbers.get(r));
        }
        return new Read(new ArrayList<>(stages.values()), new ArrayList<>(stageLines.values()));
    }

    /** An id made from {@code name} ({@code Parcel delivered} → {@code parcel-delivered}), not among {@code used}. */
    static String freshId(String name, Set<String> used) {
        String base = slug(name).orElse("touchpoint");
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        used.add(id);
        return id;
    }

    /** Lower-case letters and digits of {@code text} joined by hyphens, at most 64 characters; empty if none. */
    static Optional<String> slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /** {@code in-person, phone} → {@code in person, phone}. */
    static String words(String codes) {
        return codes.replace('-', ' ');
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }
}
