package io.handoff.map;

import io.handoff.graph.Refusal;

/**
 * Every drawing slot stayed taken for longer than {@code handoff.maps.draw-wait}: the map is not drawn, and the person
 * is asked to try again later (chat shows the text; the API answers 503 with {@code Retry-After}). A refusal, not a
 * fault: nothing is wrong with the request, the app sheds load instead of queueing without bound.
 */
public class MapBusyException extends Refusal {
    /** What the person reads. */
    public static final String TEXT = "Busy drawing other maps — try again in a minute";
    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 60;

    public MapBusyException() {
        super(TEXT);
    }
}
