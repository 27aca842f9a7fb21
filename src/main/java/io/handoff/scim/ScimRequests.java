package io.handoff.scim;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;

import io.handoff.graph.Identifier;
import io.handoff.graph.TenantId;

/** What every SCIM controller shares: the tenant the token was checked for, the base URL, the response shape. */
final class ScimRequests {
    static final String BASE = "/scim/v2/{tenant}";

    private ScimRequests() {
    }

    /** The tenant in the path, which must be the one whose token authenticated the request. */
    static TenantId tenant(String tenant) throws ScimException {
        if (!Identifier.isValid(tenant)) {
            throw new ResourceNotFoundException("no such tenant");
        }
        TenantId id = TenantId.of(tenant);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !id.equals(authentication.getPrincipal())) {
            throw new UnauthorizedException("not the SCIM token of this tenant");
        }
        return id;
    }

    /** {@code https://host/scim/v2/<tenant>}, as the client addressed us. */
    static String base(TenantId tenant) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/" + tenant.value()).build()
                .toUriString();
    }

    static ResponseEntity<String> ok(Object body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE)).body(ScimJson.write(body));
    }

    static ResponseEntity<String> created(Object body, String location) {
        return ResponseEntity.created(URI.create(location)).contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
                .body(ScimJson.write(body));
    }
}
