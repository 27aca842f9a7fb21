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

/** {@code /scim/v2/{tenant}/Users} (RFC 7644 §3): the bodies are read and written with the SCIM SDK's mapper. */
@RestController
class ScimUsersController {
    private static final String USERS = ScimRequests.BASE + "/Users";

    private final ScimUsers users;

    ScimUsersController(ScimUsers users) {
        this.users = users;
    }

    @Operation(operationId = "createScimUser", summary = "Creates a user: a person of the tenant (linked by email to one who already exists)")
    @PostMapping(USERS)
    ResponseEntity<String> create(@PathVariable String tenant, @RequestBody(required = false) String body)
            throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        ObjectNode user = users.create(id, ScimJson.object(body), ScimRequests.base(id));
        return ScimRequests.created(user, user.get("meta").get("location").asText());
    }

    @Operation(operationId = "listScimUsers", summary = "Lists users, filtered by userName, externalId or emails.value eq, paged")
    @GetMapping(USERS)
    ResponseEntity<String> list(@PathVariable String tenant, @RequestParam(required = false) String filter,
                                @RequestParam(required = false) Integer startIndex,
                                @RequestParam(required = false) Integer count) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(users.list(id, filter, startIndex, count, ScimRequests.base(id)));
    }

    @Operation(operationId = "getScimUser", summary = "One user")
    @GetMapping(USERS + "/{user}")
    ResponseEntity<String> get(@PathVariable String tenant, @PathVariable String user) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(users.get(id, user, ScimRequests.base(id)));
    }

    @Operation(operationId = "replaceScimUser", summary = "Replaces a user")
    @PutMapping(USERS + "/{user}")
    ResponseEntity<String> replace(@PathVariable String tenant, @PathVariable String user,
                                   @RequestBody(required = false) String body) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(users.replace(id, user, ScimJson.object(body), ScimRequests.base(id)));
    }

    @Operation(operationId = "patchScimUser", summary = "Changes a user (Entra ID's and Okta's PATCH shapes; active false deprovisions)")
    @PatchMapping(USERS + "/{user}")
    ResponseEntity<String> patch(@PathVariable String tenant, @PathVariable String user,
                                 @RequestBody(required = false) String body) throws ScimException {
        TenantId id = ScimRequests.tenant(tenant);
        return ScimRequests.ok(users.patch(id, user, ScimJson.object(body), ScimRequests.base(id)));
    }

    @Operation(operationId = "deleteScimUser", summary = "Deletes a user: the person is deprovisioned, then goes by the tenant's retention")
    @DeleteMapping(USERS + "/{user}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String user) throws ScimException {
        users.delete(ScimRequests.tenant(tenant), user);
        return ResponseEntity.noContent().build();
    }
}
