package io.handoff.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;

/**
 * The journeys of a tenant and their customer signals: define (idempotent), read, list, delete, import signals (all
 * rows or none). Owners are checked against the graph when a journey is defined; later deletions of a team or person
 * are seen when the journey is read ({@link #owners}), so a touchpoint whose owners are gone shows as ownerless.
 */
public final class Journeys {
    private static final Logger log = LoggerFactory.getLogger(Journeys.class);
    private static final int CAS_ATTEMPTS = 10;

    private final JourneyStore store;
    private final GraphStore graph;

    /** The journeys stored in {@code redis}, their owners checked against {@code graph}. */
    public static Journeys onRedis(UnifiedJedis redis, GraphStore graph) {
        return new Journeys(new JourneyStore(redis), graph);
    }

    Journeys(JourneyStore store, GraphStore graph) {
        this.store = Objects.requireNonNull(store);
        this.graph = Objects.requireNonNull(graph);
    }

    /** The outcome of defining a journey: whether it was new, changed, or already exactly so. */
    public enum Defined { CREATED, UPDATED, UNCHANGED }

    /**
     * Stores the journey after checking that every owner exists in the graph (a {@link JourneyRefusal} names each
     * unknown one by its field). Defining the same journey twice changes nothing.
     */
    public Defined define(TenantId tenant, Journey journey) {
        List<FieldProblem> problems = unknownOwners(tenant, journey);
        if (!problems.isEmpty()) {
            throw new JourneyRefusal(problems);
        }
        boolean existed = store.get(tenant, journey.id()).isPresent();
        return switch (store.put(tenant, journey, null)) {
            case UNCHANGED -> Defined.UNCHANGED;
            case STORED -> existed ? Defined.UPDATED : Defined.CREATED;
            case CONFLICT -> throw new IllegalStateException("an unconditional write cannot conflict");
        };
    }

    public Optional<Journey> journey(TenantId tenant, JourneyId id) {
        return store.get(tenant, id).map(JourneyStore.Stored::journey);
    }

    public List<Journey> journeys(TenantId tenant) {
        return store.all(tenant).stream().map(JourneyStore.Stored::journey).toList();
    }

    /** Deletes the journey and its signals; false when there was none. */
    public boolean delete(TenantId tenant, JourneyId id) {
        return store.delete(tenant, id);
    }

    /** Each touchpoint's owners as they stand in the graph now, in journey order. */
    public List<Owners> owners(TenantId tenant, Journey journey) {
        Set<TeamId> teams = graph.teamMap(tenant).teams().keySet();
        List<Owners> owners = new ArrayList<>();
        for (Touchpoint t : journey.touchpoints()) {
            List<TeamId> present = t.ownerTeams().stream().filter(teams::contains).toList();
            List<TeamId> goneTeams = t.ownerTeams().stream().filter(team -> !teams.contains(team)).toList();
            List<PersonId> people = new ArrayList<>();
            List<PersonId> gone = new ArrayList<>();
            t.ownerPeople().forEach(p -> (graph.person(tenant, p).isPresent() ? people : gone).add(p));
            owners.add(new Owners(present, people, goneTeams, gone));
        }
        return owners;
    }

    /** The outcome of an import: rows read, and how many signals were new or changed (0 for a re-import). */
    public record Imported(int rows, long changed) {
    }

    /**
     * Imports signals parsed by {@link SignalRows} against the journey as it is stored: all rows or none. The rows
     * are written only if the journey is still the one they were checked against (else they are checked again).
     */
    public Imported importSignals(TenantId tenant, JourneyId id, SignalParser rows) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            JourneyStore.Stored stored = store.get(tenant, id).orElseThrow(() -> new UnknownJourneyException(id));
            List<CustomerSignal> signals = rows.parse(stored.journey());
            long changed = store.writeSignals(tenant, id, stored.json(), signals);
            if (changed >= 0) {
                log.info("imported {} customer signals into journey {} of tenant {} ({} new or changed)",
                        signals.size(), id, tenant, changed);
                return new Imported(signals.size(), changed);
            }
        }
        throw new Refusal("the journey kept changing during the import; nothing was imported, try again");
    }

    /** Reads the rows of an import against the journey they go into ({@link SignalRows#csv}, {@link SignalRows#tree}). */
    @FunctionalInterface
    public interface SignalParser {
        List<CustomerSignal> parse(Journey journey);
    }

    public List<CustomerSignal> signals(TenantId tenant, JourneyId id) {
        if (store.get(tenant, id).isEmpty()) {
            throw new UnknownJourneyException(id);
        }
        return store.signals(tenant, id);
    }

    /** The journeys naming {@code person} as a touchpoint owner. */
    public List<Journey> ownedBy(TenantId tenant, PersonId person) {
        return journeys(tenant).stream().filter(j -> j.ownedBy(person)).toList();
    }

    /** Removes {@code person} from every touchpoint's owners (forget-me); returns how many journeys named them. */
    public int forgetOwner(TenantId tenant, PersonId person) {
        int journeys = 0;
        for (JourneyStore.Stored stored : store.all(tenant)) {
            if (!stored.journey().ownedBy(person)) {
                continue;
            }
            journeys++;
            JourneyStore.Stored current = stored;
            for (int attempt = 0; ; attempt++) {
                if (store.put(tenant, current.journey().withoutPerson(person), current.json())
                        != JourneyStore.Written.CONFLICT) {
                    break;
                }
                Optional<JourneyStore.Stored> again = store.get(tenant, stored.journey().id());
                if (again.isEmpty() || attempt >= CAS_ATTEMPTS) {
                    break;
                }
                current = again.get();
            }
        }
        return journeys;
    }

    private List<FieldProblem> unknownOwners(TenantId tenant, Journey journey) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<TeamId> teams = graph.teamMap(tenant).teams().keySet();
        for (int s = 0; s < journey.stages().size(); s++) {
            List<Touchpoint> touchpoints = journey.stages().get(s).touchpoints();
            for (int t = 0; t < touchpoints.size(); t++) {
                String path = "stages[" + s + "].touchpoints[" + t + "].owners.";
                Touchpoint touchpoint = touchpoints.get(t);
                for (int i = 0; i < touchpoint.ownerTeams().size(); i++) {
                    TeamId team = touchpoint.ownerTeams().get(i);
                    if (!teams.contains(team)) {
                        problems.add(new FieldProblem(path + "teams[" + i + "]", "there is no team '" + team + "'"));
                    }
                }
                for (int i = 0; i < touchpoint.ownerPeople().size(); i++) {
                    PersonId person = touchpoint.ownerPeople().get(i);
                    if (graph.person(tenant, person).isEmpty()) {
                        problems.add(new FieldProblem(path + "people[" + i + "]", "there is no person '" + person + "'"));
                    }
                }
            }
        }
        return problems;
    }
}
