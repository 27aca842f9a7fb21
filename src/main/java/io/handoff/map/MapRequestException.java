package io.handoff.map;

/** A map was asked for in a way that cannot be answered; the message tells the person what to ask instead. */
public class MapRequestException extends RuntimeException {
    public MapRequestException(String message) {
        super(message);
    }
}
