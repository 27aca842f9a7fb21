package io.handoff.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;

/**
 * A small organisation to explore Handoff without Slack or Teams: a parcel depot (the night pre-loader whose
 * internal customer is the driver) and a hospital ward flow. Some handoffs are confirmed by both sides, some are
 * named by one side only (hidden customers), some are disputed, and some were last confirmed long ago (stale), so
 * every query has something to show. The playground serves the two halves as two tenants ({@link DemoStory}); tests
 * may load the whole of it into one.
 */
public final class SampleOrganisation {
    private SampleOrganisation() {
    }

    /**
     * Loads one story's part of the organisation into its own tenant ({@link DemoStory#tenant()}), with handoff times
     * relative to {@code now}: the depot's teams, people and handoffs, or the ward's.
     */
    public static void load(GraphStore store, DemoStory story, Instant now) {
        store.saveTenant(new Tenant(story.tenant(), story.tenantName(), null, null, null, now));
        for (Team team : teams(story)) {
            store.saveTeam(story.tenant(), team);
        }
        for (Person person : people(story)) {
            store.savePerson(story.tenant(), person);
        }
        List<PersonId> here = people(story).stream().map(Person::id).toList();
        for (SampleHandoff handoff : handoffs()) {
            if (here.contains(PersonId.of(handoff.upstream()))) {
                handoff.writeTo(store, story.tenant(), now);
            }
        }
    }

    /** The teams of one story. */
    public static List<Team> teams(DemoStory story) {
        return teams().stream().filter(team -> story.holds(team.id())).toList();
    }

    /** The people of one story (the sample organisation's; the depot's friction story adds two drivers). */
    public static List<Person> people(DemoStory story) {
        return people().stream().filter(person -> person.teamId().filter(story::holds).isPresent()).toList();
    }

    /** Loads the whole organisation, depot and ward together, into {@code tenant}, with handoff times relative to {@code now}. */
    public static void load(GraphStore store, TenantId tenant, Instant now) {
        store.saveTenant(new Tenant(tenant, "Demo: Northside parcel depot and St Brigid's ward",
                null, null, null, now));
        for (Team team : teams()) {
            store.saveTeam(tenant, team);
        }
        for (Person person : people()) {
            store.savePerson(tenant, person);
        }
        for (SampleHandoff handoff : handoffs()) {
            handoff.writeTo(store, tenant, now);
        }
    }

    public static List<Team> teams() {
        return List.of(
                Team.of("preload", "Pre-load (night shift)", PersonId.of("lee")),
                Team.of("sort", "Sorting"),
                Team.of("drivers", "Delivery drivers", PersonId.of("ravi")),
                Team.of("dispatch", "Dispatch", PersonId.of("mia")),
                Team.of("customer-service", "Customer service"),
                Team.of("billing", "Billing"),
                Team.of("admissions", "Admissions"),
                Team.of("triage", "Emergency triage"),
                Team.of("ward", "Ward 4 nursing", PersonId.of("wen")),
                Team.of("pharmacy", "Pharmacy"),
                Team.of("discharge", "Discharge planning"));
    }

    public static List<Person> people() {
        ZoneId depot = ZoneId.of("Europe/London");
        ZoneId hospital = ZoneId.of("Europe/Dublin");
        return List.of(
                person("pat", "Pat Okafor", "preload", depot),
                person("lee", "Lee Marsh", "preload", depot),
                person("sam", "Sam Reyes", "sort", depot),
                person("noor", "Noor Haddad", "sort", depot),
                person("dana", "Dana Kowalski", "drivers", depot),
                person("ravi", "Ravi Shah", "drivers", depot),
                person("mia", "Mia Laurent", "dispatch", depot),
                person("chris", "Chris Byrne", "customer-service", depot),
                person("ola", "Ola Nilsen", "customer-service", depot),
                person("bea", "Bea Santos", "billing", depot),
                person("ada", "Ada Mensah", "admissions", hospital),
                person("ben", "Ben Murphy", "admissions", hospital),
                person("tom", "Tom Walsh", "triage", hospital),
                person("wen", "Wen Li", "ward", hospital),
                person("will", "Will Doyle", "ward", hospital),
                person("phil", "Phil Grant", "pharmacy", hospital),
                person("dee", "Dee Kelly", "discharge", hospital));
    }

    private static Person person(String id, String name, String team, ZoneId zone) {
        return new Person(PersonId.of(id), name, null, TeamId.of(team), zone, Map.of());
    }

    static List<SampleHandoff> handoffs() {
        return List.of(
                // Parcel depot
                both("sam", "pat", "parcels sorted by route", Frequency.DAILY, Criticality.CRITICAL, 10),
                downstreamOnly("pat", "dana", "truck loaded in delivery order", Frequency.DAILY, Criticality.CRITICAL),
                both("lee", "ravi", "truck loaded in delivery order", Frequency.DAILY, Criticality.CRITICAL, 200),
                both("mia", "dana", "route plan", Frequency.DAILY, Criticality.IMPORTANT, 5),
                upstreamOnly("mia", "ravi", "route plan", Frequency.DAILY, Criticality.IMPORTANT),
                both("dana", "chris", "delivery scans and exceptions", Frequency.DAILY, Criticality.IMPORTANT, 20),
                disputedByDownstream("chris", "bea", "refund requests", Frequency.WEEKLY, Criticality.IMPORTANT),
                both("ola", "bea", "refund requests", Frequency.WEEKLY, Criticality.IMPORTANT, 30),
                upstreamOnly("bea", "mia", "credit holds on customer accounts", Frequency.WEEKLY, Criticality.ROUTINE),
                both("dana", "mia", "end-of-day route report", Frequency.DAILY, Criticality.ROUTINE, 3),
                downstreamOnly("noor", "lee", "parcels sorted by route", Frequency.DAILY, Criticality.CRITICAL),
                upstreamOnly("chris", "sam", "mis-sort complaints", Frequency.AD_HOC, Criticality.ROUTINE),
                // Hospital ward flow
                both("ada", "tom", "registered patient record", Frequency.DAILY, Criticality.CRITICAL, 15),
                both("ben", "tom", "registered patient record", Frequency.DAILY, Criticality.CRITICAL, 40),
                both("tom", "wen", "triage assessment and bed request", Frequency.DAILY, Criticality.CRITICAL, 12),
                downstreamOnly("wen", "phil", "medication orders", Frequency.DAILY, Criticality.CRITICAL),
                both("phil", "will", "dispensed medication", Frequency.DAILY, Criticality.CRITICAL, 25),
                both("wen", "will", "shift handover", Frequency.DAILY, Criticality.CRITICAL, 1),
                downstreamOnly("will", "dee", "discharge readiness note", Frequency.DAILY, Criticality.IMPORTANT),
                both("dee", "ben", "bed freed notice", Frequency.DAILY, Criticality.IMPORTANT, 240),
                disputedByDownstream("phil", "wen", "pharmacy stock report", Frequency.WEEKLY, Criticality.ROUTINE));
    }

    private static SampleHandoff both(String up, String down, String what, Frequency f, Criticality c, int confirmedDaysAgo) {
        return new SampleHandoff(up, down, new HandoffTerms(what, f, c), Optional.of(confirmedDaysAgo), Optional.empty(), false);
    }

    private static SampleHandoff upstreamOnly(String up, String down, String what, Frequency f, Criticality c) {
        return new SampleHandoff(up, down, new HandoffTerms(what, f, c), Optional.empty(), Optional.of(Side.UPSTREAM), false);
    }

    private static SampleHandoff downstreamOnly(String up, String down, String what, Frequency f, Criticality c) {
        return new SampleHandoff(up, down, new HandoffTerms(what, f, c), Optional.empty(), Optional.of(Side.DOWNSTREAM), false);
    }

    private static SampleHandoff disputedByDownstream(String up, String down, String what, Frequency f, Criticality c) {
        return new SampleHandoff(up, down, new HandoffTerms(what, f, c), Optional.empty(), Optional.of(Side.UPSTREAM), true);
    }

    /** One sample handoff and how it came about. */
    record SampleHandoff(String upstream, String downstream, HandoffTerms terms, Optional<Integer> confirmedDaysAgo,
                         Optional<Side> onlyClaimedBy, boolean disputedByDownstream) {

        void writeTo(GraphStore store, TenantId tenant, Instant now) {
            PersonId up = PersonId.of(upstream);
            PersonId down = PersonId.of(downstream);
            Instant created = now.minus(Duration.ofDays(confirmedDaysAgo.orElse(0) + 30L));
            if (confirmedDaysAgo.isPresent()) {
                store.claim(tenant, up, down, terms, Side.DOWNSTREAM, created);
                store.claim(tenant, up, down, terms, Side.UPSTREAM, now.minus(Duration.ofDays(confirmedDaysAgo.get())));
                return;
            }
            store.claim(tenant, up, down, terms, onlyClaimedBy.orElseThrow(), created);
            if (disputedByDownstream) {
                store.dispute(tenant, up, down, Side.DOWNSTREAM, now.minus(Duration.ofDays(2)));
            }
        }
    }
}
