package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.map.FrictionScores;
import io.handoff.testing.TestRedis;

/** The demo's two journeys on the sample organisation: owners, Pat's line of sight, and the depot story in signals. */
class DemoJourneysTest {
    static final Instant NOW = Instant.parse("2026-04-08T09:00:00Z");
    final TenantId tenant = TestRedis.uniqueTenant();
    final RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
    final Journeys journeys = new Journeys(new JourneyStore(TestRedis.client()), graph);
    final JourneyQueries queries = new JourneyQueries(graph, journeys, FrictionScores.NONE, t -> 3,
            t -> Duration.ofDays(180), 4, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theDemoShipsParcelDeliveryAndAHospitalStayOwnedByItsTeams() {
        SampleOrganisation.load(graph, tenant, NOW);
        SampleJourneys.load(journeys, tenant, NOW);
        SampleJourneys.load(journeys, tenant, NOW); // loading again adds nothing

        assertThat(journeys.journeys(tenant)).extracting(j -> j.id().value())
                .containsExactly("hospital-stay", "parcel-delivery");
        Journey parcel = journeys.journey(tenant, SampleJourneys.PARCEL_DELIVERY).orElseThrow();
        assertThat(parcel.touchpoints()).extracting(Touchpoint::name).containsExactly("Order placed", "Label printed",
                "Collected", "Sorted", "Pre-loaded", "Out for delivery", "Parcel delivered", "Invoice");
        assertThat(parcel.touchpoints()).filteredOn(Touchpoint::gameOver).extracting(Touchpoint::name)
                .containsExactly("Parcel delivered");
        Journey hospital = journeys.journey(tenant, SampleJourneys.HOSPITAL_STAY).orElseThrow();
        assertThat(hospital.touchpoints()).extracting(Touchpoint::name).containsExactly("Arrival", "Triage",
                "Admission", "Ward care", "Medication", "Discharge", "Follow-up letter");
        assertThat(hospital.touchpoints()).filteredOn(Touchpoint::gameOver).extracting(Touchpoint::name)
                .containsExactly("Discharge");
        for (Journey journey : List.of(parcel, hospital)) {
            assertThat(journeys.owners(tenant, journey)).noneMatch(Owners::ownerless)
                    .allSatisfy(o -> assertThat(o.missingTeams()).isEmpty());
        }
    }

    @Test
    void patsLoadedTrucksReachParcelDeliveredThroughDanaOneHop() {
        SampleOrganisation.load(graph, tenant, NOW);
        SampleJourneys.load(journeys, tenant, NOW);

        LineOfSight sight = queries.lineOfSight(tenant, PersonId.of("pat"), 4);

        assertThat(sight.reachesGameOver()).isTrue();
        LineOfSight.Reach first = sight.reaches().get(0);
        assertThat(first.touchpointName()).isEqualTo("Parcel delivered");
        assertThat(first.hops()).isEqualTo(1);
        assertThat(first.throughNames()).containsExactly("Dana Kowalski");
        Blueprint blueprint = queries.blueprint(tenant, SampleJourneys.PARCEL_DELIVERY, 4);
        Blueprint.TouchpointPlan delivered = blueprint.stages().get(3).touchpoints().get(1);
        assertThat(delivered.backstage()).extracting(h -> h.upstream().value() + ">" + h.downstream().value())
                .contains("pat>dana", "lee>ravi", "sam>pat", "noor>lee");
        assertThat(delivered.backstage().get(0).criticality().name()).isEqualTo("CRITICAL");
    }

    @Test
    void twelveWeeksOfSignalsShowOnTimeAndCsatFallingAtParcelDeliveredAfterWeekSix() {
        SampleOrganisation.load(graph, tenant, NOW);
        SampleJourneys.load(journeys, tenant, NOW);

        List<CustomerSignal> delivered = journeys.signals(tenant, SampleJourneys.PARCEL_DELIVERY).stream()
                .filter(s -> s.touchpoint().equals(SampleJourneys.PARCEL_DELIVERED)).toList();
        List<Double> onTime = delivered.stream().filter(s -> s.metric().equals("on-time %"))
                .map(CustomerSignal::value).toList();
        List<Double> csat = delivered.stream().filter(s -> s.metric().equals("CSAT")).map(CustomerSignal::value).toList();

        assertThat(onTime).hasSize(12);
        assertThat(csat).hasSize(12);
        assertThat(delivered.stream().map(s -> s.period().id()).distinct())
                .containsExactlyElementsOf(SampleJourneys.weeks(LocalDate.of(2026, 4, 8)).stream().map(SignalPeriod::id).toList());
        assertThat(onTime.subList(0, 6)).allSatisfy(v -> assertThat(v).isGreaterThan(95));
        assertThat(onTime.subList(6, 12)).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(v -> assertThat(v).isLessThan(95));
        assertThat(csat.get(11)).isLessThan(csat.get(5) - 0.8);
    }
}
