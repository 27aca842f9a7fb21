package io.handoff.scim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Admin API (behind the admin token, like every {@code /api/v1} route): {@code POST
 * /api/v1/tenants/{tenant}/scim-token} issues the tenant's SCIM token and answers it once (201, never stored, never
 * logged); posting again rotates it; {@code DELETE} revokes it.
 */
@RestController
class ScimTokenController {
    private static final Logger log = LoggerFactory.getLogger(ScimTokenController.class);

    private final ScimTokens tokens;
    private final GraphStore graph;

    ScimTokenController(ScimTokens tokens, GraphStore graph) {
        this.tokens = tokens;
        this.graph = graph;
    }

    @Operation(operationId = "issueScimToken", summary = "Issues the tenant's SCIM token (answered once; posting again rotates it)")
    @PostMapping("/api/v1/tenants/{tenant}/scim-token")
    ResponseEntity<Map<String, String>> issue(@PathVariable String tenant) {
        TenantId id = existing(tenant);
        String token = tokens.issue(id);
        log.info("SCIM token issued for tenant {} (any earlier one no longer works)", id);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tenant", id.value());
        body.put("token", token);
        body.put("baseUrl", ScimRequests.base(id));
        body.put("note", "Shown once: store it in the identity provider now. Posting again rotates it.");
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @Operation(operationId = "revokeScimToken", summary = "Revokes the tenant's SCIM token")
    @DeleteMapping("/api/v1/tenants/{tenant}/scim-token")
    ResponseEntity<Void> revoke(@PathVariable String tenant) {
        TenantId id = existing(tenant);
        if (!tokens.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "tenant '" + id + "' has no SCIM token");
        }
        log.info("SCIM token revoked for tenant {}", id);
        return ResponseEntity.noContent().build();
    }

    private TenantId existing(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (graph.tenant(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no tenant '" + id + "'");
        }
        return id;
    }
}
