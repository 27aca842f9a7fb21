package io.handoff.journey;

/** The journey named does not exist (a 404 in the API). */
public class UnknownJourneyException extends RuntimeException {
    public UnknownJourneyException(JourneyId id) {
        super("there is no journey '" + id + "'");
    }
}
