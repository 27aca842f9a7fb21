package io.handoff.friction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

class FrictionServiceTest {
    private final FrictionFixture f = new FrictionFixture();
    private static final Scope PAIR = new Scope.TeamPair(TeamId.of("preload"), TeamId.of("drivers"));
    private static final Scope ANA = new Scope.PersonToTeam(PersonId.of("ana"), TeamId.of("drivers"));

    private Period week() {
        return f.friction.currentPeriod(f.tenant);
    }

    @Test
    void periodsFollowTheTenantsCadence() {
        assertThat(week().id()).isEqualTo("2426-W48");
        assertThat(week().previous().id()).isEqualTo("2426-W47");
        assertThat(Period.containing(PollCadence.MONTHLY, LocalDate.of(2426, 11, 25)).previous().id()).isEqualTo("2426-10");
        Period fortnight = Period.containing(PollCadence.FORTNIGHTLY, LocalDate.of(2426, 11, 25));
        assertThat(fortnight.start()).isEqualTo(LocalDate.of(2426, 11, 16));
        assertThat(fortnight.end()).isEqualTo(LocalDate.of(2426, 11, 30));
        assertThat(fortnight.previous().end()).isEqualTo(fortnight.start());
        // numbers below ten keep two digits; the week-based year of 29 Dec 2025 is 2026
        assertThat(Period.containing(PollCadence.WEEKLY, LocalDate.of(2025, 12, 29)).id()).isEqualTo("2026-W01");
        assertThat(Period.containing(PollCadence.FORTNIGHTLY, LocalDate.of(2026, 1, 5)).id()).isEqualTo("2026-F01");
        assertThat(Period.containing(PollCadence.MONTHLY, LocalDate.of(2026, 3, 9)).id()).isEqualTo("2026-03");
    }

    @Test
    void everyPeriodIsReadBackFromItsIdAndOtherTextIsNotAPeriod() {
        for (PollCadence cadence : PollCadence.values()) {
            for (LocalDate day = LocalDate.of(2020, 1, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(3)) {
                Period period = Period.containing(cadence, day);
                assertThat(Period.fromId(period.id())).as(period.id()).contains(period);
            }
        }
        for (String text : new String[] {"", "2026-W54", "2026-F00", "2026-13", "2026-X01", "26-W01", "2026-W1"}) {
            assertThat(Period.fromId(text)).as(text).isEmpty();
        }
        assertThat(Period.fromId(null)).isEmpty();
    }

    @Test
    void peopleReadPeriodsAsDatesWhileKeysKeepTheirIds() {
        assertThat(week().label()).isEqualTo("the week of 23 Nov");
        Period fortnight = Period.containing(PollCadence.FORTNIGHTLY, LocalDate.of(2426, 11, 25));
        assertThat(fortnight.label()).isEqualTo("the two weeks from 16 Nov");
        assertThat(fortnight.id()).isEqualTo("2426-F24");
        assertThat(Period.containing(PollCadence.MONTHLY, LocalDate.of(2426, 11, 25)).label()).isEqualTo("November 2426");
    }

    @Test
    void twoAnswersShowNothingAndThreeShowTheScore() {
        f.anaLoadsTrucksFor(3);
        f.rate("ana", "d1", 4, null);
        f.rate("ana", "d2", 2, null);

        Period period = week();
        FrictionService.ClosedPeriod two = f.friction.close(f.tenant, period);
        assertThat(two.shown()).isEmpty();
        assertThat(f.friction.digests(f.tenant, two)).isEmpty();

        f.clock.advance(Duration.ofDays(7));
        f.rate("ana", "d1", 4, null);
        f.rate("ana", "d2", 2, null);
        f.rate("ana", "d3", 3, null);
        FrictionService.ClosedPeriod three = f.friction.close(f.tenant, week());

        assertThat(three.shown()).containsOnlyKeys(PAIR, ANA);
        assertThat(three.shown().get(PAIR).answers()).isEqualTo(3);
        assertThat(three.shown().get(PAIR).meanText()).isEqualTo("3.0");
        assertThat(three.shown().get(ANA).label()).isEqualTo("loaded trucks");
    }

    @Test
    void answeringAgainInTheSamePeriodReplacesTheAnswer() {
        f.anaLoadsTrucksFor(1);
        f.rate("ana", "d1", 2, "late again");
        f.rate("ana", "d1", 5, null);

        List<FrictionAnswer> answers = f.store.answers(f.tenant, week());
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).score()).isEqualTo(5);
        assertThat(answers.get(0).comment()).isEqualTo("late again");
    }

    @Test
    void onlyConfirmedHandoffsOfTheDownstreamCanBeRated() {
        f.claimed("bob", "d1", "pallets", Criticality.ROUTINE);
        f.anaLoadsTrucksFor(1);

        assertThatThrownBy(() -> f.rate("bob", "d1", 3, null)).isInstanceOf(NotYourHandoffException.class);
        assertThatThrownBy(() -> f.rate("ana", "d2", 3, null)).isInstanceOf(NotYourHandoffException.class);
        assertThatThrownBy(() -> f.rate("ana", "d1", 6, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.store.answers(f.tenant, week())).isEmpty();
    }

    @Test
    void theSubtractionRuleHidesAPersonAggregateOneAnswerSmallerThanItsTeam() {
        f.anaLoadsTrucksFor(3);
        f.confirmed("bob", "d4", "pallets", Criticality.ROUTINE);
        f.rate("ana", "d1", 4, null);
        f.rate("ana", "d2", 4, null);
        f.rate("ana", "d3", 4, null);
        f.rate("bob", "d4", 1, null);

        Map<Scope, ShownAggregate> shown = f.friction.close(f.tenant, week()).shown();

        assertThat(shown).containsOnlyKeys(PAIR);
        assertThat(shown.get(PAIR).answers()).isEqualTo(4);
    }

    @Test
    void peersGetOnlyTheirTeamTotal() {
        f.person("p1", "Pia One", "preload");
        f.person("p2", "Pete Two", "preload");
        f.person("p3", "Pam Three", "preload");
        for (String peer : List.of("p1", "p2", "p3")) {
            f.confirmed("ana", peer, "shift notes", Criticality.IMPORTANT);
            f.rate("ana", peer, 3, null);
        }

        Map<Scope, ShownAggregate> shown = f.friction.close(f.tenant, week()).shown();

        assertThat(shown).containsOnlyKeys(new Scope.TeamPair(TeamId.of("preload"), TeamId.of("preload")));
    }

    @Test
    void trendComparesWithThePreviousPeriodAndTheDigestNamesTheMomentsOfTruth() {
        f.anaLoadsTrucksFor(3);
        for (String d : List.of("d1", "d2", "d3")) {
            f.rate("ana", d, 4, null);
        }
        f.friction.close(f.tenant, week());
        f.clock.advance(Duration.ofDays(7));
        f.rate("ana", "d1", 3, null);
        f.rate("ana", "d2", 3, null);
        f.rate("ana", "d3", 3, null);

        FrictionService.ClosedPeriod closed = f.friction.close(f.tenant, week());
        Trend trend = closed.trends().stream().filter(t -> t.current().scope().equals(ANA)).findFirst().orElseThrow();
        assertThat(trend.change()).hasValue(-1.0);
        assertThat(trend.spoken()).isEqualTo("down 1.0 from 4.0");

        Map<TeamId, Message> digests = f.friction.digests(f.tenant, closed);
        assertThat(digests).containsOnlyKeys(TeamId.of("preload"));
        String text = text(digests.get(TeamId.of("preload")));
        assertThat(text).contains("How your internal customers rated Pre-load in the week of 30 Nov")
                .doesNotContain("2426-W49");
        assertThat(digests.get(TeamId.of("preload")).summary())
                .isEqualTo("Pre-load: friction scores for the week of 30 Nov");
        assertThat(text).contains("Delivery drivers: 3.0 from 3 answers (down 1.0 from 4.0)");
        assertThat(text).contains("Moments of truth");
        assertThat(text).contains("Ana's loaded trucks for Delivery drivers: 3.0 from 3 answers (down 1.0 from 4.0)");
        assertThat(text).contains("Comments appear once at least 5 people have written some.");

        List<Notification> notes = f.friction.digestNotifications(f.tenant, closed, digests);
        assertThat(notes).extracting(Notification::to).containsExactly(PersonId.of("lee"));
        assertThat(notes.get(0).key()).isEqualTo("friction-digest:2426-W49:preload:lee");
    }

    @Test
    void theDigestQuotesTheWordsBehindTheLowestScoreOnlyOnceFivePeopleWroteSomeAndNeverSaysWho() {
        f.anaLoadsTrucksFor(5);
        f.confirmed("bob", "d6", "pallets", Criticality.ROUTINE);
        for (int i = 1; i <= 4; i++) {
            f.rate("ana", "d" + i, 2, "comment from driver " + i);
        }
        f.rate("ana", "d5", 2, null);
        String fewWriters = text(f.friction.digests(f.tenant, f.friction.close(f.tenant, week())).get(TeamId.of("preload")));
        assertThat(fewWriters).doesNotContain("comment from driver").contains("Comments appear once");

        f.clock.advance(Duration.ofDays(7));
        for (int i = 1; i <= 5; i++) {
            f.rate("ana", "d" + i, 2, "comment from driver " + i);
        }
        String enough = text(f.friction.digests(f.tenant, f.friction.close(f.tenant, week())).get(TeamId.of("preload")));

        assertThat(enough).contains("comment from driver 1", "comment from driver 5");
        assertThat(enough).doesNotContain("Driver Number", "d1>", "=d1", "\"d1\"", "(d1", "d1)");
        for (int i = 1; i <= 5; i++) {
            assertThat(enough).doesNotContainPattern("\\bd" + i + "\\b");
        }
    }

    @Test
    void aClosedPeriodKeepsItsAggregatesWhenSomeoneIsForgottenAndLateAnswersCountNextPeriod() {
        f.anaLoadsTrucksFor(4);
        for (int i = 1; i <= 4; i++) {
            f.rate("ana", "d" + i, 4, "words " + i);
        }
        Period period = week();
        ShownAggregate before = f.friction.close(f.tenant, period).shown().get(PAIR);

        assertThat(f.store.answersBy(f.tenant, PersonId.of("d1"))).containsOnlyKeys("2426-W48");
        assertThat(f.store.forget(f.tenant, PersonId.of("d1"))).isEqualTo(1);

        assertThat(f.store.answers(f.tenant, period)).hasSize(3);
        assertThat(f.store.answersBy(f.tenant, PersonId.of("d1"))).isEmpty();
        assertThat(f.friction.close(f.tenant, period).shown().get(PAIR)).isEqualTo(before);

        f.rate("ana", "d1", 1, null); // the period is closed: the answer goes to the next one
        assertThat(f.store.answers(f.tenant, period)).hasSize(3);
        assertThat(f.store.answers(f.tenant, period.next())).hasSize(1);
    }

    @Test
    void pollsAskAboutEachConfirmedHandoffNotYetAnsweredAndEndWithWhoSeesTheAnswer() {
        f.anaLoadsTrucksFor(1);
        f.confirmed("bob", "d1", "pallets", Criticality.ROUTINE);
        f.claimed("lee", "d1", "rota", Criticality.ROUTINE);

        List<Notification> polls = f.friction.polls(f.tenant, PersonId.of("d1"));

        assertThat(polls).hasSize(2);
        Message first = polls.get(0).message();
        assertThat(first.summary()).isEqualTo("How well did Ana Silva's loaded trucks serve you this week?");
        assertThat(((Paragraph) first.blocks().get(first.blocks().size() - 1)).plainText()).isEqualTo(
                "Ana Silva's team sees only totals of at least 3 answers; comments only once 5 people have commented; never your name.");
        f.rate("ana", "d1", 3, null);
        assertThat(f.friction.polls(f.tenant, PersonId.of("d1"))).extracting(n -> n.message().summary())
                .containsExactly("How well did Bob Stone's pallets serve you this week?");
    }

    static String text(Message message) {
        return message.toString();
    }
}
