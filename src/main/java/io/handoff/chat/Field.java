package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/**
 * An input of a {@link Form}. Ids are unique within the form and come back as keys of the submitted values. A
 * required field may say in words what is missing ({@code missing}, e.g. "Say how often you hand this over"), shown
 * by clients that check required fields before submitting; adapters word a general one when it is null.
 */
public sealed interface Field {
    String id();

    String label();

    boolean optional();

    /**
     * Pick colleagues; submitted values are person ids (adapters translate platform user ids). At most {@code max}
     * people (0: no limit said), which adapters say before submitting. {@code likely} are colleagues worth offering
     * without a search (people the person already hands work to or receives it from); adapters may add teammates.
     */
    record PeoplePicker(String id, String label, boolean optional, List<String> initial, List<String> likely,
                        int max, String missing) implements Field {
        public PeoplePicker {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            initial = initial == null ? List.of() : List.copyOf(initial);
            likely = likely == null ? List.of() : List.copyOf(likely);
            if (max < 0) {
                throw new IllegalArgumentException("max must not be negative");
            }
        }

        public PeoplePicker(String id, String label, boolean optional, List<String> initial) {
            this(id, label, optional, initial, List.of(), 0, null);
        }
    }

    /** Pick one of several options; the submitted value is the option's value. {@code hint} reads "Choose…". */
    record Choice(String id, String label, boolean optional, List<Option> options, String initial, String hint,
                  String missing) implements Field {
        public Choice {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            options = List.copyOf(options);
        }

        public Choice(String id, String label, boolean optional, List<Option> options, String initial) {
            this(id, label, optional, options, initial, null, null);
        }
    }

    /**
     * Pick any number of several options (none, one or more); the submitted values are the chosen options' values,
     * which must not contain a comma (Teams joins a multiple choice with commas). Adapters show at most 100 options
     * (Slack's limit for a select), so a form offers more only through another field.
     */
    record Choices(String id, String label, boolean optional, List<Option> options, List<String> initial,
                   String hint, String missing) implements Field {
        public static final int MAX_OPTIONS = 100;

        public Choices {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            options = List.copyOf(options);
            initial = initial == null ? List.of() : List.copyOf(initial);
            if (options.size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("at most " + MAX_OPTIONS + " options");
            }
            if (options.stream().anyMatch(o -> o.value().contains(","))) {
                throw new IllegalArgumentException("option values must not contain a comma");
            }
        }
    }

    /** Free text up to {@code maxLength} characters. */
    record TextInput(String id, String label, boolean optional, int maxLength, boolean multiline, String initial,
                     String hint, String missing) implements Field {
        public TextInput {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }

        public TextInput(String id, String label, boolean optional, int maxLength, boolean multiline, String initial,
                         String hint) {
            this(id, label, optional, maxLength, multiline, initial, hint, null);
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

    /**
     * The start of one group of inputs (the inputs about one person, say), titled {@code title}; the group runs to
     * the next section or the end of the form. Adapters draw it as a heading with a separator.
     */
    record Section(String id, Paragraph title) implements Field {
        public Section {
            Objects.requireNonNull(id);
            Objects.requireNonNull(title);
        }

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
