package io.handoff.friction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.handoff.chat.Actor;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.nudge.Engagement;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A fresh tenant on the real test Redis: a pre-load team (Ana, Bob; managed by Lee) handing loaded trucks to six
 * drivers (d1..d6, managed by Ravi), plus the friction services on a clock the test moves. Monday 2426-11-23 is the
 * start of ISO week 2426-W48.
 */
public class FrictionFixture {
    /**
     * A Monday far in the future (the Gregorian calendar repeats every 400 years, so weeks and weekdays are those of
     * 2026): jobs these tests schedule are never due for a scheduler worker of another test running in the same JVM.
     */
    public static final Instant MONDAY = Instant.parse("2426-11-23T09:00:00Z");

    public final UnifiedJedis redis = TestRedis.client();
    public final TenantId tenant = TestRedis.uniqueTenant();
    public final GraphStore graph = new RedisGraphStore(redis);
    public final MutableClock clock = new MutableClock(MONDAY);
    public final FrictionStore store = new FrictionStore(redis);
    public final Engagement engagement = new Engagement(redis);
    public FrictionSettings settings = FrictionSettings.defaults();
    public final FrictionService friction = new FrictionService(graph, store, engagement, t -> settings, clock,
            new Random(7));

    public FrictionFixture() {
        graph.saveTenant(new Tenant(tenant, "Acme", null, null, null, MONDAY));
        graph.saveTeam(tenant, Team.of("preload", "Pre-load", PersonId.of("lee")));
        graph.saveTeam(tenant, Team.of("drivers", "Delivery drivers", PersonId.of("ravi")));
        person("ana", "Ana Silva", "preload");
        person("bob", "Bob Stone", "preload");
        person("lee", "Lee Marsh", "preload");
        person("ravi", "Ravi Shah", "drivers");
        for (int i = 1; i <= 6; i++) {
            person("d" + i, "Driver Number" + i, "drivers");
        }
    }

    public Person person(String id, String name, String team) {
        Person person = new Person(PersonId.of(id), name, null, TeamId.of(team), null, Map.of());
        graph.savePerson(tenant, person);
        return person;
    }

    public static PersonId id(String value) {
        return PersonId.of(value);
    }

    public Actor actor(String person) {
        return new Actor(tenant, id(person));
    }

    /** A handoff both sides confirmed. */
    public Handoff confirmed(String up, String down, String what, Criticality criticality) {
        HandoffTerms terms = new HandoffTerms(what, Frequency.DAILY, criticality);
        graph.claim(tenant, id(up), id(down), terms, Side.DOWNSTREAM, clock.instant());
        return graph.claim(tenant, id(up), id(down), terms, Side.UPSTREAM, clock.instant());
    }

    /** A handoff only the downstream named. */
    public Handoff claimed(String up, String down, String what, Criticality criticality) {
        return graph.claim(tenant, id(up), id(down), new HandoffTerms(what, Frequency.DAILY, criticality),
                Side.DOWNSTREAM, clock.instant());
    }

    /** Ana hands loaded trucks (critical) to d1..dn. */
    public void anaLoadsTrucksFor(int drivers) {
        for (int i = 1; i <= drivers; i++) {
            confirmed("ana", "d" + i, "loaded trucks", Criticality.CRITICAL);
        }
    }

    public void rate(String up, String down, int score, String comment) {
        friction.answer(tenant, id(down), id(up), score, comment);
    }

    public List<String> keys() {
        return TestRedis.keysOf(tenant);
    }
}
