package io.handoff.map.export;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapFormat;
import io.handoff.map.MapRenderer;

/** Every form of a map from one place: the pictures through {@link MapRenderer}, the rest through the exports. */
public final class MapExporter {
    private final MapRenderer renderer;
    private final Map<MapFormat, MapExport> exports = new EnumMap<>(MapFormat.class);

    public MapExporter(MapRenderer renderer) {
        this.renderer = renderer;
        exports.put(MapFormat.PNG, (map, drawing) -> renderer.png(map)); // laid out there, unless kept
        exports.put(MapFormat.SVG, (map, drawing) -> renderer.svg(drawing).getBytes(StandardCharsets.UTF_8));
        exports.put(MapFormat.DOT, new DotExport());
        exports.put(MapFormat.MERMAID, new MermaidExport());
        exports.put(MapFormat.CSV, new CsvExport());
        exports.put(MapFormat.GRAPHML, new GraphMlExport());
        exports.put(MapFormat.GEXF, new GexfExport());
        exports.put(MapFormat.JSON, new JsonExport());
        exports.put(MapFormat.BACKSTAGE, new BackstageExport());
        exports.put(MapFormat.TEAM_API, new TeamApiExport());
    }

    public MapRenderer renderer() {
        return renderer;
    }

    /** The map as a file, named after the tenant and scope, e.g. {@code handoff-map-demo-person-pat-2.png}. */
    public ExportedFile export(String tenant, DependencyMap map, MapFormat format) {
        MapDrawing drawing = needsLayout(format) ? renderer.layout(map) : null;
        byte[] content = exports.get(format).write(map, drawing);
        String suffix = format == MapFormat.BACKSTAGE ? "-backstage" : format == MapFormat.TEAM_API ? "-team-api" : "";
        String name = "handoff-map-" + tenant + "-" + map.scope().encode().replace(':', '-') + suffix + "."
                + format.extension();
        return new ExportedFile(name, format.mediaType(), content);
    }

    private static boolean needsLayout(MapFormat format) {
        return format == MapFormat.SVG || format == MapFormat.JSON;
    }

    /** A file ready to send or download. */
    public record ExportedFile(String fileName, String mediaType, byte[] content) {
    }
}
