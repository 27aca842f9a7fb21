package io.handoff.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.security.ProblemType;
import io.handoff.settings.InvalidSettingsException;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET/PUT /api/v1/tenants/{tenant}/settings}: every registered tenant setting (cadences, working days and hours,
 * privacy thresholds, weekly cap, digest channel, the managers' weekly report digest, and whatever a module declares
 * next) by its JSON name. PUT replaces all settings; a field left out takes its default. Unknown fields, values of the
 * wrong form and invalid values are refused with 400 and a problem detail that lists every problem.
 */
@RestController
@Tag(name = "Settings", description = "the tenant's settings (README: Tenant settings)")
@RequestMapping("/api/v1/tenants/{tenant}/settings")
class TenantSettingsController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphStore store;
    private final TenantSettingsStore settings;

    TenantSettingsController(GraphStore store, TenantSettingsStore settings) {
        this.store = store;
        this.settings = settings;
    }

    @Operation(operationId = "getSettings", summary = "Every tenant setting by its API field name")
    @GetMapping
    Map<String, Object> get(@PathVariable String tenant) {
        return settings.registry().toJson(settings.settings(existingTenant(tenant)));
    }

    @Operation(operationId = "putSettings", summary = "Replaces the settings; a field left out takes its default",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(type = "object", description = "settings by API field name, e.g. weeklyCap"))))
    @ApiResponse(responseCode = "200", description = "the settings as saved")
    @ApiResponse(responseCode = "400",
            description = "invalid-settings (every problem in `problems`), or not a JSON object")
    @PutMapping
    Map<String, Object> put(@PathVariable String tenant, @RequestBody JsonNode body) {
        TenantId id = existingTenant(tenant);
        if (body == null || !body.isObject()) {
            throw new Refusal("settings must be a JSON object with the fields " + settings.registry().jsonNames());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            fields.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
        }
        TenantSettings parsed = settings.registry().fromJson(fields);
        return settings.registry().toJson(settings.save(id, parsed));
    }

    @ExceptionHandler(InvalidSettingsException.class)
    ProblemDetail invalid(InvalidSettingsException e) {
        ProblemDetail problem = ProblemType.INVALID_SETTINGS.problem(
                "the settings were not saved: " + String.join("; ", e.problems()));
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemType.INVALID_REQUEST.problem(
                "the settings must be a JSON object with the fields " + settings.registry().jsonNames());
    }

    private TenantId existingTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return id;
    }
}
