package io.handoff.journey;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.handoff.graph.Text;
import io.handoff.graph.Refusal;

/**
 * Rows of a customer-signal import, as CSV (a header row {@code touchpoint,period,metric,value,sample_size,better})
 * or as a JSON list of objects with the same fields ({@code sampleSize} or {@code sample_size}). Every row is checked
 * against the journey; the rows come back only when all are good, else a {@link SignalRefusal} lists each bad one.
 * Row 1 is the first data row (the CSV header is not counted).
 */
public final class SignalRows {
    public static final List<String> COLUMNS = List.of("touchpoint", "period", "metric", "value", "sample_size", "better");
    public static final int MAX_ROWS = 20_000;
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private SignalRows() {
    }

    public static List<CustomerSignal> csv(Journey journey, Reader body) {
        List<Map<String, Object>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new SignalRefusal(List.of(new RowProblem(0, null, "the header row must name the columns "
                        + String.join(",", COLUMNS) + " (missing: " + String.join(", ", missing) + ")")));
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new SignalRefusal(List.of(new RowProblem(rows.size() + 1, null,
                            "an import may have at most " + MAX_ROWS + " rows")));
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                if (record.size() != header.size()) {
                    row.put("@width", record.size());
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Refusal("the CSV could not be read: it is malformed (check quotes)");
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal("the CSV could not be read: it is malformed (check quotes and the header row)");
        }
        return check(journey, rows, true);
    }

    /** A parsed JSON body: a list of row objects (or an object with a {@code signals} list). */
    public static List<CustomerSignal> tree(Journey journey, Object tree) {
        Object list = tree instanceof Map<?, ?> map && map.containsKey("signals") ? map.get("signals") : tree;
        if (!(list instanceof List<?> items)) {
            throw new SignalRefusal(List.of(new RowProblem(0, null,
                    "the body must be a list of signals (or an object with a signals list)")));
        }
        if (items.size() > MAX_ROWS) {
            throw new SignalRefusal(List.of(new RowProblem(MAX_ROWS + 1, null,
                    "an import may have at most " + MAX_ROWS + " rows")));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> row = new HashMap<>();
            if (item instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> row.put(String.valueOf(k).equals("sampleSize") ? "sample_size"
                        : String.valueOf(k), v));
            } else {
                row.put("@notObject", true);
            }
            rows.add(row);
        }
        return check(journey, rows, false);
    }

    private static List<CustomerSignal> check(Journey journey, List<Map<String, Object>> rows, boolean csv) {
        if (rows.isEmpty()) {
            throw new SignalRefusal(List.of(new RowProblem(0, null, "there are no rows to import")));
        }
        List<RowProblem> problems = new ArrayList<>();
        List<CustomerSignal> signals = new ArrayList<>();
        Map<String, Integer> firstRowOfSlot = new LinkedHashMap<>();
        Map<String, CustomerSignal> bySlot = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int number = i + 1;
            Map<String, Object> row = rows.get(i);
            if (row.containsKey("@notObject")) {
                problems.add(new RowProblem(number, null, "must be an object"));
                continue;
            }
            if (row.containsKey("@width")) {
                problems.add(new RowProblem(number, null, "has " + row.get("@width") + " columns, the header "
                        + "names " + COLUMNS.size()));
                continue;
            }
            int before = problems.size();
            TouchpointId touchpoint = field(number, "touchpoint", row, problems, text -> {
                TouchpointId id = TouchpointId.of(text);
                if (journey.touchpoint(id).isEmpty()) {
                    throw new Refusal("journey " + journey.id() + " has no touchpoint '" + id + "'");
                }
                return id;
            });
            SignalPeriod period = field(number, "period", row, problems, SignalPeriod::parse);
            String metric = field(number, "metric", row, problems, text -> Text.require("metric", text,
                    CustomerSignal.MAX_METRIC));
            Double value = field(number, "value", row, problems, text -> number(text, "value must be a number"));
            Long sample = field(number, "sample_size", row, problems, text -> {
                double n = number(text, "sample size must be a whole number");
                if (n != Math.rint(n) || n < 1 || n > CustomerSignal.MAX_SAMPLE) {
                    throw new Refusal("sample size must be a whole number from 1 to " + CustomerSignal.MAX_SAMPLE);
                }
                return (long) n;
            });
            Better better = field(number, "better", row, problems, text -> Better.parse(text)
                    .orElseThrow(() -> new Refusal("better must be higher or lower")));
            if (problems.size() > before) {
                continue;
            }
            CustomerSignal signal;
            try {
                signal = new CustomerSignal(touchpoint, period, metric, value, sample, better);
            } catch (Refusal e) {
                problems.add(new RowProblem(number, "value", e.getMessage()));
                continue;
            }
            CustomerSignal earlier = bySlot.putIfAbsent(signal.slot(), signal);
            if (earlier != null) {
                if (!earlier.equals(signal)) {
                    problems.add(new RowProblem(number, "metric", "row " + firstRowOfSlot.get(signal.slot())
                            + " already gives " + metric + " for " + touchpoint + " in " + period
                            + " with other figures"));
                }
                continue;
            }
            firstRowOfSlot.put(signal.slot(), number);
            signals.add(signal);
        }
        if (!problems.isEmpty()) {
            throw new SignalRefusal(problems);
        }
        return signals;
    }

    private interface Parse<T> {
        T apply(String text);
    }

    private static <T> T field(int row, String column, Map<String, Object> fields, List<RowProblem> problems,
                               Parse<T> parse) {
        Object raw = fields.get(column);
        String text = raw == null ? "" : String.valueOf(raw).strip();
        if (text.isEmpty()) {
            problems.add(new RowProblem(row, column, "is missing"));
            return null;
        }
        try {
            return parse.apply(text);
        } catch (Refusal e) {
            problems.add(new RowProblem(row, column, e.getMessage()));
            return null;
        }
    }

    private static double number(String text, String message) {
        String plain = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        if (plain.length() > 40 || !DECIMAL.matcher(plain).matches()) {
            throw new Refusal(message + " (was '" + shorten(text) + "')");
        }
        return Double.parseDouble(plain);
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
