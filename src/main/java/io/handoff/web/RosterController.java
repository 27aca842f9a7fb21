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

/** Roster upload: {@code POST /api/v1/tenants/{tenant}/roster} with a CSV body (email,name,team,manager_email). */
@RestController
class RosterController {
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final GraphStore store;
    private final RosterImport roster;

    RosterController(GraphStore store) {
        this.store = store;
        this.roster = new RosterImport(store);
    }

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
