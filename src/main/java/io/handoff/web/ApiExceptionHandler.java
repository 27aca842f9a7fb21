package io.handoff.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.handoff.backup.ImportTooLargeException;
import io.handoff.backup.TenantNotEmptyException;
import io.handoff.chat.FailureReference;
import io.handoff.graph.GraphException;
import io.handoff.graph.Refusal;
import io.handoff.graph.UnknownPersonException;
import io.handoff.journey.JourneyRefusal;
import io.handoff.journey.SignalRefusal;
import io.handoff.journey.UnknownJourneyException;
import io.handoff.map.MapBusyException;
import io.handoff.security.ProblemType;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Turns failures into RFC 9457 problem details ({@code application/problem+json}) with a stable {@link ProblemType}
 * and a message a person can act on; never a stack trace, never the text
 * of an exception that is not a refusal. Spring's own errors (unknown route, wrong method, bad parameter) are handled
 * by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, UnknownPersonException.class, UnknownJourneyException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemType.NOT_FOUND.problem(e.getMessage());
    }

    /** An import into a tenant that has data. */
    @ExceptionHandler(TenantNotEmptyException.class)
    ProblemDetail conflict(TenantNotEmptyException e) {
        return ProblemType.CONFLICT.problem(e.getMessage());
    }

    /** An import above {@code handoff.backup.max-import-size}. */
    @ExceptionHandler(ImportTooLargeException.class)
    ProblemDetail tooLarge(ImportTooLargeException e) {
        return ProblemType.PAYLOAD_TOO_LARGE.problem(e.getMessage());
    }

    /** A PNG (e.g. a journey's blueprint) not drawn: every drawing slot stayed taken; 503 with {@code Retry-After}. */
    @ExceptionHandler(MapBusyException.class)
    ResponseEntity<ProblemDetail> busy(MapBusyException e) {
        return MapExceptionHandler.busyResponse(e);
    }

    /** Input the API refuses ({@link Refusal}, its subtype {@code InvalidIdentifierException}, a graph refusal). */
    @ExceptionHandler({Refusal.class, GraphException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemType.INVALID_REQUEST.problem(e.getMessage());
    }

    /** A journey definition refused: the detail, and {@code errors} with each wrong field ({@code field}, {@code message}). */
    @ExceptionHandler(JourneyRefusal.class)
    ProblemDetail badJourney(JourneyRefusal e) {
        ProblemDetail problem = ProblemType.INVALID_JOURNEY.problem(e.getMessage());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    /** A signal import refused whole: {@code errors} lists each bad row ({@code row}, {@code column}, {@code message}). */
    @ExceptionHandler(SignalRefusal.class)
    ProblemDetail badSignals(SignalRefusal e) {
        ProblemDetail problem = ProblemType.INVALID_SIGNALS.problem(e.getMessage());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", p.row());
            row.put("column", p.column());
            row.put("message", p.message());
            return row;
        }).toList());
        return problem;
    }

    @ExceptionHandler(JedisConnectionException.class)
    ProblemDetail storeUnavailable(JedisConnectionException e) {
        log.error("Redis is unreachable", e);
        return ProblemType.UNAVAILABLE.problem(
                "the graph store is unreachable right now; try again shortly");
    }

    /**
     * A fault (any other exception, an {@code IllegalArgumentException} that is not a refusal included): logged with a
     * reference; the client reads only the reference (in the detail and the {@code reference} property).
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        return failed(log, "A request to the admin API", e);
    }

    /**
     * Spring's own refusals (an unknown route, a wrong method or media type, a parameter of the wrong type, a
     * {@code ResponseStatusException} such as 413) get the {@link ProblemType} of their status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && servlet.getResponse().isCommitted()) {
            // Typically a client that hung up while its answer was being written (a broken pipe): there is nobody to
            // answer, and the base class's WARN for each one drowned the log in a load test.
            log.debug("The answer was already on its way when this happened; nothing more to send: {}", e.toString());
            return null;
        }
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            ProblemType.typed(problem);
        }
        return answer;
    }

    /** The problem detail of a fault, logged with a new {@link FailureReference}. */
    static ProblemDetail failed(Logger log, String context, Throwable e) {
        FailureReference reference = FailureReference.logged(log, context, e);
        ProblemDetail problem = ProblemType.INTERNAL.problem(reference.apiDetail());
        problem.setProperty("reference", reference.id());
        return problem;
    }
}
