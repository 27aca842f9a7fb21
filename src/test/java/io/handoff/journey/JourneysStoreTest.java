package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.privacy.DataSection;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Journeys and signals on the real test Redis: round trip, idempotence, ownerless owners, forget-me, atomic imports. */
class JourneysStoreTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    final UnifiedJedis redis = TestRedis.client();
    final TenantId tenant = TestRedis.uniqueTenant();
    final RedisGraphStore graph = new RedisGraphStore(redis);
    final JourneyStore store = new JourneyStore(redis);
    final Journeys journeys = new Journeys(store, graph);

    @BeforeEach
    void organisation() {
        graph.saveTeam(tenant, Team.of("drivers", "Delivery drivers"));
        graph.saveTeam(tenant, Team.of("billing", "Billing"));
        graph.savePerson(tenant, Person.of("dana", "Dana", "drivers"));
        graph.savePerson(tenant, Person.of("bea", "Bea", "billing"));
    }

    static Journey parcel(String name) {
        return new Journey(JourneyId.of("parcel"), name, "someone expecting a parcel", List.of(
                new Stage("Delivery", List.of(new Touchpoint(TouchpointId.of("delivered"), "Parcel delivered",
                        Channel.IN_PERSON, List.of(TeamId.of("drivers")), List.of(PersonId.of("dana")), Weight.GAME_OVER))),
                new Stage("After", List.of(new Touchpoint(TouchpointId.of("invoice"), "Invoice", Channel.EMAIL,
                        List.of(), List.of(PersonId.of("bea")), Weight.ROUTINE)))));
    }

    static CustomerSignal signal(String touchpoint, String period, String metric, double value) {
        return new CustomerSignal(TouchpointId.of(touchpoint), SignalPeriod.parse(period), metric, value, 100, Better.HIGHER);
    }

    /** Every journey key of the tenant with its value, to compare before and after. */
    Map<String, Object> snapshot() {
        Map<String, Object> keys = new TreeMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(TenantKeys.prefix(tenant) + "journey*").count(500));
            for (String key : page.getResult()) {
                String type = redis.type(key);
                keys.put(key, switch (type) {
                    case "string" -> redis.get(key);
                    case "hash" -> new TreeMap<>(redis.hgetAll(key));
                    case "set" -> new java.util.TreeSet<>(redis.smembers(key));
                    default -> type;
                });
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    @Test
    void aJourneyRoundTripsAndDefiningItTwiceChangesNothing() {
        assertThat(journeys.define(tenant, parcel("Parcel delivery"))).isEqualTo(Journeys.Defined.CREATED);
        Map<String, Object> once = snapshot();

        assertThat(journeys.define(tenant, parcel("Parcel delivery"))).isEqualTo(Journeys.Defined.UNCHANGED);

        assertThat(snapshot()).isEqualTo(once);
        assertThat(journeys.journey(tenant, JourneyId.of("parcel"))).contains(parcel("Parcel delivery"));
        assertThat(journeys.journeys(tenant)).containsExactly(parcel("Parcel delivery"));
        assertThat(journeys.define(tenant, parcel("Parcels"))).isEqualTo(Journeys.Defined.UPDATED);
        assertThat(journeys.journey(tenant, JourneyId.of("parcel")).orElseThrow().name()).isEqualTo("Parcels");
        assertThat(once.keySet()).allSatisfy(key -> assertThat(key).startsWith(TenantKeys.prefix(tenant)));
    }

    @Test
    void deletingAJourneyRemovesItAndItsSignals() {
        journeys.define(tenant, parcel("Parcel delivery"));
        journeys.importSignals(tenant, JourneyId.of("parcel"), j -> List.of(signal("delivered", "2026-W14", "CSAT", 4.1)));

        assertThat(journeys.delete(tenant, JourneyId.of("parcel"))).isTrue();

        assertThat(snapshot()).isEmpty();
        assertThat(journeys.delete(tenant, JourneyId.of("parcel"))).isFalse();
        assertThat(journeys.journey(tenant, JourneyId.of("parcel"))).isEmpty();
        assertThatThrownBy(() -> journeys.signals(tenant, JourneyId.of("parcel"))).isInstanceOf(UnknownJourneyException.class);
    }

    @Test
    void ownersTheGraphDoesNotKnowAreRefusedByField() {
        Journey typo = new Journey(JourneyId.of("j"), "J", "someone", List.of(new Stage("S", List.of(
                new Touchpoint(TouchpointId.of("t"), "T", Channel.APP, List.of(TeamId.of("drivers"), TeamId.of("drviers")),
                        List.of(PersonId.of("dnaa")), Weight.ROUTINE)))));

        JourneyRefusal refusal = catchThrowableOfType(JourneyRefusal.class, () -> journeys.define(tenant, typo));

        assertThat(refusal.problems()).containsExactly(
                new FieldProblem("stages[0].touchpoints[0].owners.teams[1]", "there is no team 'drviers'"),
                new FieldProblem("stages[0].touchpoints[0].owners.people[0]", "there is no person 'dnaa'"));
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void aDeletedPersonLeavesTheTouchpointOwnerlessNotDangling() {
        journeys.define(tenant, parcel("Parcel delivery"));

        graph.deletePerson(tenant, PersonId.of("bea"));

        List<Owners> owners = journeys.owners(tenant, journeys.journey(tenant, JourneyId.of("parcel")).orElseThrow());
        assertThat(owners.get(1).ownerless()).isTrue();
        assertThat(owners.get(1).missingPeople()).containsExactly(PersonId.of("bea"));
        assertThat(owners.get(1).people()).isEmpty();
        assertThat(owners.get(0).ownerless()).isFalse();
    }

    @Test
    void aTeamGoneFromTheDirectoryLeavesItsTouchpointsWithoutThatOwner() {
        journeys.define(tenant, parcel("Parcel delivery"));
        graph.deletePerson(tenant, PersonId.of("dana"));
        // GraphStore has no team deletion yet: remove the team as one would (directory entry gone, version bumped)
        redis.hdel(TenantKeys.key(tenant, "teams"), "drivers");
        redis.set(TenantKeys.key(tenant, "teams-version"), UUID.randomUUID().toString());

        Owners delivered = journeys.owners(tenant, journeys.journey(tenant, JourneyId.of("parcel")).orElseThrow()).get(0);

        assertThat(delivered.ownerless()).isTrue();
        assertThat(delivered.missingTeams()).containsExactly(TeamId.of("drivers"));
        assertThat(delivered.missingPeople()).containsExactly(PersonId.of("dana"));
    }

    @Test
    void forgetMeRemovesThePersonFromEveryTouchpointTheyOwned() {
        journeys.define(tenant, parcel("Parcel delivery"));
        JourneyPersonalData personal = new JourneyPersonalData(journeys);

        List<DataSection> before = personal.describe(tenant, PersonId.of("dana"));
        List<String> erased = personal.erase(tenant, PersonId.of("dana"));

        assertThat(before).singleElement().satisfies(s -> assertThat(s.lines())
                .containsExactly("Front-line owner of \"Parcel delivered\" in the journey \"Parcel delivery\""));
        assertThat(erased).containsExactly("your ownership of touchpoints in 1 customer journey");
        Journey after = journeys.journey(tenant, JourneyId.of("parcel")).orElseThrow();
        assertThat(after.touchpoint(TouchpointId.of("delivered")).orElseThrow().ownerPeople()).isEmpty();
        assertThat(after.touchpoint(TouchpointId.of("delivered")).orElseThrow().ownerTeams()).containsExactly(TeamId.of("drivers"));
        assertThat((String) snapshot().get(TenantKeys.key(tenant, "journey:parcel"))).doesNotContain("dana");
        assertThat(personal.describe(tenant, PersonId.of("dana"))).isEmpty();
        assertThat(personal.erase(tenant, PersonId.of("dana"))).isEmpty();
        assertThat(personal.erase(tenant, PersonId.of("bea"))).hasSize(1);
        assertThat(journeys.owners(tenant, journeys.journey(tenant, JourneyId.of("parcel")).orElseThrow()).get(1).ownerless())
                .isTrue();
    }

    @Test
    void signalsImportAndAReImportChangesNothing() {
        journeys.define(tenant, parcel("Parcel delivery"));
        List<CustomerSignal> rows = List.of(signal("delivered", "2026-W14", "CSAT", 4.1),
                signal("delivered", "2026-W15", "CSAT", 3.8), signal("invoice", "2026-04", "complaints", 3));

        Journeys.Imported first = journeys.importSignals(tenant, JourneyId.of("parcel"), j -> rows);
        Map<String, Object> once = snapshot();
        Journeys.Imported again = journeys.importSignals(tenant, JourneyId.of("parcel"), j -> rows);

        assertThat(first).isEqualTo(new Journeys.Imported(3, 3));
        assertThat(again).isEqualTo(new Journeys.Imported(3, 0));
        assertThat(snapshot()).isEqualTo(once);
        assertThat(journeys.signals(tenant, JourneyId.of("parcel"))).containsExactly(
                rows.get(0), rows.get(1), rows.get(2));
        Journeys.Imported corrected = journeys.importSignals(tenant, JourneyId.of("parcel"),
                j -> List.of(signal("delivered", "2026-W15", "CSAT", 3.7)));
        assertThat(corrected.changed()).isEqualTo(1);
        assertThat(journeys.signals(tenant, JourneyId.of("parcel")).get(1).value()).isEqualTo(3.7);
    }

    @Test
    void aRefusedImportWritesNothing() {
        journeys.define(tenant, parcel("Parcel delivery"));
        journeys.importSignals(tenant, JourneyId.of("parcel"), j -> List.of(signal("delivered", "2026-W14", "CSAT", 4.1)));
        Map<String, Object> before = snapshot();

        assertThatThrownBy(() -> journeys.importSignals(tenant, JourneyId.of("parcel"), j -> SignalRows.csv(j,
                new java.io.StringReader(SignalRowsTest.HEADER + "delivered,2026-W14,CSAT,2.0,10,higher\n"
                        + "delivered,2026-W16,CSAT,4.0,10,higher\nnowhere,2026-W16,CSAT,4.0,10,higher\n"))))
                .isInstanceOf(SignalRefusal.class).hasMessageContaining("row 3, touchpoint");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void signalsCheckedAgainstAnOlderDefinitionAreNotWrittenAndAreCheckedAgain() {
        journeys.define(tenant, parcel("Parcel delivery"));
        String old = store.get(tenant, JourneyId.of("parcel")).orElseThrow().json();
        journeys.define(tenant, parcel("Parcels"));
        Map<String, Object> before = snapshot();

        long written = store.writeSignals(tenant, JourneyId.of("parcel"), old,
                List.of(signal("delivered", "2026-W14", "CSAT", 4.1), signal("invoice", "2026-W14", "CSAT", 4.0)));

        assertThat(written).isEqualTo(-1);
        assertThat(snapshot()).isEqualTo(before);

        AtomicInteger checks = new AtomicInteger();
        Journeys.Imported imported = journeys.importSignals(tenant, JourneyId.of("parcel"), journey -> {
            if (checks.incrementAndGet() == 1) {
                journeys.define(tenant, parcel("Parcel delivery, edited meanwhile"));
            }
            return List.of(signal("delivered", "2026-W14", "CSAT", 4.1));
        });
        assertThat(checks.get()).isEqualTo(2);
        assertThat(imported.changed()).isEqualTo(1);
    }

    @Test
    void redefiningWithoutATouchpointDropsItsSignals() {
        journeys.define(tenant, parcel("Parcel delivery"));
        journeys.importSignals(tenant, JourneyId.of("parcel"), j -> List.of(signal("delivered", "2026-W14", "CSAT", 4.1),
                signal("invoice", "2026-W14", "complaints", 2)));
        Journey withoutInvoice = new Journey(JourneyId.of("parcel"), "Parcel delivery", "someone expecting a parcel",
                List.of(parcel("x").stages().get(0)));

        journeys.define(tenant, withoutInvoice);

        assertThat(journeys.signals(tenant, JourneyId.of("parcel"))).extracting(s -> s.touchpoint().value())
                .containsExactly("delivered");
    }

    @Test
    void theLongestIdStaysInsideTheTenantsKeyTag() {
        JourneyId longest = JourneyId.of("j".repeat(128));
        Journey journey = new Journey(longest, "Long", "someone", parcel("x").stages());

        journeys.define(tenant, journey);

        assertThat(snapshot().keySet()).containsExactlyInAnyOrder(TenantKeys.key(tenant, "journeys"),
                TenantKeys.key(tenant, "journey:" + longest.value()));
        assertThat(journeys.journey(tenant, longest)).contains(journey);
    }
}
