package io.handoff.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.roster.RosterImport;
import io.handoff.roster.RosterReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Roster upload: {@code POST /api/v1/tenants/{tenant}/roster} with a CSV body (email,name,team,manager_email). */
@RestController
@Tag(name = "Roster", description = "people and teams from a CSV")
class RosterController {
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final GraphStore store;
    private final RosterImport roster;

    RosterController(GraphStore store) {
        this.store = store;
        this.roster = new RosterImport(store);
    }

    @Operation(operationId = "importRoster", summary = "Imports people, teams and managers from a CSV "
            + "(email,name,team,manager_email); rows it cannot read are reported, not imported",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "what was imported, and each row that was not")
    @ApiResponse(responseCode = "400", description = "the body is not a roster CSV")
    @ApiResponse(responseCode = "413", description = "the body is larger than 10 MB")
    @ApiResponse(responseCode = "415", description = "not text/csv, application/csv or text/plain")
    @PostMapping(path = "/api/v1/tenants/{tenant}/roster", consumes = {"text/csv", "text/plain", "application/csv"})
    RosterReport importRoster(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "a roster may be at most 10 MB");
        }
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "a roster may be at most 10 MB");
            }
            return roster.importCsv(id, new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        }
    }
}
