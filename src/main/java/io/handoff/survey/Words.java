package io.handoff.survey;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.handoff.chat.Field;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Person;

/** How frequencies, criticalities and people are put into words, and the options the forms offer for them. */
final class Words {
    private Words() {
    }

    static String often(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> "daily";
            case WEEKLY -> "weekly";
            case MONTHLY -> "monthly";
            case AD_HOC -> "now and then";
        };
    }

    static String weight(Criticality criticality) {
        return switch (criticality) {
            case ROUTINE -> "routine";
            case IMPORTANT -> "important";
            case CRITICAL -> "critical";
        };
    }

    static List<Field.Option> frequencyOptions() {
        return List.of(new Field.Option("Daily", "daily"), new Field.Option("Weekly", "weekly"),
                new Field.Option("Monthly", "monthly"), new Field.Option("Ad hoc", "ad-hoc"));
    }

    static List<Field.Option> criticalityOptions() {
        return List.of(new Field.Option("No, it's routine", "routine"),
                new Field.Option("It hurts: important", "important"),
                new Field.Option("Yes, critical", "critical"));
    }

    static String value(Frequency frequency) {
        return frequency == Frequency.AD_HOC ? "ad-hoc" : frequency.name().toLowerCase(Locale.ROOT);
    }

    static String value(Criticality criticality) {
        return criticality.name().toLowerCase(Locale.ROOT);
    }

    static Optional<Frequency> frequency(String value) {
        for (Frequency frequency : Frequency.values()) {
            if (value(frequency).equals(value)) {
                return Optional.of(frequency);
            }
        }
        return Optional.empty();
    }

    static Optional<Criticality> criticality(String value) {
        for (Criticality criticality : Criticality.values()) {
            if (value(criticality).equals(value)) {
                return Optional.of(criticality);
            }
        }
        return Optional.empty();
    }

    /** The first word of a display name, for friendly short mentions ("waiting for Dana"). */
    static String firstName(Person person) {
        String name = person.displayName();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}
