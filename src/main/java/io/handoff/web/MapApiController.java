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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Maps for admins (bearer token, like the rest of /api/v1): {@code GET /api/v1/tenants/{tenant}/maps?scope=
 * person:pat|team:preload|org&depth=1..3&format=png|svg|dot|mermaid|csv|graphml|gexf|json|backstage|team-api}.
 */
@RestController
@Tag(name = "Maps", description = "dependency maps as pictures and files")
class MapApiController {
    private final MapService maps;
    private final MapExporter exporter;

    MapApiController(MapService maps, MapExporter exporter) {
        this.maps = maps;
        this.exporter = exporter;
    }

    @Operation(operationId = "getMap", summary = "A map of a person's, a team's or the whole org's handoffs")
    @ApiResponse(responseCode = "200", description = "the map in the chosen format", content = {
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "application/json", schema = @Schema(type = "object")),
        @Content(mediaType = "text/plain", schema = @Schema(type = "string",
                description = "dot, mermaid, csv, graphml, gexf and YAML formats, each with its own media type"))})
    @ApiResponse(responseCode = "400", description = "an unknown scope, depth or format")
    @GetMapping("/api/v1/tenants/{tenant}/maps")
    ResponseEntity<byte[]> map(@PathVariable String tenant,
                               @Parameter(description = "`org`, `person:<id>` or `team:<id>`")
                               @RequestParam(defaultValue = "org") String scope,
                               @Parameter(description = "1 to 3 (person and team scopes)")
                               @RequestParam(required = false) String depth,
                               @Parameter(description = "png, svg, dot, mermaid, csv, graphml, gexf, json, backstage or "
                                       + "team-api")
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
