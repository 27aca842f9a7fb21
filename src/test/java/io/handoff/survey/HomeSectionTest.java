package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.T0;
import static io.handoff.survey.SurveyFixture.button;
import static io.handoff.survey.SurveyFixture.id;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Block;
import io.handoff.conversation.Conversation;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Side;

/** The survey's part of the home view. */
class HomeSectionTest {
    private final SurveyFixture f = new SurveyFixture();

    @Test
    void showsCustomersSuppliersAndWhatWaitsForAnAnswer() {
        f.graph.claim(f.tenant, id("pat"), id("dana"), new HandoffTerms("loaded truck", Frequency.DAILY, Criticality.CRITICAL),
                Side.UPSTREAM, T0);
        f.graph.claim(f.tenant, id("pat"), id("ravi"), new HandoffTerms("route sheet", Frequency.WEEKLY, Criticality.ROUTINE),
                Side.UPSTREAM, T0);
        f.graph.confirm(f.tenant, id("pat"), id("ravi"), Side.DOWNSTREAM, T0.plusSeconds(10));
        f.graph.claim(f.tenant, id("pat"), id("noor"), new HandoffTerms("loading plan", Frequency.MONTHLY, Criticality.IMPORTANT),
                Side.DOWNSTREAM, T0.plusSeconds(20));
        f.graph.claim(f.tenant, id("sam"), id("pat"), new HandoffTerms("sorted parcels", Frequency.AD_HOC, Criticality.CRITICAL),
                Side.DOWNSTREAM, T0);
        f.graph.dispute(f.tenant, id("sam"), id("pat"), Side.UPSTREAM, T0.plusSeconds(30));

        List<Block> home = f.conversation.home(f.actor("pat")).blocks();

        assertThat(text(home)).isEqualTo("""
                # Your internal customers
                Dana Kowalski · loaded truck · daily · critical for them · waiting for Dana
                Noor Haddad · loading plan · monthly · important for them · waiting for you
                Ravi Shah · route sheet · weekly · routine for them · confirmed
                # Your suppliers
                Sam Reyes · sorted parcels · now and then · critical for you · disputed by Sam
                ---
                # Waiting for your answer
                Noor Haddad from Sorting counts on your loading plan, monthly.
                Noor says it matters a lot for their work.
                Did you know Noor depends on you?
                [Confirm] [Not really] [Yes, and there's more]
                ---
                [Update my answers]""");
        assertThat(button(home, "Confirm").action().value()).startsWith("pat>noor>")
                .isEqualTo(EdgeRef.of(f.edge("pat", "noor").orElseThrow()).encode());

        f.press("pat", button(home, "Confirm").action());
        assertThat(f.edge("pat", "noor").orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(text(f.conversation.home(f.actor("pat")).blocks())).doesNotContain("Waiting for your answer")
                .contains("Noor Haddad · loading plan · monthly · important for them · confirmed");
    }

    @Test
    void aNewcomerIsInvitedToStart() {
        List<Block> home = f.conversation.home(f.actor("pat")).blocks();

        assertThat(text(home)).isEqualTo("""
                # Your internal customers
                Nobody yet. Who depends on your work?
                # Your suppliers
                Nobody yet. Whose work do you depend on?
                ---
                [Map my customers]""");
        assertThat(button(home, "Map my customers").action().id()).isEqualTo("survey.start");
    }

    @Test
    void aPausedPersonSeesUntilWhenAndCanResume() {
        f.command("pat", "pause 3 days");

        List<Block> home = f.conversation.home(f.actor("pat")).blocks();

        assertThat(text(home)).startsWith("Questions and reminders are paused until 5 Nov 2026, 08:00 GMT.\n[Resume now]");
        f.clock.advance(Duration.ofDays(4));
        assertThat(text(f.conversation.home(f.actor("pat")).blocks())).doesNotContain("paused");
    }

    @Test
    void longListsAreCappedWithinTheHomeViewLimit() {
        for (int i = 0; i < 45; i++) {
            f.person("c" + i, "Customer " + i, "drivers");
            f.graph.claim(f.tenant, id("pat"), id("c" + i), new HandoffTerms("thing " + i, Frequency.DAILY,
                    Criticality.ROUTINE), Side.DOWNSTREAM, T0.plusSeconds(i));
            f.person("s" + i, "Supplier " + i, "sort");
            f.graph.claim(f.tenant, id("s" + i), id("pat"), new HandoffTerms("input " + i, Frequency.DAILY,
                    Criticality.ROUTINE), Side.UPSTREAM, T0.plusSeconds(i));
        }

        List<Block> home = f.conversation.home(f.actor("pat")).blocks();

        assertThat(home).hasSizeLessThanOrEqualTo(Conversation.MAX_HOME_BLOCKS);
        assertThat(text(home)).contains("25 more: type map to see them all.").contains("85 more after these.");
    }
}
