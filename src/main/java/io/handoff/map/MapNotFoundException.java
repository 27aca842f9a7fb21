package io.handoff.map;

/** The person or team a map was asked for does not exist in the tenant. */
public class MapNotFoundException extends MapRequestException {
    public MapNotFoundException(String message) {
        super(message);
    }
}
