package io.handoff.journey;

import static io.handoff.journey.JourneyChatFixture.shown;
import static io.handoff.journey.JourneyChatFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.friction.AnonymityPolicy;
import io.handoff.friction.FrictionSettings;
import io.handoff.friction.PollCadence;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * The journeys in chat on the demo: Pat's Home names Parcel delivered; {@code journey} for managers and admins (list,
 * unknown, refusal) and the blueprint with the fallen signal at Parcel delivered and the pre-load handoffs whose
 * friction moved with it; the "hear a day in the life" button.
 */
class JourneyConversationTest {
    private final JourneyChatFixture f = new JourneyChatFixture();

    @Test
    void patsHomeSaysHisLoadedTruckReachesParcelDeliveredThroughDanaOneHopAGameOverMoment() {
        List<Block> home = f.feature.homeSection(f.actor("pat"));

        assertThat(home.get(0)).isEqualTo(new Heading("Where your work reaches customers"));
        assertThat(home).hasSize(1 + JourneyMessages.HOME_MOMENTS);
        assertThat(text(home).lines().skip(1).toList()).containsExactly(
                "Your work (truck loaded in delivery order) reaches customers at *Parcel delivered* through Dana, one hop; "
                        + "a game-over moment.",
                "You are on the front line at *Pre-loaded* (Parcel delivery).",
                "Your work (truck loaded in delivery order) reaches customers at *Collected* through Dana, one hop.");
    }

    @Test
    void twoHopsAreSaidInWordsAndSomeoneWhoseWorkReachesNoCustomerGetsNoSection() {
        assertThat(text(f.feature.homeSection(f.actor("sam")))).contains(
                "Your work (parcels sorted by route) reaches customers at *Parcel delivered* through Pat and Dana, two hops; "
                        + "a game-over moment.");
        f.graph.savePerson(f.tenant, new io.handoff.graph.Person(PersonId.of("zed"), "Zed Ng", null, null, null,
                java.util.Map.of()));

        assertThat(f.feature.homeSection(f.actor("zed"))).isEmpty();
    }

    @Test
    void anOrdinaryEmployeeIsRefusedPlainly() {
        String refusal = text(shown(f.command("pat", "parcel-delivery"))) + shown(f.command("pat", "")).summary();

        assertThat(refusal).contains("for team managers and admins").doesNotContain("Parcel delivered");
    }

    @Test
    void aManagerListsTheJourneysAndAnUnknownNameSaysWhichThereAre() {
        String list = text(shown(f.command("lee", "")));
        String unknown = shown(f.command("mia", "returns")).summary();

        assertThat(list).contains("*Parcel delivery* (parcel-delivery): for someone expecting a parcel; "
                + "8 touchpoints, 1 game over").contains("*Hospital stay* (hospital-stay)");
        assertThat(unknown).isEqualTo("There is no journey 'returns'. The journeys are: Hospital stay "
                + "(hospital-stay), Parcel delivery (parcel-delivery).");
    }

    @Test
    void theBlueprintShowsTheFallAtParcelDeliveredAndThePreLoadHandoffsThatMovedTogether() {
        Outcome byId = f.command("lee", "parcel-delivery");
        String answer = text(shown(byId));

        assertThat(text(shown(f.command("bea", "PARCEL DELIVERY")))).isEqualTo(answer); // the admin, by name
        assertThat(answer).contains("# Parcel delivery: the blueprint",
                "*Delivery*\n• *Out for delivery* (app, important): Dispatch; ",
                "\n• *Parcel delivered* (in person, game over): Delivery drivers, Dana Kowalski; ");
        assertThat(answer).contains("# Customer signals that fell\n*Parcel delivered* (game over)\n"
                + "• CSAT 3.6 in the weeks of " + day(3) + " to " + day(1) + ", down from 4.1 in the weeks of "
                + day(6) + " to " + day(4) + " (11.4% worse)\n"
                + "• on-time % 84.9 in the weeks of " + day(3) + " to " + day(1) + ", down from 90.8 in the weeks of "
                + day(6) + " to " + day(4) + " (6.5% worse)");
        assertThat(answer).doesNotContain(week(1)).doesNotContain(week(3));
        assertThat(answer).contains("# Where to look inside\nBehind *Parcel delivered*, friction rose on these "
                + "handoffs over the same periods, compared up to the week of " + day(1) + " (the latest with at "
                + "least 3 answers). They moved together with the customer signal");
        assertThat(answer).contains("• Lee Marsh → Ravi Shah: truck loaded in delivery order (critical, friction 69% "
                + "over the latest 3 periods, up from 17%; 3 people answered)",
                "• Lee Marsh → Kim Osei: truck loaded", "• Lee Marsh → Jo Brennan: truck loaded");
        assertThat(answer).doesNotContain("Pat Okafor → Dana", "caus");
        assertThat(shown(byId).summary()).isEqualTo("Parcel delivery: 1 touchpoint's customer signal fell");
    }

    @Test
    void frictionBelowTheTenantsMinimumIsNeverNamedInside() {
        f.frictionSettings = new FrictionSettings(PollCadence.WEEKLY, new AnonymityPolicy(4, 5));

        String answer = text(shown(f.command("lee", "parcel-delivery")));

        assertThat(answer).contains("Behind *Parcel delivered*: not enough answers yet. No handoff behind it had at "
                + "least 4 people answering the friction poll in the last 4 periods, so Handoff cannot say whether "
                + "friction moved with it.").doesNotContain("Lee Marsh →").doesNotContain("friction 69%");
    }

    /**
     * One quiet week (closed with no answers) does not end "moved together": the latest closed week with enough
     * answers is compared, and said in words. The quiet week's answers (two, below the minimum of 3) never count.
     */
    @Test
    void aQuietWeekComparesUpToTheLatestWeekWithEnoughAnswersAndSaysWhich() {
        String before = text(shown(f.command("lee", "parcel-delivery")));
        io.handoff.friction.Period latest = f.friction.currentPeriod(f.tenant).previous();
        io.handoff.friction.Period quiet = f.friction.currentPeriod(f.tenant);
        f.clock.advance(java.time.Duration.ofDays(7));
        // two drivers answer in the quiet week, both with a 5: below the minimum, so no figure may use them
        for (String driver : List.of("ravi", "kim")) {
            f.friction.store().record(f.tenant, quiet, new io.handoff.friction.FrictionAnswer(PersonId.of("lee"),
                    PersonId.of(driver), io.handoff.graph.TeamId.of("preload"), io.handoff.graph.TeamId.of("drivers"),
                    "truck loaded in delivery order", io.handoff.graph.Criticality.CRITICAL, 5, "",
                    quiet.start().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        f.friction.close(f.tenant, quiet);

        String answer = text(shown(f.command("lee", "parcel-delivery")));

        assertThat(answer).contains("Behind *Parcel delivered*, friction rose on these handoffs over the same periods, "
                + "compared up to " + latest.label() + " (the latest with at least 3 answers).");
        assertThat(answer).contains("• Lee Marsh → Ravi Shah: truck loaded in delivery order (critical, friction 69% "
                + "over the latest 3 periods, up from 17%; 3 people answered)");
        assertThat(before).contains("compared up to " + latest.label());
        assertThat(answer).doesNotContain("2 people answered").doesNotContain(quiet.label());

        // four quiet weeks later nothing recent enough has enough answers: said plainly, no figure
        for (int i = 0; i < 4; i++) {
            io.handoff.friction.Period next = f.friction.currentPeriod(f.tenant);
            f.clock.advance(java.time.Duration.ofDays(7));
            f.friction.close(f.tenant, next);
        }
        String later = text(shown(f.command("lee", "parcel-delivery")));
        assertThat(later).doesNotContain("friction 69%").doesNotContain("Lee Marsh →");
    }

    @Test
    void aHigherThresholdMeansTheSmallerFallIsNoLongerAFall() {
        f.threshold = 7;

        String answer = text(shown(f.command("lee", "parcel-delivery")));

        assertThat(answer).contains("• CSAT 3.6").doesNotContain("on-time %");
        f.threshold = 12;
        assertThat(text(shown(f.command("lee", "parcel-delivery")))).contains("# Customer signals that fell\n"
                + "None: no touchpoint's signal is worse over its latest 3 periods than over the 3 before by 12% or "
                + "more.").doesNotContain("Where to look inside");
    }

    @Test
    void anOwnerlessTouchpointIsMarkedSo() {
        f.journeys.define(f.tenant, new Journey(JourneyId.of("returns"), "Returns", "someone sending a parcel back",
                List.of(new Stage("Return", List.of(new Touchpoint(TouchpointId.of("label"), "Return label",
                        Channel.EMAIL, List.of(), List.of(), Weight.IMPORTANT))))));

        assertThat(text(shown(f.command("mia", "returns"))))
                .contains("• *Return label* (email, important): ownerless: no team or person owns it; 0 handoffs behind");
    }

    @Test
    void hearingADayInTheLifeAsksTheFrontLineWhoTakeTheTeamsWorkForAStory() {
        Outcome asked = f.press("lee", JourneyConversation.HEAR, "parcel-delivery|parcel-delivered|preload");

        assertThat(asked.notifications()).extracting(n -> n.to().value()).containsExactly("dana", "jo", "kim", "ravi");
        Notification toRavi = asked.notifications().get(3);
        assertThat(toRavi.key()).startsWith("prompt:story:lee>ravi:ravi:");
        assertThat(text(toRavi.message())).contains("Lee Marsh from Pre-load (night shift) would like to hear what a "
                + "day at Parcel delivered is like for you", "Walk Lee through the moment you receive their "
                + "*truck loaded in delivery order*");
        assertThat(shown(asked).summary()).isEqualTo("I asked Dana Kowalski, Jo Brennan, Kim Osei and Ravi Shah to "
                + "tell Pre-load (night shift) a day-in-the-life story about Parcel delivered. A story comes to the "
                + "person it is about, and only if they choose to send it.");
        assertThatThrownBy(() -> f.press("chris", JourneyConversation.HEAR, "parcel-delivery|parcel-delivered|preload"))
                .isInstanceOf(Refusal.class).hasMessage("Only the team's people and managers may ask for this story.");
    }

    @Test
    void theManagersReportGainsACustomerSectionForTheirTeams() {
        io.handoff.map.ManagerReport report = new io.handoff.map.ManagerReport(f.graph, f.scores,
                List.of(new CustomerReportSection(f.graph, f.insights)), List.of());

        String lees = text(report.build(f.tenant, f.access.viewer(f.tenant, PersonId.of("lee"))).message(List.of()));
        String wens = text(report.build(f.tenant, f.access.viewer(f.tenant, PersonId.of("wen"))).message(List.of()));

        assertThat(lees).contains("# Customers\n*Touchpoints your teams reach:*\n• Order placed (Parcel delivery)\n",
                "\n• Parcel delivered (Parcel delivery, game over)\n",
                "*Customer signals that fell there:*\n• Parcel delivered: CSAT 3.6 in ", "\n• Parcel delivered: on-time % 84.9");
        assertThat(wens).contains("# Customers", "• Discharge (Hospital stay, game over)",
                "*Customer signals that fell there:* none").doesNotContain("Parcel");
    }

    /** The ISO week {@code back} weeks before the fixture's. */
    /** The first day of the ISO week {@code back} weeks before the fixture's today, as people read it: "9 Nov". */
    private static String day(int back) {
        return SignalPeriod.weekOf(java.time.LocalDate.of(2026, 11, 25).minusWeeks(back)).start()
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH));
    }

    private static String week(int back) {
        return SignalPeriod.weekOf(java.time.LocalDate.of(2026, 11, 25).minusWeeks(back)).id();
    }
}
