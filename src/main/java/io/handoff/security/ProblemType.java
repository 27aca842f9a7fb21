package io.handoff.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of RFC 9457 problem Handoff answers with ({@code application/problem+json}), each with a stable
 * {@code type} URI under {@value #BASE} and its status; a client switches on the type, never on the detail's text.
 * The README's Admin API section documents each one (keep it in step).
 */
public enum ProblemType {
    /** A parameter, path segment or body the API refuses; the detail says what is wrong. */
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    /** Tenant settings refused: the extension {@code problems} lists every problem (strings). */
    INVALID_SETTINGS("invalid-settings", HttpStatus.BAD_REQUEST, "Invalid settings"),
    /** A journey definition refused: the extension {@code errors} lists {@code field} and {@code message}. */
    INVALID_JOURNEY("invalid-journey", HttpStatus.BAD_REQUEST, "Invalid journey"),
    /** A signal import refused whole: the extension {@code errors} lists {@code row}, {@code column}, {@code message}. */
    INVALID_SIGNALS("invalid-signals", HttpStatus.BAD_REQUEST, "Invalid signals"),
    /** No admin token, or a wrong one (with {@code WWW-Authenticate: Bearer}). */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    /** A route closed to this request, or a signed link altered or expired. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    /** The tenant, person, journey, dead letter or route named in the URL does not exist. */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** The request cannot be applied to the resource as it is now, e.g. an import into a tenant that has data. */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /**
     * A body above the endpoint's limit (roster 10 MB, journey 1 MB, signals HANDOFF_JOURNEYS_MAX_SIGNAL_BYTES, tenant
     * import HANDOFF_BACKUP_MAX_IMPORT_SIZE).
     */
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** A fault on Handoff's side: the extension {@code reference} names the ERROR log entry; never the exception. */
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    /** The store (Redis) is unreachable for now: retry later. */
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    /** The base of every type URI. */
    public static final String BASE = "https://handoff.dev/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A problem of this type with the detail a person can act on. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /**
     * Gives a problem Spring built (an unknown route, a wrong method, a parameter of the wrong type) the generic type
     * and title of its status; a problem that already has a type keeps it. Statuses without a type stay about:blank.
     */
    public static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            return problem;
        }
        of(HttpStatusCode.valueOf(problem.getStatus())).ifPresent(type -> {
            problem.setType(type.uri);
            problem.setTitle(type.title);
        });
        return problem;
    }

    /** The generic type of a status (the first declared with it), if there is one. */
    public static Optional<ProblemType> of(HttpStatusCode status) {
        return Arrays.stream(values()).filter(type -> type.status.value() == status.value()).findFirst();
    }
}
