package io.handoff.scim;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.handoff.graph.TenantId;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code /scim/v2/{tenant}/Groups}. {@code excludedAttributes=members} (Entra asks for it) leaves the member list out.
 */
@RestController
class ScimGroupsController {
    private static final String GROUPS = ScimRequests.BASE + "/Groups";

    private final ScimGroups groups;

    ScimGroupsController(ScimGroups groups) {
        this.groups = groups;
    }

    @Operation(operationId = "createScimGroup", summary = "Creates a group: a team of the tenant")
    @PostMapping(GROUPS)
    ResponseEntity<String> create(@PathVariable String tenant, @RequestBody(required = false) String body)
            throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        ObjectNode group = groups.create(id, ScimJson.object(body), ScimRequests.base(id));
        return ScimRequests.created(group, group.get("meta").get("location").asText());
    }

    @Operation(operationId = "listScimGroups", summary = "Lists groups, filtered by displayName or externalId eq, paged")
    @GetMapping(GROUPS)
    ResponseEntity<String> list(@PathVariable String tenant, @RequestParam(required = false) String filter,
                                @RequestParam(required = false) Integer startIndex,
                                @RequestParam(required = false) Integer count,
                                @RequestParam(required = false) String excludedAttributes) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(groups.list(id, filter, startIndex, count, ScimRequests.base(id),
                withoutMembers(excludedAttributes)));
    }

    @Operation(operationId = "getScimGroup", summary = "One group, with its members")
    @GetMapping(GROUPS + "/{group}")
    ResponseEntity<String> get(@PathVariable String tenant, @PathVariable String group,
                               @RequestParam(required = false) String excludedAttributes) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(groups.get(id, group, ScimRequests.base(id), withoutMembers(excludedAttributes)));
    }

    @Operation(operationId = "replaceScimGroup", summary = "Replaces a group and its members")
    @PutMapping(GROUPS + "/{group}")
    ResponseEntity<String> replace(@PathVariable String tenant, @PathVariable String group,
                                   @RequestBody(required = false) String body) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(groups.replace(id, group, ScimJson.object(body), ScimRequests.base(id)));
    }

    @Operation(operationId = "patchScimGroup", summary = "Renames a group or adds and removes members")
    @PatchMapping(GROUPS + "/{group}")
    ResponseEntity<String> patch(@PathVariable String tenant, @PathVariable String group,
                                 @RequestBody(required = false) String body) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(groups.patch(id, group, ScimJson.object(body), ScimRequests.base(id)));
    }

    @Operation(operationId = "deleteScimGroup", summary = "Deletes a group: the team stays, its members leave it")
    @DeleteMapping(GROUPS + "/{group}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String group) throws ScimException {
        groups.delete(ScimRequests.tenant(tenant), group);
        return ResponseEntity.noContent().build();
    }

    private static boolean withoutMembers(String excludedAttributes) {
        if (excludedAttributes == null) {
            return false;
        }
        for (String attribute : excludedAttributes.split(",")) {
            if (attribute.strip().equalsIgnoreCase("members")) {
                return true;
            }
        }
        return false;
    }
}
