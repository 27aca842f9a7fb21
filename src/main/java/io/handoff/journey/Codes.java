package io.handoff.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Enum values by their lower-case, hyphenated codes ({@code game-over}); {@code GAME_OVER} and spaces read too. */
final class Codes {
    private Codes() {
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(type.getEnumConstants()).filter(e -> code(e).equals(wanted)).findFirst();
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map((Function<E, String>) Codes::code)
                .collect(Collectors.joining(", "));
    }
}
