package io.handoff.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.delivery.DeadLetter;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.Outbox;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Admin API over delivery (bearer token, see {@link AdminTokenFilter}): the dead letters and their replay, and the
 * latest delivery decisions (sent, deferred for quiet hours, capped, dropped).
 */
@RestController
@Tag(name = "Delivery", description = "dead letters and delivery decisions")
@RequestMapping("/api/v1/tenants/{tenant}")
class DeliveryAdminController {
    private final GraphStore store;
    private final Outbox outbox;
    private final DecisionLog decisions;

    DeliveryAdminController(GraphStore store, Outbox outbox, DecisionLog decisions) {
        this.store = store;
        this.outbox = outbox;
        this.decisions = decisions;
    }

    @Operation(operationId = "listDeadLetters", summary = "Messages and other jobs given up after their last failure")
    @ApiResponse(responseCode = "200", description = "the dead letters, newest first")
    @ApiResponse(responseCode = "400", description = "limit is not 1 to 1000")
    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters(@PathVariable String tenant,
                                 @Parameter(description = "most entries, 1 to 1000")
                                 @RequestParam(defaultValue = "100") int limit) {
        return outbox.deadLetters(existingTenant(tenant), checkedLimit(limit, 1000));
    }

    @Operation(operationId = "replayDeadLetter", summary = "Sends a dead letter again")
    @ApiResponse(responseCode = "202", description = "queued again")
    @ApiResponse(responseCode = "404", description = "no such tenant or dead letter")
    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<Map<String, String>> replay(@PathVariable String tenant,
                                               @Parameter(description = "the dead letter's id")
                                               @PathVariable String id) {
        TenantId tenantId = existingTenant(tenant);
        if (!outbox.replay(tenantId, id)) {
            throw new NotFoundException("no dead letter '" + id + "' in tenant '" + tenantId + "'");
        }
        return ResponseEntity.accepted().body(Map.of("id", id, "status", "queued"));
    }

    @Operation(operationId = "listDeliveryDecisions",
            summary = "Latest delivery decisions: sent, merged, deferred (and why), dropped")
    @ApiResponse(responseCode = "200", description = "the decisions, newest first")
    @ApiResponse(responseCode = "400", description = "limit out of range")
    @GetMapping("/delivery-decisions")
    List<DecisionLog.Entry> decisions(@PathVariable String tenant,
                                      @Parameter(description = "most entries, from 1")
                                      @RequestParam(defaultValue = "100") int limit) {
        return decisions.recent(existingTenant(tenant), checkedLimit(limit, DecisionLog.KEEP));
    }

    private static int checkedLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new Refusal("limit must be between 1 and " + max);
        }
        return limit;
    }

    private TenantId existingTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return id;
    }
}
