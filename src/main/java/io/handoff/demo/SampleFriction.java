package io.handoff.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.handoff.friction.FrictionAnswer;
import io.handoff.friction.FrictionService;
import io.handoff.friction.Period;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * The depot's friction story, beside the {@link SampleJourneys}' falling signals at "Parcel delivered": two more
 * drivers (Kim, Jo) take Lee's pre-loaded trucks, and the three drivers Lee loads for answered the friction poll
 * about those trucks over the last {@value #PERIODS} closed poll periods, smooth at first and rough lately, so the
 * pre-load → drivers aggregate is over the minimum of respondents and "moves together" with the customer signal.
 * Idempotent: people and handoffs are written only when missing, a period only while it is not closed yet.
 */
public final class SampleFriction {
    static final int PERIODS = 6;
    static final String WHAT = "truck loaded in delivery order";
    /** Scores (1 rough to 5 smooth) of Ravi, Kim and Jo about Lee's loaded trucks, oldest period first. */
    static final int[][] SCORES = {{5, 4, 4}, {4, 4, 5}, {4, 5, 4}, {3, 3, 2}, {2, 3, 2}, {2, 2, 1}};
    static final List<PersonId> RESPONDENTS = List.of(PersonId.of("ravi"), PersonId.of("kim"), PersonId.of("jo"));
    static final PersonId LEE = PersonId.of("lee");

    private SampleFriction() {
    }

    /** The drivers this story adds to the sample organisation. */
    public static List<Person> people() {
        ZoneId depot = ZoneId.of("Europe/London");
        return List.of(new Person(PersonId.of("kim"), "Kim Osei", null, TeamId.of("drivers"), depot, Map.of()),
                new Person(PersonId.of("jo"), "Jo Brennan", null, TeamId.of("drivers"), depot, Map.of()));
    }

    /** Adds the drivers, their handoffs from Lee and the closed periods' answers; returns how many periods closed. */
    public static int load(GraphStore graph, FrictionService friction, TenantId tenant, Instant now) {
        for (Person driver : people()) {
            if (graph.person(tenant, driver.id()).isEmpty()) {
                graph.savePerson(tenant, driver);
            }
            if (graph.handoff(tenant, LEE, driver.id()).isEmpty()) {
                new SampleOrganisation.SampleHandoff(LEE.value(), driver.id().value(),
                        new HandoffTerms(WHAT, Frequency.DAILY, Criticality.CRITICAL), Optional.of(20),
                        Optional.empty(), false).writeTo(graph, tenant, now);
            }
        }
        List<Period> periods = new ArrayList<>();
        Period period = friction.currentPeriod(tenant).previous();
        for (int i = 0; i < PERIODS; i++) {
            periods.add(0, period);
            period = period.previous();
        }
        int closed = 0;
        for (int i = 0; i < PERIODS; i++) {
            Period p = periods.get(i);
            if (friction.store().closed(tenant, p)) {
                continue;
            }
            Instant answeredAt = p.start().plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
            for (int r = 0; r < RESPONDENTS.size(); r++) {
                friction.store().record(tenant, p, new FrictionAnswer(LEE, RESPONDENTS.get(r), TeamId.of("preload"),
                        TeamId.of("drivers"), WHAT, Criticality.CRITICAL, SCORES[i][r], "", answeredAt));
            }
            friction.close(tenant, p);
            closed++;
        }
        return closed;
    }
}
