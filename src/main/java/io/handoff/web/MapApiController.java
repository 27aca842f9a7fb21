package io.handoff.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.TenantId;
import io.handoff.map.DependencyMap;
import io.handoff.map.MapFormat;
import io.handoff.map.MapNotFoundException;
import io.handoff.map.MapScope;
import io.handoff.map.MapService;
import io.handoff.map.export.MapExporter;

/**
 * Maps for admins (bearer token, like the rest of /api/v1): {@code GET /api/v1/tenants/{tenant}/maps?scope=
 * person:pat|team:preload|org&depth=1..3&format=png|svg|dot|mermaid|csv|graphml|gexf|json|backstage|team-api}.
 */
@RestController
class MapApiController {
    private final MapService maps;
    private final MapExporter exporter;

    MapApiController(MapService maps, MapExporter exporter) {
        this.maps = maps;
        this.exporter = exporter;
    }

    @GetMapping("/api/v1/tenants/{tenant}/maps")
    ResponseEntity<byte[]> map(@PathVariable String tenant, @RequestParam(defaultValue = "org") String scope,
                               @RequestParam(required = false) String depth,
                               @RequestParam(defaultValue = "png") String format) {
        TenantId id = TenantId.of(tenant);
        MapFormat chosen = MapFormat.parse(format);
        MapScope parsed = MapScope.decode(depth == null || scope.strip().equals("org") ? scope
                : scope.strip() + ":" + MapScope.parseDepth(depth));
        if (!maps.tenantExists(id)) {
            throw new MapNotFoundException("no tenant '" + id + "'");
        }
        DependencyMap map = maps.build(id, parsed);
        MapExporter.ExportedFile file = exporter.export(id.value(), map, chosen);
        ContentDisposition disposition = (chosen.picture() || chosen == MapFormat.JSON
                ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(file.fileName()).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
