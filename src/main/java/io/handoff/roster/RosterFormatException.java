package io.handoff.roster;

/** The uploaded roster is not a CSV with the expected header; nothing was imported. */
public class RosterFormatException extends IllegalArgumentException {
    public RosterFormatException(String message) {
        super(message);
    }
}
