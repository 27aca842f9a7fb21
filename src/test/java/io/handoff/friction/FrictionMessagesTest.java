package io.handoff.friction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Message;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;

/** The friction poll's words, the same on Slack, Teams and the playground. */
class FrictionMessagesTest {
    private final Period week = Period.containing(PollCadence.WEEKLY, LocalDate.of(2026, 6, 22));
    private final AnonymityPolicy policy = AnonymityPolicy.defaults();

    @Test
    void suppliersWithTheSameFirstNameGetQuestionsThatTellThemApart() {
        Person okafor = Person.of("sam1", "Sam Okafor", "sort");
        Person price = Person.of("sam2", "Sam Price", "sort");
        Handoff routes = edge("sam1", "route plan");
        Handoff parcels = edge("sam2", "route plan");

        Message first = FrictionMessages.poll(okafor, routes, week, policy);
        Message second = FrictionMessages.poll(price, parcels, week, policy);

        assertThat(first.summary()).isEqualTo("How well did Sam Okafor's route plan serve you this week?");
        assertThat(second.summary()).isEqualTo("How well did Sam Price's route plan serve you this week?");
        assertThat(first.blocks().get(0).toString()).contains("Sam Okafor's", "route plan");
        assertThat(FrictionMessages.audience(okafor, policy)).startsWith("Sam Okafor's team");
        assertThat(FrictionMessages.answerForm(okafor, routes, week, policy, Optional.empty()).fields().get(0)
                .toString()).contains("Sam Okafor's route plan");
        assertThat(FrictionMessages.thanks(okafor, routes, 4, true).summary()).isEqualTo("Thanks: 4 recorded");
        assertThat(FrictionMessages.thanks(okafor, routes, 4, true).blocks().get(0).toString())
                .contains("Sam Okafor's route plan");
    }

    @Test
    void theScoresAreOneScaleThatAdaptersMayShowAsACompactChoice() {
        Message poll = FrictionMessages.poll(Person.of("sam1", "Sam Okafor", "sort"), edge("sam1", "route plan"),
                week, policy);

        Buttons scale = poll.blocks().stream().filter(Buttons.class::isInstance).map(Buttons.class::cast)
                .filter(Buttons::isScale).findFirst().orElseThrow();
        assertThat(scale.scaleLabel()).isEqualTo("Your score, 1 to 5");
        assertThat(scale.buttons()).extracting(b -> b.action().value())
                .containsExactly("sam1:1", "sam1:2", "sam1:3", "sam1:4", "sam1:5");
    }

    @Test
    void theAnswerFormsScoreHasAPlaceholderAndSaysInWordsWhatIsMissing() {
        Form form = FrictionMessages.answerForm(Person.of("sam1", "Sam Okafor", "sort"), edge("sam1", "route plan"),
                week, policy, Optional.empty());

        Field.Choice score = form.fields().stream().filter(Field.Choice.class::isInstance)
                .map(Field.Choice.class::cast).findFirst().orElseThrow();
        assertThat(score.hint()).isEqualTo("Choose a score");
        assertThat(score.missing()).isEqualTo("Choose a score from 1 to 5");
    }

    private static Handoff edge(String upstream, String what) {
        return Handoff.claimed(PersonId.of(upstream), PersonId.of("me"),
                new HandoffTerms(what, Frequency.DAILY, Criticality.ROUTINE), Side.UPSTREAM, Instant.EPOCH);
    }
}
