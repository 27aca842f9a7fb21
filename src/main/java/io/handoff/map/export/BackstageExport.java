package io.handoff.map.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;

/**
 * Backstage catalog entities, one {@code Group} (kind Group, spec.type team) per team on the map. Backstage lets a
 * Group declare no dependencies of its own in {@code spec} (dependsOn is for Components and Resources), so the
 * handoffs go into {@code metadata.annotations} as entity references (group:default/&lt;name&gt;), which the catalog
 * keeps and plugins can read.
 */
public final class BackstageExport implements MapExport {
    static final String SUPPLIERS = "handoff.io/depends-on";
    static final String CUSTOMERS = "handoff.io/internal-customers";
    static final String CRITICAL = "handoff.io/critical-suppliers";

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        TeamLinks teams = TeamLinks.of(map);
        List<Object> documents = new ArrayList<>();
        teams.teams().forEach((id, name) -> {
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put(SUPPLIERS, refs(teams.suppliersOf(id).stream().map(TeamLinks.Link::upstream).toList()));
            annotations.put(CUSTOMERS, refs(teams.customersOf(id).stream().map(TeamLinks.Link::downstream).toList()));
            annotations.put(CRITICAL, refs(teams.suppliersOf(id).stream().filter(l -> l.critical() > 0)
                    .map(TeamLinks.Link::upstream).toList()));
            annotations.values().removeIf(v -> ((String) v).isEmpty());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", TextEscapes.backstageName(id));
            metadata.put("title", TextEscapes.xmlSafe(name));
            metadata.put("description", "Handoffs: " + teams.suppliersOf(id).size() + " supplying teams, "
                    + teams.customersOf(id).size() + " internal-customer teams (from Handoff)");
            if (!annotations.isEmpty()) {
                metadata.put("annotations", annotations);
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", "team");
            spec.put("children", List.of());
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("apiVersion", "backstage.io/v1alpha1");
            entity.put("kind", "Group");
            entity.put("metadata", metadata);
            entity.put("spec", spec);
            documents.add(entity);
        });
        return yaml().dumpAll(documents.iterator()).getBytes(StandardCharsets.UTF_8);
    }

    private static String refs(List<String> teamIds) {
        return teamIds.stream().map(id -> "group:default/" + TextEscapes.backstageName(id)).distinct()
                .collect(Collectors.joining(","));
    }

    static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options);
    }
}
