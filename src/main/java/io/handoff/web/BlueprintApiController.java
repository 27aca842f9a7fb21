package io.handoff.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.GraphStore;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.journey.Blueprint;
import io.handoff.journey.BlueprintFormat;
import io.handoff.journey.BlueprintPictures;
import io.handoff.journey.JourneyId;
import io.handoff.journey.JourneyQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A blueprint's exports over the admin API (bearer token):
 * {@code GET /api/v1/tenants/{tenant}/journeys/{id}/blueprint?format=json|csv|mermaid|svg|png}. Without
 * {@code format} the same path answers the blueprint's JSON view ({@link JourneyApiController}).
 */
@RestController
@Tag(name = "Journeys")
class BlueprintApiController {
    private final GraphStore store;
    private final JourneyQueries queries;
    private final BlueprintPictures pictures;

    BlueprintApiController(GraphStore store, JourneyQueries queries, BlueprintPictures pictures) {
        this.store = store;
        this.queries = queries;
        this.pictures = pictures;
    }

    @Operation(operationId = "getBlueprint")
    @ApiResponse(responseCode = "200", description = "the blueprint's JSON view, or with `format` a file (attachment)",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = "text/vnd.mermaid", schema = @Schema(type = "string")),
                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping(path = "/api/v1/tenants/{tenant}/journeys/{journey}/blueprint", params = "format")
    ResponseEntity<byte[]> export(@PathVariable String tenant, @PathVariable String journey,
                                  @Parameter(description = "json, csv, mermaid, svg or png: the blueprint as a file")
                                  @RequestParam String format) {
        BlueprintFormat chosen = BlueprintFormat.parse(format).orElseThrow(() -> new Refusal(
                "format must be one of " + BlueprintFormat.words()));
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        Blueprint blueprint = queries.blueprint(id, JourneyId.of(journey), queries.depth());
        OrgGraph org = store.graph(id);
        BlueprintPictures.File file = pictures.export(blueprint, org::teamName, chosen);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .body(file.content());
    }
}
