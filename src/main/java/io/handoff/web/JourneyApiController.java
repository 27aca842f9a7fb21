package io.handoff.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyDefinitions;
import io.handoff.journey.JourneyId;
import io.handoff.journey.JourneyProperties;
import io.handoff.journey.JourneyQueries;
import io.handoff.journey.Journeys;
import io.handoff.journey.SignalRows;
import io.handoff.journey.UnknownJourneyException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Customer journeys over the admin API (bearer token): {@code PUT/GET/DELETE /journeys/{id}} and the list, bodies in
 * JSON or YAML (answers in YAML too for {@code Accept: application/yaml}); customer signals
 * ({@code POST /journeys/{id}/signals}, CSV or JSON, all rows or none); the blueprint and a person's line of sight.
 */
@RestController
@Tag(name = "Journeys", description = "customer journeys, their signals and blueprints")
@RequestMapping("/api/v1/tenants/{tenant}")
class JourneyApiController {
    static final int MAX_DEFINITION_BYTES = 1_000_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final GraphStore store;
    private final Journeys journeys;
    private final JourneyQueries queries;
    private final JourneyProperties properties;

    JourneyApiController(GraphStore store, Journeys journeys, JourneyQueries queries, JourneyProperties properties) {
        this.store = store;
        this.journeys = journeys;
        this.queries = queries;
        this.properties = properties;
    }

    @Operation(operationId = "listJourneys", summary = "The journeys: id, name, customer and counts")
    @ApiResponse(responseCode = "200", description = "the journeys (YAML for `Accept: application/yaml`)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = JourneyViews.Summary.class))))
    @GetMapping("/journeys")
    ResponseEntity<?> list(@PathVariable String tenant,
                           @Parameter(hidden = true)
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        TenantId id = existingTenant(tenant);
        List<JourneyViews.Summary> summaries = journeys.journeys(id).stream()
                .map(j -> JourneyViews.Summary.of(j, journeys.owners(id, j))).toList();
        return answer(summaries, accept, HttpStatus.OK);
    }

    @Operation(operationId = "getJourney", summary = "A journey's definition, each touchpoint with `ownerless` and "
            + "`missingOwners`")
    @ApiResponse(responseCode = "200", description = "the definition (YAML for `Accept: application/yaml`)",
            content = @Content(schema = @Schema(type = "object")))
    @GetMapping("/journeys/{journey}")
    ResponseEntity<?> get(@PathVariable String tenant, @PathVariable String journey,
                          @Parameter(hidden = true)
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        TenantId id = existingTenant(tenant);
        Journey found = journeys.journey(id, JourneyId.of(journey))
                .orElseThrow(() -> new UnknownJourneyException(JourneyId.of(journey)));
        return answer(JourneyViews.journey(found, journeys.owners(id, found)), accept, HttpStatus.OK);
    }

    @Operation(operationId = "putJourney", summary = "Defines a journey (JSON, or YAML with `Content-Type: "
            + "application/yaml`)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string"))}))
    @ApiResponse(responseCode = "200", description = "updated or unchanged",
            content = @Content(schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "201", description = "new", content = @Content(schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "invalid-journey (each wrong field in `errors`), or a body that "
            + "is not JSON or YAML")
    @ApiResponse(responseCode = "413", description = "the body is larger than 1 MB")
    @PutMapping("/journeys/{journey}")
    ResponseEntity<?> put(@PathVariable String tenant, @PathVariable String journey,
                          @Parameter(hidden = true) HttpServletRequest request,
                          @Parameter(hidden = true)
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        TenantId id = existingTenant(tenant);
        JourneyId journeyId = JourneyId.of(journey);
        byte[] body = body(request, MAX_DEFINITION_BYTES);
        Object tree = parse(body, yaml(request.getContentType()));
        Journey definition = JourneyDefinitions.read(journeyId, tree);
        Journeys.Defined defined = journeys.define(id, definition);
        return answer(JourneyViews.journey(definition, journeys.owners(id, definition)), accept,
                defined == Journeys.Defined.CREATED ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @Operation(operationId = "deleteJourney", summary = "Removes a journey and its signals")
    @ApiResponse(responseCode = "204", description = "removed")
    @DeleteMapping("/journeys/{journey}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String journey) {
        TenantId id = existingTenant(tenant);
        JourneyId journeyId = JourneyId.of(journey);
        if (!journeys.delete(id, journeyId)) {
            throw new UnknownJourneyException(journeyId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "importSignals", summary = "Imports customer signals, all rows or none",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                        description = "header touchpoint,period,metric,value,sample_size,better")),
                @Content(mediaType = "application/json", schema = @Schema(type = "array"))}))
    @ApiResponse(responseCode = "200", description = "imported (`changed: 0` for a re-import)")
    @ApiResponse(responseCode = "400",
            description = "invalid-signals (each bad row in `errors`), or a body that is not CSV or JSON")
    @ApiResponse(responseCode = "413", description = "the body is larger than HANDOFF_JOURNEYS_MAX_SIGNAL_BYTES")
    @ApiResponse(responseCode = "415", description = "neither text/csv nor application/json")
    @PostMapping("/journeys/{journey}/signals")
    JourneyViews.ImportView importSignals(@PathVariable String tenant, @PathVariable String journey,
                                          @Parameter(hidden = true) HttpServletRequest request) throws IOException {
        TenantId id = existingTenant(tenant);
        JourneyId journeyId = JourneyId.of(journey);
        if (journeys.journey(id, journeyId).isEmpty()) {
            throw new UnknownJourneyException(journeyId);
        }
        byte[] body = body(request, properties.maxSignalBytes());
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Journeys.Imported imported;
        if (type.startsWith("text/csv") || type.startsWith("application/csv") || type.startsWith("text/plain")) {
            imported = journeys.importSignals(id, journeyId, j -> SignalRows.csv(j,
                    new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)));
        } else if (type.isEmpty() || type.startsWith("application/json")) {
            Object tree = parse(body, false);
            imported = journeys.importSignals(id, journeyId, j -> SignalRows.tree(j, tree));
        } else {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "send signals as text/csv or application/json");
        }
        return new JourneyViews.ImportView(journeyId.value(), imported.rows(), imported.changed());
    }

    @Operation(operationId = "listSignals", summary = "The journey's stored customer signals")
    @GetMapping("/journeys/{journey}/signals")
    List<JourneyViews.SignalView> signals(@PathVariable String tenant, @PathVariable String journey) {
        TenantId id = existingTenant(tenant);
        return journeys.signals(id, JourneyId.of(journey)).stream().map(JourneyViews.SignalView::of).toList();
    }

    @Operation(operationId = "getBlueprint", summary = "The journey's blueprint: per touchpoint its owners, front "
            + "stage and the backstage handoffs upstream")
    @ApiResponse(responseCode = "400", description = "depth is not 1 to 8, or an unknown format")
    @GetMapping("/journeys/{journey}/blueprint")
    JourneyViews.BlueprintView blueprint(@PathVariable String tenant, @PathVariable String journey,
                                         @Parameter(description = "how far upstream to walk, 1 to 8 "
                                                 + "(default HANDOFF_JOURNEYS_BLUEPRINT_DEPTH)")
                                         @RequestParam(required = false) String depth) {
        TenantId id = existingTenant(tenant);
        return JourneyViews.BlueprintView.of(queries.blueprint(id, JourneyId.of(journey), depth(depth)));
    }

    @Operation(operationId = "getLineOfSight", summary = "The touchpoints a person's work reaches, through whom")
    @ApiResponse(responseCode = "200", description = "the touchpoints reached, game-over moments first")
    @ApiResponse(responseCode = "400", description = "depth is not 1 to 8")
    @GetMapping("/people/{person}/line-of-sight")
    JourneyViews.LineOfSightView lineOfSight(@PathVariable String tenant, @PathVariable String person,
                                             @Parameter(description = "most handoffs away, 1 to 8")
                                             @RequestParam(required = false) String depth) {
        TenantId id = existingTenant(tenant);
        return JourneyViews.LineOfSightView.of(queries.lineOfSight(id, PersonId.of(person), depth(depth)));
    }

    private int depth(String depth) {
        if (depth == null) {
            return queries.depth();
        }
        try {
            return Integer.parseInt(depth.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("depth must be a whole number between 1 and 8");
        }
    }

    private static boolean yaml(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("yaml");
    }

    private static Object parse(byte[] body, boolean yaml) {
        if (body.length == 0) {
            throw new Refusal("the body is empty: send the journey as JSON or YAML");
        }
        try {
            return (yaml ? YAML : JSON).readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new Refusal("the body is not valid " + (yaml ? "YAML" : "JSON") + " (near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
    }

    private static byte[] body(HttpServletRequest request, long max) throws IOException {
        String limit = "the body may be at most " + max + " bytes";
        if (request.getContentLengthLong() > max) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, limit);
            }
            return bytes;
        }
    }

    private static ResponseEntity<?> answer(Object body, String accept, HttpStatus status) {
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml")) {
            return ResponseEntity.status(status).contentType(APPLICATION_YAML).body(YAML.writeValueAsString(body));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private TenantId existingTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return id;
    }
}
