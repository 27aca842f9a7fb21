package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/** An input of a {@link Form}. Ids are unique within the form and come back as keys of the submitted values. */
public sealed interface Field {
    String id();

    String label();

    boolean optional();

    /** Pick colleagues; submitted values are person ids (adapters translate platform user ids). */
    record PeoplePicker(String id, String label, boolean optional, List<String> initial) implements Field {
        public PeoplePicker {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            initial = initial == null ? List.of() : List.copyOf(initial);
        }
    }

    /** Pick one of several options; the submitted value is the option's value. */
    record Choice(String id, String label, boolean optional, List<Option> options, String initial) implements Field {
        public Choice {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            options = List.copyOf(options);
        }
    }

    /** Free text up to {@code maxLength} characters. */
    record TextInput(String id, String label, boolean optional, int maxLength, boolean multiline, String initial,
                     String hint) implements Field {
        public TextInput {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }
    }

    /** Literal text between inputs (no value). */
    record Note(String id, Paragraph text) implements Field {
        @Override
        public String label() {
            return "";
        }

        @Override
        public boolean optional() {
            return true;
        }
    }

    record Option(String label, String value) {
    }
}
