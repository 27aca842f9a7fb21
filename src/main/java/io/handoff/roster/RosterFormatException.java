package io.handoff.roster;

import io.handoff.graph.Refusal;

/** The uploaded roster is not a CSV with the expected header; nothing was imported. */
class RosterFormatException extends Refusal {
    public RosterFormatException(String message) {
        super(message);
    }
}
