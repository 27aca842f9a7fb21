package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.T0;
import static io.handoff.survey.SurveyFixture.id;
import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Outcome;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Side;

/** pause / resume and the preferences the nudge scheduler reads. */
class PauseTest {
    private final SurveyFixture f = new SurveyFixture();

    private Map<String, String> prefsHash(String person) {
        return f.redis.hgetAll("handoff:{" + f.tenant.value() + "}:prefs:" + person);
    }

    @Test
    void thePauseEndsAtATimeReadInThePersonsOwnZone() {
        f.graph.savePerson(f.tenant, new io.handoff.graph.Person(id("kai"), "Kai Tanaka", "kai@depot.example",
                io.handoff.graph.TeamId.of("drivers"), java.time.ZoneId.of("America/New_York"), Map.of()));

        Outcome outcome = f.command("kai", "pause 3 days");

        // 08:00 UTC on 5 Nov is 03:00 in New York (EST since 1 Nov)
        assertThat(text(shown(outcome))).startsWith("Paused until 5 Nov 2026, 03:00 EST.");
        assertThat(f.preferences.describe(f.tenant, id("kai")).get(0).lines())
                .containsExactly("Questions and reminders paused until 5 Nov 2026, 03:00 EST.");
    }

    @Test
    void pausesForTwoWeeksByDefault() {
        Outcome outcome = f.command("pat", "pause");

        assertThat(prefsHash("pat")).containsEntry("paused-until", Long.toString(T0.plus(Duration.ofDays(14)).getEpochSecond()))
                .containsEntry("paused-at", Long.toString(T0.getEpochSecond()));
        assertThat(text(shown(outcome))).startsWith("Paused until 16 Nov 2026, 08:00 GMT. I won't ask you anything")
                .endsWith("[Resume now]");
        PersonPreferences preferences = f.preferences.preferences(f.tenant, id("pat"));
        assertThat(preferences.pause()).hasValue(T0.plus(Duration.ofDays(14)));
        assertThat(preferences.pausedAt(T0.plus(Duration.ofDays(13)))).isTrue();
        assertThat(preferences.pausedAt(T0.plus(Duration.ofDays(14)))).isFalse();
        assertThat(f.preferences.paused(f.tenant, id("dana"), T0)).isFalse();
    }

    @Test
    void understandsDaysAndWeeksUpToTwentySixWeeks() {
        f.command("pat", "pause 3 days");
        assertThat(f.preferences.preferences(f.tenant, id("pat")).pause()).hasValue(T0.plus(Duration.ofDays(3)));
        f.command("pat", "pause 1 week");
        assertThat(f.preferences.preferences(f.tenant, id("pat")).pause()).hasValue(T0.plus(Duration.ofDays(7)));
        f.command("pat", "pause for 26 weeks");
        assertThat(f.preferences.preferences(f.tenant, id("pat")).pause()).hasValue(T0.plus(Duration.ofDays(182)));

        for (String tooMuchOrWrong : List.of("pause 27 weeks", "pause 0 days", "pause soon", "pause -3 days",
                "pause 3 months")) {
            Outcome refused = f.command("pat", tooMuchOrWrong);
            assertThat(text(shown(refused))).as(tooMuchOrWrong).contains("Try: pause 3 days, or pause 2 weeks");
        }
        assertThat(f.preferences.preferences(f.tenant, id("pat")).pause()).hasValue(T0.plus(Duration.ofDays(182)));
    }

    @Test
    void resumeEndsThePauseAndSaysWhatWaits() {
        f.command("pat", "pause");
        f.graph.claim(f.tenant, id("pat"), id("dana"), new HandoffTerms("loaded truck", Frequency.DAILY,
                Criticality.CRITICAL), Side.DOWNSTREAM, T0);

        Outcome resumed = f.command("pat", "resume");

        assertThat(prefsHash("pat")).isEmpty();
        assertThat(f.preferences.paused(f.tenant, id("pat"), T0)).isFalse();
        assertThat(text(shown(resumed))).isEqualTo(
                "Welcome back! Questions and reminders are on again.\nOne question waits for your answer in your Handoff home.");
        assertThat(text(shown(f.press("pat", new Action("survey.resume", ""))))).startsWith("You were not paused.");
    }

    @Test
    void colleaguesQuestionsToAPausedPersonWaitInTheirHome() {
        f.command("dana", "pause");

        List<Outcome> outcomes = f.survey("pat", List.of("dana", "ravi"),
                List.of("loaded truck", "daily", "critical", "route sheet", "daily", "routine"), List.of(), List.of());

        assertThat(outcomes.get(1).notifications()).extracting(n -> n.to().value()).containsExactly("ravi");
        assertThat(text(f.conversation.home(f.actor("dana")).blocks())).contains("# Waiting for your answer")
                .contains("Pat Okafor says you depend on their loaded truck");
    }
}
