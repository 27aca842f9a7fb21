package io.handoff.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.handoff.graph.InvalidIdentifierException;
import io.handoff.map.MapLinkException;
import io.handoff.map.MapNotFoundException;
import io.handoff.map.MapRequestException;
import io.handoff.security.ProblemType;

/**
 * Problem details for the map endpoints: 400 for a bad scope, depth or format, 404 for an unknown tenant, person or
 * team, 403 for a map link that was altered or has expired. Ordered before the general handler.
 */
@RestControllerAdvice(assignableTypes = {MapApiController.class, MapPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MapExceptionHandler {

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
