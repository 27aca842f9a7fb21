package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Text} refuses exactly the characters {@link Character#isISOControl(char)} calls control characters. */
class TextTest {
    @Test
    void refusesExactlyTheControlCharacters() {
        int refused = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String value = "a" + c + "b";
            if (Character.isISOControl(c)) {
                assertThatThrownBy(() -> Text.require("name", value, 10)).isInstanceOf(Refusal.class)
                        .hasMessage("name must not contain control characters or line breaks");
                refused++;
            } else {
                assertThat(Text.require("name", value, 10)).isEqualTo(value);
            }
        }
        assertThat(refused).isEqualTo(65);
    }
}
