package io.handoff.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.journey.Better;
import io.handoff.journey.Channel;
import io.handoff.journey.CustomerSignal;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyId;
import io.handoff.journey.Journeys;
import io.handoff.journey.SignalPeriod;
import io.handoff.journey.Stage;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import io.handoff.journey.Weight;

/**
 * The two customer journeys of the {@link SampleOrganisation}, owned by its teams: parcel delivery (the depot) and a
 * hospital stay (the ward), with 12 weeks of customer signals telling the depot story: from week 7 on, on-time
 * delivery and CSAT at "Parcel delivered" fall, while the rest of the journey holds steady.
 */
public final class SampleJourneys {
    public static final JourneyId PARCEL_DELIVERY = JourneyId.of("parcel-delivery");
    public static final JourneyId HOSPITAL_STAY = JourneyId.of("hospital-stay");
    public static final TouchpointId PARCEL_DELIVERED = TouchpointId.of("parcel-delivered");
    public static final int WEEKS = 12;
    /** On-time % at "Parcel delivered", oldest week first: steady for six weeks, then falling. */
    static final double[] ON_TIME = {96.1, 95.8, 96.4, 95.9, 96.2, 96.0, 93.5, 90.8, 88.2, 86.9, 84.7, 83.1};
    /** CSAT (1 to 5) at "Parcel delivered", oldest week first. */
    static final double[] CSAT = {4.6, 4.5, 4.6, 4.6, 4.5, 4.6, 4.3, 4.1, 3.9, 3.8, 3.6, 3.5};

    private SampleJourneys() {
    }

    /** Defines each sample journey the tenant does not have yet, with its signals; an existing one is left alone. */
    public static void load(Journeys journeys, TenantId tenant, Instant now) {
        load(journeys, tenant, List.of(parcelDelivery(), hospitalStay()), now);
    }

    /** The story's own journey (parcel delivery for the depot, the hospital stay for the ward), as above. */
    public static void load(Journeys journeys, DemoStory story, Instant now) {
        load(journeys, story.tenant(), List.of(story == DemoStory.DEPOT ? parcelDelivery() : hospitalStay()), now);
    }

    private static void load(Journeys journeys, TenantId tenant, List<Journey> sample, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Journey journey : sample) {
            if (journeys.journey(tenant, journey.id()).isPresent()) {
                continue;
            }
            journeys.define(tenant, journey);
            List<CustomerSignal> signals = signals(journey.id(), today);
            journeys.importSignals(tenant, journey.id(), j -> signals);
        }
    }

    public static Journey parcelDelivery() {
        return new Journey(PARCEL_DELIVERY, "Parcel delivery", "someone expecting a parcel", List.of(
                new Stage("Ordering", List.of(
                        touchpoint("order-placed", "Order placed", Channel.APP, Weight.ROUTINE, "customer-service"),
                        touchpoint("label-printed", "Label printed", Channel.EMAIL, Weight.ROUTINE, "dispatch"))),
                new Stage("Collection", List.of(
                        touchpoint("collected", "Collected", Channel.IN_PERSON, Weight.IMPORTANT, "drivers"))),
                new Stage("In the depot", List.of(
                        touchpoint("sorted", "Sorted", Channel.OTHER, Weight.ROUTINE, "sort"),
                        touchpoint("pre-loaded", "Pre-loaded", Channel.OTHER, Weight.IMPORTANT, "preload"))),
                new Stage("Delivery", List.of(
                        touchpoint("out-for-delivery", "Out for delivery", Channel.APP, Weight.IMPORTANT, "dispatch"),
                        new Touchpoint(PARCEL_DELIVERED, "Parcel delivered", Channel.IN_PERSON,
                                List.of(TeamId.of("drivers")), List.of(PersonId.of("dana")), Weight.GAME_OVER))),
                new Stage("After delivery", List.of(
                        touchpoint("invoice", "Invoice", Channel.EMAIL, Weight.ROUTINE, "billing")))));
    }

    public static Journey hospitalStay() {
        return new Journey(HOSPITAL_STAY, "Hospital stay", "a patient admitted through the emergency department",
                List.of(
                        new Stage("Arriving", List.of(
                                touchpoint("arrival", "Arrival", Channel.IN_PERSON, Weight.ROUTINE, "admissions"),
                                touchpoint("triage", "Triage", Channel.IN_PERSON, Weight.IMPORTANT, "triage"))),
                        new Stage("Staying", List.of(
                                touchpoint("admission", "Admission", Channel.IN_PERSON, Weight.IMPORTANT, "admissions"),
                                touchpoint("ward-care", "Ward care", Channel.IN_PERSON, Weight.IMPORTANT, "ward"),
                                touchpoint("medication", "Medication", Channel.IN_PERSON, Weight.IMPORTANT, "ward",
                                        "pharmacy"))),
                        new Stage("Going home", List.of(
                                touchpoint("discharge", "Discharge", Channel.IN_PERSON, Weight.GAME_OVER, "discharge",
                                        "ward"),
                                touchpoint("follow-up-letter", "Follow-up letter", Channel.LETTER, Weight.ROUTINE,
                                        "discharge")))));
    }

    /** The 12 ISO weeks before the one containing {@code today}, oldest first. */
    public static List<SignalPeriod> weeks(LocalDate today) {
        List<SignalPeriod> weeks = new ArrayList<>();
        for (int i = WEEKS; i >= 1; i--) {
            weeks.add(SignalPeriod.weekOf(today.minusWeeks(i)));
        }
        return weeks;
    }

    static List<CustomerSignal> signals(JourneyId journey, LocalDate today) {
        List<SignalPeriod> weeks = weeks(today);
        List<CustomerSignal> signals = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            SignalPeriod week = weeks.get(i);
            if (journey.equals(PARCEL_DELIVERY)) {
                signals.add(new CustomerSignal(PARCEL_DELIVERED, week, "on-time %", ON_TIME[i], 1400 + 10 * i, Better.HIGHER));
                signals.add(new CustomerSignal(PARCEL_DELIVERED, week, "CSAT", CSAT[i], 180 + i, Better.HIGHER));
                signals.add(new CustomerSignal(TouchpointId.of("order-placed"), week, "CSAT", 4.4 + (i % 2) / 10.0,
                        150 + i, Better.HIGHER));
                signals.add(new CustomerSignal(TouchpointId.of("invoice"), week, "complaints", 3 + i % 3, 1400 + 10 * i,
                        Better.LOWER));
            } else {
                signals.add(new CustomerSignal(TouchpointId.of("discharge"), week, "CSAT", 4.1 + (i % 3) / 10.0,
                        60 + i, Better.HIGHER));
                signals.add(new CustomerSignal(TouchpointId.of("triage"), week, "NPS", 32 + i % 4, 90 + i,
                        Better.HIGHER));
            }
        }
        return signals;
    }

    private static Touchpoint touchpoint(String id, String name, Channel channel, Weight weight, String... teams) {
        return new Touchpoint(TouchpointId.of(id), name, channel, List.of(teams).stream().map(TeamId::of).toList(),
                List.of(), weight);
    }
}
