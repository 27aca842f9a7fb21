package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.delivery.Outbox;
import io.handoff.nudge.OutboxNudges;
import io.handoff.scheduler.Scheduler;
import io.handoff.testing.TestRedis;

/**
 * The kind note to the teams upstream of a game-over touchpoint whose signal fell, on the demo with the real
 * scheduler and outbox: one per team, touchpoint and period, to the team's managers or, without one, its people
 * behind the touchpoint.
 */
class FallNotesTest {
    private static final List<String> RECIPIENTS = List.of("preload:%s:lee", "dispatch:%s:mia", "sort:%s:noor",
            "sort:%s:sam", "billing:%s:bea", "customer-service:%s:chris", "customer-service:%s:ola");

    private final JourneyChatFixture f = new JourneyChatFixture();
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), f.clock, Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final FallNotes notes = new FallNotes(f.graph, f.insights, new OutboxNudges(outbox), scheduler);

    private static String week(int back) {
        return SignalPeriod.weekOf(LocalDate.of(2026, 11, 25).minusWeeks(back)).id();
    }

    private Optional<String> note(String recipient, String period) {
        return outbox.summary(f.tenant, "journey-fall:parcel-delivery/parcel-delivered:" + recipient.formatted(period));
    }

    @Test
    void eachTeamUpstreamOfParcelDeliveredHearsOfTheFallOncePerPeriod() {
        assertThat(notes.send(f.tenant)).isEqualTo(RECIPIENTS.size());
        assertThat(notes.send(f.tenant)).isZero();

        for (String recipient : RECIPIENTS) {
            assertThat(note(recipient, week(1))).as(recipient).isPresent();
        }
        assertThat(note("preload:%s:lee", week(1))).hasValue("Customers are having a harder time at Parcel "
                + "delivered, which the work of Pre-load (night shift) reaches. Would you like to hear a day in the "
                + "life from the front line?");
        assertThat(note("preload:%s:pat", week(1))).isEmpty(); // the team has a manager: the note goes to Lee
        assertThat(note("drivers:%s:ravi", week(1))).isEmpty(); // the owner team is not upstream of itself

        f.journeys.importSignals(f.tenant, SampleJourneysIds.PARCEL, j -> List.of(new CustomerSignal(
                TouchpointId.of("parcel-delivered"), SignalPeriod.parse(week(0)), "on-time %", 80, 1500,
                Better.HIGHER)));

        assertThat(notes.send(f.tenant)).isEqualTo(RECIPIENTS.size());
        assertThat(note("preload:%s:lee", week(0))).isPresent();
    }

    @Test
    void aFallAtATouchpointThatIsNotGameOverSendsNothing() {
        f.threshold = 90; // parcel delivered (6.5% and 11.4% worse) no longer counts as fallen
        f.journeys.define(f.tenant, new Journey(JourneyId.of("returns"), "Returns", "someone sending a parcel back",
                List.of(new Stage("Return", List.of(new Touchpoint(TouchpointId.of("refund"), "Refund",
                        Channel.EMAIL, List.of(io.handoff.graph.TeamId.of("billing")), List.of(),
                        Weight.IMPORTANT))))));
        f.journeys.importSignals(f.tenant, JourneyId.of("returns"), j -> java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new CustomerSignal(TouchpointId.of("refund"), SignalPeriod.parse(week(i)), "CSAT",
                        i <= 3 ? 0 : 5, 50, Better.HIGHER)).toList());

        assertThat(f.insights.insight(f.tenant, JourneyId.of("returns")).fallen()).hasSize(1);
        assertThat(notes.send(f.tenant)).isZero();
    }

    @Test
    void theDailyRunIsScheduledForNineOClockUtc() {
        notes.scheduleNext(f.tenant);

        assertThat(scheduler.job(f.tenant, "journey-fall-notes:2026-11-26")).hasValueSatisfying(info ->
                assertThat(info.job().dueAt()).hasToString("2026-11-26T09:00:00Z"));
    }

    /** The demo's parcel journey. */
    private static final class SampleJourneysIds {
        static final JourneyId PARCEL = io.handoff.demo.SampleJourneys.PARCEL_DELIVERY;
    }
}
