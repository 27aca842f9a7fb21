package io.handoff.journey;

import java.util.List;
import java.util.Objects;

import io.handoff.graph.Text;
import io.handoff.graph.Refusal;

/** A step of the customer's journey ("Delivery"), with its touchpoints in order. */
public record Stage(String name, List<Touchpoint> touchpoints) {
    public static final int MAX_NAME = 200;
    public static final int MAX_TOUCHPOINTS = 50;

    public Stage {
        name = Text.require("stage name", name, MAX_NAME);
        touchpoints = List.copyOf(Objects.requireNonNullElse(touchpoints, List.of()));
        if (touchpoints.isEmpty()) {
            throw new Refusal("stage '" + name + "' needs at least one touchpoint");
        }
        if (touchpoints.size() > MAX_TOUCHPOINTS) {
            throw new Refusal("stage '" + name + "' may have at most " + MAX_TOUCHPOINTS + " touchpoints");
        }
    }
}
