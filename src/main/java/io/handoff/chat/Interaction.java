package io.handoff.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Something a person did in Slack or Teams, translated by the adapter into platform-neutral terms. */
public sealed interface Interaction {
    Actor actor();

    /** A text command: "/handoff customers" in Slack, "customers" typed to the bot in Teams, a DM to the bot. */
    record Command(Actor actor, String text) implements Interaction {
        public Command {
            Objects.requireNonNull(actor);
            text = text == null ? "" : text.strip();
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
