package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Interaction;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.port.TeamChannels;
import io.handoff.delivery.Outbox;
import io.handoff.empathy.RelayedStories;
import io.handoff.empathy.StoryStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.map.MapAccess;
import io.handoff.nudge.OutboxNudges;
import io.handoff.scheduler.Scheduler;
import io.handoff.testing.TestRedis;

/**
 * Leaders' walk invitations on the demo with the real scheduler and outbox: each team manager is invited once per
 * period to one touchpoint their teams are behind (game over first, then least walked, then never or longest ago
 * invited); accepting records the walk once and arranges it with the front-line owner; the report counts walks.
 */
class WalkInvitationsTest {
    private final JourneyChatFixture f = new JourneyChatFixture();
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), f.clock, Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final WalkStore walks = new WalkStore(f.redis);
    private Period every = Period.ofMonths(1);
    private final WalkInvitations invitations = new WalkInvitations(f.graph, f.insights, walks,
            new OutboxNudges(outbox), scheduler, t -> every);
    private final StoryStore stories = new StoryStore(f.redis);
    private final WalkFeature feature = new WalkFeature(f.graph, f.journeys, f.queries, walks,
            new RelayedStories(f.graph, stories, TeamChannels.NONE, GroupChats.NONE), f.clock);

    private Optional<String> invitation(String person, String touchpoint, String period) {
        return outbox.summary(f.tenant, "prompt:walk:" + touchpoint + ":" + person + ":" + period);
    }

    @Test
    void eachManagerIsInvitedOncePerPeriodToTheGameOverMomentTheirTeamsAreBehind() {
        assertThat(invitations.send(f.tenant)).isEqualTo(4); // lee, mia, ravi (parcel depot), wen (ward)
        assertThat(invitations.send(f.tenant)).isZero();

        assertThat(invitation("lee", "parcel-delivery/parcel-delivered", "2026-11")).hasValue(
                "Walk Parcel delivered this month: be the customer, or shadow Dana Kowalski for an hour.");
        assertThat(invitation("ravi", "parcel-delivery/parcel-delivered", "2026-11")).isPresent();
        assertThat(invitation("wen", "hospital-stay/discharge", "2026-11")).isPresent();
        assertThat(invitation("pat", "parcel-delivery/parcel-delivered", "2026-11")).isEmpty(); // not a manager

        // a walk makes another moment "least walked", but nobody gets a second invitation this month
        press("lee", WalkInvitations.CUSTOMER, "2026-11|parcel-delivery|parcel-delivered|dana");
        f.clock.advance(Duration.ofDays(3));
        assertThat(invitations.send(f.tenant)).isZero();

        f.clock.advance(Duration.ofDays(4)); // 2 December: a new month
        assertThat(invitations.send(f.tenant)).isEqualTo(4);
        assertThat(invitation("lee", "parcel-delivery/parcel-delivered", "2026-12")).isPresent();
    }

    @Test
    void aWeeklyCadenceKeysByIsoWeek() {
        every = Period.ofDays(7);
        assertThat(invitations.send(f.tenant)).isEqualTo(4);
        assertThat(invitation("lee", "parcel-delivery/parcel-delivered", "2026-W48")).isPresent();
        f.clock.advance(Duration.ofDays(1));
        assertThat(invitations.send(f.tenant)).isZero();
    }

    @Test
    void theInvitationSaysWhyThisMomentAndOffersBothWays() {
        var org = f.graph.graph(f.tenant);
        var candidates = WalkInvitations.candidates(f.insights.all(f.tenant), org, PersonId.of("lee"),
                Set.of(TeamId.of("preload")));
        var pick = WalkInvitations.pick(candidates, Map.of(), Map.of());
        var message = WalkInvitations.message(pick, new WalkPeriod("2026-11", "this month"), 0,
                List.of("Pre-load (night shift)"), true, true);

        assertThat(JourneyChatFixture.text(message)).contains("Walk a customer moment this month: *Parcel delivered* "
                        + "(Parcel delivery, for someone expecting a parcel). The work of Pre-load (night shift) "
                        + "reaches it.",
                "Why this one: it is a game-over moment: if it fails, the customer is lost; its customer signal fell "
                        + "lately; nobody has walked it yet; you have not been invited to it before.",
                "shadow Dana Kowalski, who meets these customers, for an hour");
        List<Button> buttons = message.blocks().stream().filter(Buttons.class::isInstance).map(Buttons.class::cast)
                .findFirst().orElseThrow().buttons();
        assertThat(buttons).extracting(Button::label).containsExactly("Be the customer",
                "Shadow Dana Kowalski for an hour", "Not this time");
        assertThat(buttons.get(0).action().value()).isEqualTo("2026-11|parcel-delivery|parcel-delivered|dana");
    }

    @Test
    void withoutAGameOverMomentTheLeastWalkedThenTheNeverInvitedComesFirst() {
        var org = f.graph.graph(f.tenant);
        var candidates = WalkInvitations.candidates(f.insights.all(f.tenant), org, PersonId.of("lee"),
                Set.of(TeamId.of("preload"))).stream().filter(c -> !c.plan().touchpoint().gameOver()).toList();
        assertThat(candidates).extracting(WalkInvitations.Candidate::key).containsExactly(
                "parcel-delivery|order-placed", "parcel-delivery|label-printed", "parcel-delivery|collected",
                "parcel-delivery|sorted", "parcel-delivery|pre-loaded", "parcel-delivery|out-for-delivery");

        assertThat(WalkInvitations.pick(candidates, Map.of(), Map.of()).key())
                .isEqualTo("parcel-delivery|order-placed");
        assertThat(WalkInvitations.pick(candidates, Map.of("parcel-delivery|order-placed", 1), Map.of()).key())
                .isEqualTo("parcel-delivery|label-printed");
        assertThat(WalkInvitations.pick(candidates, Map.of(), Map.of("2026-10", "parcel-delivery|order-placed"))
                .key()).isEqualTo("parcel-delivery|label-printed");
        assertThat(WalkInvitations.pick(candidates, Map.of(), Map.of("2026-05", "parcel-delivery|label-printed",
                "2026-06", "parcel-delivery|order-placed", "2026-07", "parcel-delivery|collected",
                "2026-08", "parcel-delivery|sorted", "2026-09", "parcel-delivery|pre-loaded",
                "2026-10", "parcel-delivery|out-for-delivery")).key()).isEqualTo("parcel-delivery|label-printed");
    }

    @Test
    void acceptingRecordsTheWalkOnceArrangesShadowingWithTheOwnerAndTheReportCountsIt() {
        Outcome shadow = press("lee", WalkInvitations.SHADOW, "2026-11|parcel-delivery|parcel-delivered|dana");
        Outcome again = press("lee", WalkInvitations.SHADOW, "2026-11|parcel-delivery|parcel-delivered|dana");
        press("mia", WalkInvitations.CUSTOMER, "2026-11|parcel-delivery|parcel-delivered|dana");

        assertThat(JourneyChatFixture.text(JourneyChatFixture.shown(shadow))).startsWith("Thanks. Dana will propose a "
                + "day for you to shadow them for an hour at Parcel delivered.");
        Notification toDana = shadow.notifications().get(0);
        assertThat(toDana.to()).isEqualTo(PersonId.of("dana"));
        assertThat(toDana.message().summary()).isEqualTo("Lee Marsh would like to walk Parcel delivered in the "
                + "customer's shoes by shadowing you for an hour. You know this moment best: propose a day that suits "
                + "you.");
        Action propose = toDana.message().blocks().stream().filter(Buttons.class::isInstance)
                .map(Buttons.class::cast).findFirst().orElseThrow().buttons().get(0).action();
        assertThat(propose.id()).isEqualTo("story.shadow-propose"); // the stories' own shadowing flow
        assertThat(stories.story(f.tenant, propose.value())).hasValueSatisfying(walk -> {
            assertThat(walk.upstream()).isEqualTo(PersonId.of("lee"));
            assertThat(walk.teller()).isEqualTo(PersonId.of("dana"));
        });
        assertThat(again.notifications()).extracting(Notification::key)
                .isEqualTo(shadow.notifications().stream().map(Notification::key).toList()); // the same, once
        assertThat(walks.counts(f.tenant)).containsExactly(Map.entry("parcel-delivery|parcel-delivered", 2));

        CustomerReportSection report = new CustomerReportSection(f.graph, f.insights, walks::counts);
        String text = JourneyChatFixture.text(report.blocks(f.tenant,
                new MapAccess.Viewer(f.tenant, PersonId.of("lee"), false, Map.of(TeamId.of("preload"), "Pre-load"))));
        assertThat(text).contains("Parcel delivered (Parcel delivery, game over; walked 2 times)",
                "Pre-loaded (Parcel delivery; not walked yet)");

        walks.forget(f.tenant, PersonId.of("lee"));
        assertThat(walks.counts(f.tenant)).containsExactly(Map.entry("parcel-delivery|parcel-delivered", 1));
        assertThat(walks.all(f.tenant).get(0).host()).contains(PersonId.of("dana"));
        walks.forget(f.tenant, PersonId.of("dana"));
        assertThat(walks.all(f.tenant).get(0).host()).isEmpty();
    }

    @Test
    void onlyAManagerWhoseTeamsAreBehindTheMomentMayAccept() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> press("pat", WalkInvitations.CUSTOMER,
                "2026-11|parcel-delivery|parcel-delivered|dana")).isInstanceOf(Refusal.class)
                .hasMessageContaining("team managers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> press("wen", WalkInvitations.CUSTOMER,
                "2026-11|parcel-delivery|parcel-delivered|dana")).isInstanceOf(Refusal.class)
                .hasMessageContaining("no longer behind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> press("lee", WalkInvitations.CUSTOMER,
                "2026-11|parcel-delivery|parcel-delivered|x{y}")).isInstanceOf(Refusal.class);
        assertThat(walks.counts(f.tenant)).isEmpty();
    }

    private Outcome press(String person, String id, String value) {
        return feature.onButton(new Interaction.ButtonPressed(f.actor(person), new Action(id, value)));
    }
}
