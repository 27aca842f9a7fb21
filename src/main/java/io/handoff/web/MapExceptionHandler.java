package io.handoff.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.handoff.graph.InvalidIdentifierException;
import io.handoff.map.MapBusyException;
import io.handoff.map.MapLinkException;
import io.handoff.map.MapNotFoundException;
import io.handoff.map.MapRequestException;
import io.handoff.security.ProblemType;

/**
 * Problem details for the map endpoints: 400 for a bad scope, depth or format, 404 for an unknown tenant, person or
 * team, 403 for a map link that was altered or has expired, 503 with {@code Retry-After} when every drawing slot
 * stayed taken for the wait limit. Ordered before the general handler.
 */
@RestControllerAdvice(assignableTypes = {MapApiController.class, MapPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MapExceptionHandler {

    @ExceptionHandler(MapBusyException.class)
    ResponseEntity<ProblemDetail> busy(MapBusyException e) {
        return busyResponse(e);
    }

    /** 503: the app sheds map requests it cannot draw soon; try again after {@code Retry-After} seconds. */
    static ResponseEntity<ProblemDetail> busyResponse(MapBusyException e) {
        ProblemDetail problem = ProblemType.UNAVAILABLE.problem(e.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(MapBusyException.RETRY_AFTER_SECONDS)).body(problem);
    }

    @ExceptionHandler(MapNotFoundException.class)
    ProblemDetail notFound(MapNotFoundException e) {
        return ProblemType.NOT_FOUND.problem(e.getMessage());
    }

    @ExceptionHandler({MapRequestException.class, InvalidIdentifierException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemType.INVALID_REQUEST.problem(e.getMessage());
    }

    @ExceptionHandler(MapLinkException.class)
    ProblemDetail forbidden(MapLinkException e) {
        return ProblemType.FORBIDDEN.problem(e.getMessage());
    }
}
