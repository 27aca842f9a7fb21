package io.handoff.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.node.JsonNodeFactory;

/** Writes a refusal as an RFC 9457 problem (application/problem+json), from inside the security filters. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.getWriter().write(JsonNodeFactory.instance.objectNode().put("type", "about:blank")
                .put("title", status.getReasonPhrase()).put("status", status.value()).put("detail", detail).toString());
    }
}
