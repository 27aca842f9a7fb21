package io.handoff.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.handoff.graph.GraphException;
import io.handoff.graph.InvalidIdentifierException;
import io.handoff.graph.UnknownPersonException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Turns failures into RFC 9457 problem details with a message a person can act on; never a stack trace. Spring's own
 * errors (unknown route, wrong method, bad parameter) are handled by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, UnknownPersonException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({InvalidIdentifierException.class, IllegalArgumentException.class, GraphException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(JedisConnectionException.class)
    ProblemDetail storeUnavailable(JedisConnectionException e) {
        log.error("Redis is unreachable", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the graph store is unreachable right now; try again shortly");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in the admin API", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "something went wrong on our side; the error has been logged");
    }
}
