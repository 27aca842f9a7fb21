package io.handoff.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Writes a refusal as an RFC 9457 problem (application/problem+json) of a {@link ProblemType}, from inside the
 * security filters, where no controller advice runs.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    /** A problem of the status's generic type ({@code about:blank} for a status without one). */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemType type = ProblemType.of(status).orElse(null);
        write(response, status, type == null ? "about:blank" : type.uri().toString(),
                type == null ? status.getReasonPhrase() : type.title(), detail);
    }

    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        write(response, type.status(), type.uri().toString(), type.title(), detail);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
                              String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.getWriter().write(JsonNodeFactory.instance.objectNode().put("type", type).put("title", title)
                .put("status", status.value()).put("detail", detail).toString());
    }
}
