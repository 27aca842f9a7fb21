package io.handoff.scim;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;

import io.handoff.graph.GraphException;
import io.handoff.graph.Refusal;

/**
 * Every SCIM failure as a SCIM error body (RFC 7644 §3.12, {@code application/scim+json}): the SDK's
 * {@link ScimException}s with their status and {@code scimType}, the graph's refusals as 400 {@code invalidValue},
 * anything else as 500 with a reference only (logged at ERROR, never the exception's text).
 */
@RestControllerAdvice(assignableTypes = {ScimUsersController.class, ScimGroupsController.class,
        ScimDiscoveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {
    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> scim(ScimException e) {
        return body(e.getScimError());
    }

    @ExceptionHandler({Refusal.class, GraphException.class})
    ResponseEntity<String> refused(RuntimeException e) {
        return body(error(400, "invalidValue", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> fault(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("SCIM request failed (reference {})", reference, e);
        return body(error(500, null, "Handoff could not complete this request (reference " + reference + ")."));
    }

    static ErrorResponse error(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return error;
    }

    static ResponseEntity<String> body(ErrorResponse error) {
        return ResponseEntity.status(error.getStatus()).contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
                .cacheControl(CacheControl.noStore()).body(ScimJson.write(error));
    }

    /** The same body from inside the security filters. */
    static void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(ScimJson.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.getWriter().write(ScimJson.write(error(status, scimType, detail)));
    }
}
