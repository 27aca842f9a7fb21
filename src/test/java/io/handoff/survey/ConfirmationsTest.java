package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.button;
import static io.handoff.survey.SurveyFixture.errors;
import static io.handoff.survey.SurveyFixture.form;
import static io.handoff.survey.SurveyFixture.notificationTo;
import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Form;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Handoff;
import io.handoff.graph.Side;

/** Confirm, Not really (with a reason) and "Yes, and there's more", including answers to questions that changed. */
class ConfirmationsTest {
    private final SurveyFixture f = new SurveyFixture();

    /** Pat names Dana as an internal customer; returns the question Dana gets. */
    private Message patNamesDana(String what) {
        List<Outcome> outcomes = f.survey("pat", List.of("dana"), List.of(what, "daily", "critical"), List.of(), List.of());
        return notificationTo(outcomes.get(1), "dana").message();
    }

    @Test
    void confirmingTellsTheClaimant() {
        Message ask = patNamesDana("loaded truck");
        f.clock.advance(Duration.ofMinutes(30));

        Outcome outcome = f.press("dana", button(ask.blocks(), "Confirm").action());

        Handoff edge = f.edge("pat", "dana").orElseThrow();
        assertThat(edge.status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(edge.lastConfirmedAt()).isEqualTo(SurveyFixture.T0.plus(Duration.ofMinutes(30)));
        // the question itself becomes the answer, with Change as its only button (issue 19, item 8)
        assertThat(outcome.reply()).isInstanceOf(Reply.Replace.class);
        Message answered = ((Reply.Replace) outcome.reply()).message();
        assertThat(text(answered)).startsWith("You confirmed you depend on Pat Okafor's loaded truck.");
        assertThat(answered.blocks()).filteredOn(io.handoff.chat.Buttons.class::isInstance).singleElement()
                .satisfies(row -> assertThat(((io.handoff.chat.Buttons) row).buttons()).extracting(b -> b.label())
                        .containsExactly("Change"));
        Notification told = notificationTo(outcome, "pat");
        assertThat(told.key()).isEqualTo("confirmed:pat>dana:" + Long.toString(edge.lastConfirmedAt().getEpochSecond(), 36));
        assertThat(text(told.message())).isEqualTo("""
                Dana Kowalski confirmed: they depend on your loaded truck.
                Type map to see everyone who depends on you.""");
        assertThat(outcome.homeChanged()).isTrue();

        Outcome again = f.press("dana", button(ask.blocks(), "Confirm").action());
        assertThat(text(shown(again))).startsWith("Already confirmed: loaded truck between you and Pat Okafor.");
        assertThat(again.notifications()).isEmpty();
    }

    @Test
    void notReallyAsksForAnOptionalReasonAndDisputesTheEdge() {
        Message ask = patNamesDana("loaded truck");
        Outcome opened = f.press("dana", button(ask.blocks(), "Not really").action());
        Form reasonForm = form(opened);
        assertThat(opened.reply()).isInstanceOf(Reply.OpenForm.class);
        assertThat(reasonForm.id()).isEqualTo("survey.dispute.reason");
        // the renderers say "(optional)" themselves (Slack's optional inputs, the playground), never twice
        assertThat(reasonForm.fields()).filteredOn(field -> field.id().equals("reason")).singleElement()
                .satisfies(field -> {
                    assertThat(field.optional()).isTrue();
                    assertThat(field.label()).isEqualTo("What's different?");
                });
        assertThat(reasonForm.fields()).allSatisfy(field ->
                assertThat(field.label()).doesNotContainIgnoringCase("(optional)"));
        assertThat(f.edge("pat", "dana").orElseThrow().status()).as("not before the form is sent")
                .isEqualTo(EdgeStatus.CLAIMED);
        f.clock.advance(Duration.ofMinutes(5));

        String typed = "I load it myself since March <!channel> *really*";
        Outcome sent = f.submit("dana", reasonForm, Map.of("reason", List.of(typed)));

        Handoff edge = f.edge("pat", "dana").orElseThrow();
        assertThat(edge.status()).isEqualTo(EdgeStatus.DISPUTED);
        assertThat(edge.claimedBy()).isEqualTo(ClaimedBy.UPSTREAM);
        assertThat(f.reasons.find(f.tenant, edge.upstream(), edge.downstream())).hasValueSatisfying(reason -> {
            assertThat(reason.text()).isEqualTo(typed);
            assertThat(reason.by()).isEqualTo(Side.DOWNSTREAM);
        });
        assertThat(sent.reply()).isInstanceOf(Reply.CloseForm.class);
        // the question the form came from becomes the answer, with Change to ask again
        assertThat(((Reply.CloseForm) sent.reply()).replacesOrigin()).isTrue();
        assertThat(text(shown(sent))).startsWith("You said this is not right: you depend on Pat Okafor's")
                .contains("Thanks, noted. I've let Pat Okafor know.");
        Notification told = notificationTo(sent, "pat");
        assertThat(told.key()).isEqualTo("disputed:pat>dana:" + Long.toString(edge.updatedAt().getEpochSecond(), 36));
        assertThat(text(told.message())).isEqualTo("""
                Dana Kowalski doesn't see it quite that way: they are not sure they depend on your loaded truck.
                In their words: “I load it myself since March <!channel> *really*”
                Maybe worth a quick chat? You can change your answers any time.
                [Review my answers]""");
    }

    /** Issue 19, item 8: Change on the answer asks again; Confirm again changes nothing, Not really disputes. */
    @Test
    void changeAsksAgainAndASecondAnswerUpdatesTheGraph() {
        Message ask = patNamesDana("loaded truck");
        Message answered = ((Reply.Replace) f.press("dana", button(ask.blocks(), "Confirm").action()).reply()).message();
        Handoff confirmed = f.edge("pat", "dana").orElseThrow();

        Outcome change = f.press("dana", button(answered.blocks(), "Change").action());
        assertThat(change.reply()).isInstanceOf(Reply.Replace.class);
        Message asked = ((Reply.Replace) change.reply()).message();
        assertThat(text(asked)).contains("loaded truck").contains("Pat Okafor").contains("[Confirm] [Not really]");

        f.clock.advance(Duration.ofMinutes(5));
        Outcome same = f.press("dana", button(asked.blocks(), "Confirm").action());
        assertThat(same.reply()).isInstanceOf(Reply.Replace.class);
        assertThat(text(((Reply.Replace) same.reply()).message())).startsWith("You confirmed");
        assertThat(same.notifications()).isEmpty();
        assertThat(f.edge("pat", "dana")).contains(confirmed);

        Form reasonForm = form(f.press("dana", button(asked.blocks(), "Not really").action()));
        Outcome sent = f.submit("dana", reasonForm, Map.of("reason", List.of("Someone else loads it now")));
        Handoff disputed = f.edge("pat", "dana").orElseThrow();
        assertThat(disputed.status()).isEqualTo(EdgeStatus.DISPUTED);
        assertThat(disputed.claimedBy()).isEqualTo(ClaimedBy.UPSTREAM);
        assertThat(notificationTo(sent, "pat").key()).startsWith("disputed:pat>dana:");

        // the answer's Change no longer matches the edge: it says how things stand, never an error
        Outcome stale = f.press("dana", button(answered.blocks(), "Change").action());
        assertThat(stale.reply()).isInstanceOf(Reply.Replace.class);
        assertThat(text(((Reply.Replace) stale.reply()).message())).contains("Pat Okafor");
    }

    @Test
    void aDisputeWithoutReasonStoresNoReason() {
        Message ask = patNamesDana("loaded truck");
        Form reasonForm = form(f.press("dana", button(ask.blocks(), "Not really").action()));

        Outcome sent = f.submit("dana", reasonForm, Map.of());

        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.DISPUTED);
        assertThat(f.reasons.find(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id("dana"))).isEmpty();
        assertThat(text(notificationTo(sent, "pat").message())).doesNotContain("In their words");
    }

    @Test
    void yesAndTheresMoreConfirmsAndOpensTheirOwnSurvey() {
        Message ask = patNamesDana("loaded truck");

        Outcome outcome = f.press("dana", button(ask.blocks(), "Yes, and there's more").action());

        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(outcome.reply()).isInstanceOf(Reply.OpenForm.class);
        assertThat(form(outcome).id()).isEqualTo("survey.customers.pick");
        // the question becomes its answer while the survey opens, so its buttons cannot be pressed again
        Message replacing = ((Reply.OpenForm) outcome.reply()).replacing().orElseThrow();
        assertThat(text(replacing)).startsWith("You confirmed you depend on Pat Okafor's");
        assertThat(button(replacing.blocks(), "Change")).isNotNull();
        assertThat(notificationTo(outcome, "pat").key()).startsWith("confirmed:pat>dana:");

        Outcome again = f.press("dana", button(ask.blocks(), "Yes, and there's more").action());
        assertThat(form(again).id()).isEqualTo("survey.customers.pick");
        assertThat(again.notifications()).isEmpty();
    }

    @Test
    void anAnswerToAQuestionThatChangedShowsTheQuestionAsItStandsNow() {
        Message oldAsk = patNamesDana("loaded truck");
        f.clock.advance(Duration.ofHours(1));
        Message newAsk = patNamesDana("truck loaded in delivery order");

        Outcome stale = f.press("dana", button(oldAsk.blocks(), "Confirm").action());

        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CLAIMED);
        Message shown = shown(stale);
        assertThat(text(shown)).startsWith("Pat Okafor changed this handoff since they asked. Here it is as it stands now:")
                .contains("truck loaded in delivery order");
        assertThat(button(shown.blocks(), "Confirm").action()).isEqualTo(button(newAsk.blocks(), "Confirm").action());
        assertThat(stale.notifications()).isEmpty();

        Outcome stalereason = f.press("dana", button(oldAsk.blocks(), "Not really").action());
        assertThat(stalereason.reply()).isInstanceOf(Reply.Show.class);

        f.press("dana", button(shown.blocks(), "Confirm").action());
        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
    }

    @Test
    void anAnswerToAHandoffThatNoLongerExistsSaysSo() {
        Message ask = patNamesDana("loaded truck");
        Form reasonForm = form(f.press("dana", button(ask.blocks(), "Not really").action()));
        f.survey("pat", List.of(), List.of(), List.of(), List.of());
        assertThat(f.edge("pat", "dana")).isEmpty();

        Outcome confirm = f.press("dana", button(ask.blocks(), "Confirm").action());
        Outcome dispute = f.submit("dana", reasonForm, Map.of("reason", List.of("never mind")));

        assertThat(text(shown(confirm))).startsWith("That handoff is no longer there: Pat Okafor may have changed their answers.");
        assertThat(dispute.reply()).isInstanceOf(Reply.CloseForm.class);
        assertThat(text(shown(dispute))).startsWith("That handoff is no longer there");
        assertThat(f.edge("pat", "dana")).isEmpty();
        assertThat(f.reasons.find(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id("dana"))).isEmpty();
    }

    @Test
    void nobodyButTheOtherEndCanAnswer() {
        Message ask = patNamesDana("loaded truck");
        Action confirm = button(ask.blocks(), "Confirm").action();

        Outcome bySam = f.press("sam", confirm);
        Outcome byPat = f.press("pat", confirm);

        assertThat(text(shown(bySam))).contains("that question was meant for someone else");
        assertThat(text(shown(byPat))).startsWith("You named this handoff yourself; it is waiting for Dana Kowalski.");
        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CLAIMED);
    }

    @Test
    void damagedButtonValuesAndFormStatesGetAFriendlyAnswer() {
        patNamesDana("loaded truck");
        for (String value : List.of("", "pat>dana", "pat>pat>abc", "pa t>dana>abc", "pat>dana>xyz!", "}{>dana>1")) {
            Outcome outcome = f.press("dana", new Action("survey.confirm", value));
            assertThat(text(shown(outcome))).as(value).startsWith("Sorry, that did not work");
        }
        Outcome tampered = f.submit("dana", "survey.dispute.reason", "sam>ravi>12ab", Map.of("reason", List.of("x")));
        assertThat(errors(tampered)).containsOnlyKeys("reason");
        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CLAIMED);
    }
}
