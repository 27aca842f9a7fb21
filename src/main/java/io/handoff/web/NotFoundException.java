package io.handoff.web;

/** The tenant, person or resource named in the URL does not exist. */
class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
        super(message);
    }
}
