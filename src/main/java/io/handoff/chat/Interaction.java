package io.handoff.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Something a person did in Slack or Teams, translated by the adapter into platform-neutral terms. */
public sealed interface Interaction {
    Actor actor();

    /**
     * A text command: "/handoff customers" in Slack, "customers" typed to the bot in Teams, a DM to the bot; said at
     * {@code place} (the adapter's platform, and the channel when it was said in one).
     */
    record Command(Actor actor, String text, Place place) implements Interaction {
        public Command {
            Objects.requireNonNull(actor);
            text = text == null ? "" : text.strip();
            place = place == null ? Place.UNKNOWN : place;
        }

        /** A command whose place nobody said ({@link Place#UNKNOWN}). */
        public Command(Actor actor, String text) {
            this(actor, text, Place.UNKNOWN);
        }
    }

    /** A button of a message or home view was pressed. */
    record ButtonPressed(Actor actor, Action action) implements Interaction {
        public ButtonPressed {
            Objects.requireNonNull(actor);
            Objects.requireNonNull(action);
        }
    }

    /**
     * A form was submitted. {@code values} maps field ids to the submitted values (people pickers: person ids; empty
     * list when left blank); {@code state} is the form's state as the core set it.
     */
    record FormSubmitted(Actor actor, String formId, String state, Map<String, List<String>> values)
            implements Interaction {
        public FormSubmitted {
            Objects.requireNonNull(actor);
            Objects.requireNonNull(formId);
            state = state == null ? "" : state;
            values = Map.copyOf(values);
        }

        public List<String> all(String fieldId) {
            return values.getOrDefault(fieldId, List.of());
        }

        public String first(String fieldId) {
            List<String> submitted = all(fieldId);
            return submitted.isEmpty() ? "" : submitted.get(0);
        }
    }
}
