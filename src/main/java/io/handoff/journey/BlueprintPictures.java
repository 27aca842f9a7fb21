package io.handoff.journey;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

import io.handoff.graph.TeamId;
import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapRenderer;

/**
 * A journey's blueprint as files: the picture in swim lanes ({@link BlueprintLanes}, laid out and drawn by the maps'
 * {@link MapRenderer}) as PNG or SVG, and its data as JSON, CSV or Mermaid ({@link BlueprintExports}).
 */
public final class BlueprintPictures {
    private final MapRenderer renderer;

    public BlueprintPictures(MapRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer);
    }

    /** A file: its name, media type and bytes. */
    public record File(String fileName, String mediaType, byte[] content) {
    }

    /** The blueprint as {@code format}; {@code teamName} names the front line's teams. */
    public File export(Blueprint blueprint, Function<TeamId, String> teamName, BlueprintFormat format) {
        String name = blueprint.journey().id().value() + "-blueprint." + format.extension();
        byte[] bytes = switch (format) {
            case PNG -> renderer.lanePng(BlueprintLanes.map(blueprint, teamName)); // kept while it is the same
            case SVG -> renderer.svgBytes(drawing(blueprint, teamName));
            case JSON -> BlueprintExports.json(blueprint, teamName).getBytes(StandardCharsets.UTF_8);
            case CSV -> BlueprintExports.csv(blueprint).getBytes(StandardCharsets.UTF_8);
            case MERMAID -> BlueprintExports.mermaid(blueprint, teamName).getBytes(StandardCharsets.UTF_8);
        };
        return new File(name, format.mediaType(), bytes);
    }

    public MapDrawing drawing(Blueprint blueprint, Function<TeamId, String> teamName) {
        DependencyMap lanes = BlueprintLanes.map(blueprint, teamName);
        return renderer.laneLayout(lanes);
    }
}
