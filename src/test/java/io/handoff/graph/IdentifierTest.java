package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The identifier alphabet {@code [A-Za-z0-9][A-Za-z0-9._@+-]*}, at most 128 characters. */
class IdentifierTest {
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

    @Test
    void acceptsExactlyWhatTheAlphabetAllows() {
        for (char c = 0; c < 256; c++) {
            for (String candidate : new String[] {String.valueOf(c), "a" + c, "a" + c + "b"}) {
                assertThat(Identifier.isValid(candidate)).as("'%s' (char %d)", candidate, (int) c)
                        .isEqualTo(ALPHABET.matcher(candidate).matches());
            }
        }
        Random random = new Random(3);
        String characters = "aZ09._@+-{}: /\\,>é\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder candidate = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                candidate.append(characters.charAt(random.nextInt(characters.length())));
            }
            String value = candidate.toString();
            assertThat(Identifier.isValid(value)).as("'%s'", value)
                    .isEqualTo(!value.isEmpty() && ALPHABET.matcher(value).matches());
        }
    }

    @Test
    void refusesMissingTooLongAndUnsafeIdsWithAClearMessage() {
        assertThat(Identifier.require("person", "pat.okafor@acme")).isEqualTo("pat.okafor@acme");
        assertThat(Identifier.isValid("a".repeat(128))).isTrue();
        assertThat(Identifier.isValid("a".repeat(129))).isFalse();
        assertThatThrownBy(() -> Identifier.require("person", "")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("person id is missing");
        assertThatThrownBy(() -> Identifier.require("team", "{ops}")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("team id may contain only");
        assertThatThrownBy(() -> Identifier.require("team", "-ops")).isInstanceOf(InvalidIdentifierException.class);
    }
}
