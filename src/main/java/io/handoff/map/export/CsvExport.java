package io.handoff.map.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapNode;

/** One row per arrow (RFC 4180); text cells that a spreadsheet would run as a formula are prefixed with '. */
public final class CsvExport implements MapExport {
    static final String[] HEADER = {"upstream_id", "upstream_name", "upstream_team", "downstream_id", "downstream_name",
            "downstream_team", "what", "frequency", "criticality", "status", "handoffs", "confirmed", "disputed",
            "pending", "health", "friction", "friction_respondents"};

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        Map<String, MapNode> nodes = map.nodesById();
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (MapEdge edge : map.edges()) {
                MapNode from = nodes.get(edge.from());
                MapNode to = nodes.get(edge.to());
                csv.printRecord(edge.from(), TextEscapes.csvCell(from.label()), team(map, from), edge.to(),
                        TextEscapes.csvCell(to.label()), team(map, to), TextEscapes.csvCell(edge.what()),
                        edge.frequency() == null ? "" : word(edge.frequency()), word(edge.criticality()),
                        edge.statusWord(), edge.handoffs(), edge.confirmed(), edge.disputed(), edge.pending(),
                        word(edge.health()),
                        edge.friction().map(f -> String.format(Locale.ROOT, "%.2f", f.score())).orElse(""),
                        edge.friction().map(f -> String.valueOf(f.respondents())).orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String team(DependencyMap map, MapNode node) {
        if (node.kind() == MapNode.Kind.TEAM) {
            return TextEscapes.csvCell(node.label());
        }
        return node.group() == null ? "" : map.group(node.group()).map(g -> TextEscapes.csvCell(g.name())).orElse("");
    }

    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
