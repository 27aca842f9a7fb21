package io.handoff.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;

/** Reads the part of the graph a scope covers and turns it into a {@link DependencyMap}. */
public final class MapService {

    private final GraphStore store;
    private final MapBuilder builder;
    private final JourneyPeople journeys;

    public MapService(GraphStore store, MapBuilder builder) {
        this(store, builder, JourneyPeople.NONE);
    }

    public MapService(GraphStore store, MapBuilder builder, JourneyPeople journeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
    }

    public GraphStore store() {
        return store;
    }

    public boolean tenantExists(TenantId tenant) {
        return store.tenant(tenant).isPresent();
    }

    /** The map of {@code scope}; throws {@link MapNotFoundException} for an unknown person or team. */
    public DependencyMap build(TenantId tenant, MapScope scope) {
        if (scope instanceof MapScope.Person p) {
            Person centre = store.person(tenant, p.centre()).orElseThrow(() ->
                    new MapNotFoundException("no person '" + p.centre() + "' in tenant '" + tenant + "'"));
            OrgGraph slice = store.neighbourhood(tenant, p.centre(), p.depth()).graph();
            return builder.people(tenant, scope, "Handoffs around " + centre.displayName() + " (depth " + p.depth()
                    + ")", slice);
        }
        if (scope instanceof MapScope.Journey j) {
            JourneyPeople.Crew crew = journeys.crew(tenant, j.journey()).filter(c -> c.id().equals(j.journey()))
                    .orElseThrow(() -> new MapNotFoundException("no journey '" + j.journey() + "' in tenant '"
                            + tenant + "'"));
            OrgGraph all = store.graph(tenant);
            Map<PersonId, Person> people = new LinkedHashMap<>();
            all.people().forEach((id, person) -> {
                if (crew.people().contains(id)) {
                    people.put(id, person);
                }
            });
            List<Handoff> edges = all.edges().stream()
                    .filter(e -> people.containsKey(e.upstream()) && people.containsKey(e.downstream())).toList();
            return builder.people(tenant, scope, "People behind the journey " + crew.name(),
                    new OrgGraph(people, all.teams(), edges));
        }
        TeamMap teams = store.teamMap(tenant);
        if (scope instanceof MapScope.Team t) {
            if (!teams.teams().containsKey(t.team())) {
                throw new MapNotFoundException("no team '" + t.team() + "' in tenant '" + tenant + "'");
            }
            OrgGraph slice = teamSlice(store.graph(tenant), t.team(), t.depth());
            return builder.people(tenant, scope, "Team " + teams.teamName(t.team()) + " and its neighbours", slice);
        }
        // The people's handoffs are read as well, so each arrow between teams says what is handed over.
        return builder.teams(tenant, scope, "Organisation by team (" + teams.teams().size() + " teams)", teams,
                TeamItems.of(store.graph(tenant)));
    }

    /**
     * The map around a person with only the people in {@code visible} (the people a viewer can see); the title says
     * so. The centre must be one of them.
     */
    public DependencyMap buildWithin(TenantId tenant, MapScope.Person scope, Set<PersonId> visible) {
        Person centre = store.person(tenant, scope.centre()).filter(p -> visible.contains(p.id())).orElseThrow(() ->
                new MapNotFoundException("no person '" + scope.centre() + "' in tenant '" + tenant + "'"));
        OrgGraph slice = store.neighbourhood(tenant, scope.centre(), scope.depth()).graph();
        Map<PersonId, Person> people = new LinkedHashMap<>();
        slice.people().forEach((id, person) -> {
            if (visible.contains(id)) {
                people.put(id, person);
            }
        });
        List<Handoff> edges = slice.edges().stream()
                .filter(e -> people.containsKey(e.upstream()) && people.containsKey(e.downstream())).toList();
        return builder.people(tenant, scope, "Handoffs around " + centre.displayName() + " (depth " + scope.depth()
                + "), only people you can see", new OrgGraph(people, slice.teams(), edges));
    }

    /** Names of the silo teams (no confirmed handoff with another team, org-wide) that appear on {@code map}. */
    public List<String> siloNames(TenantId tenant, DependencyMap map) {
        Set<String> onMap = new TreeSet<>();
        map.groups().forEach(g -> onMap.add(g.id()));
        map.nodes().stream().filter(n -> n.kind() == MapNode.Kind.TEAM).forEach(n -> onMap.add(n.id()));
        TeamMap teams = store.teamMap(tenant);
        return io.handoff.graph.GraphQueries.silos(teams).stream().filter(t -> onMap.contains(t.value()))
                .map(teams::teamName).toList();
    }

    /** The team's people and everyone within {@code depth} handoffs of one of them, in either direction. */
    static OrgGraph teamSlice(OrgGraph graph, TeamId team, int depth) {
        Map<PersonId, List<PersonId>> around = new HashMap<>();
        for (Handoff edge : graph.edges()) {
            around.computeIfAbsent(edge.upstream(), k -> new ArrayList<>()).add(edge.downstream());
            around.computeIfAbsent(edge.downstream(), k -> new ArrayList<>()).add(edge.upstream());
        }
        Set<PersonId> reached = new TreeSet<>();
        graph.people().values().stream().filter(p -> team.equals(p.team())).forEach(p -> reached.add(p.id()));
        List<PersonId> frontier = new ArrayList<>(reached);
        for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
            List<PersonId> next = new ArrayList<>();
            for (PersonId p : frontier) {
                for (PersonId q : around.getOrDefault(p, List.of())) {
                    if (reached.add(q)) {
                        next.add(q);
                    }
                }
            }
            frontier = next;
        }
        Map<PersonId, Person> people = new LinkedHashMap<>();
        reached.forEach(id -> graph.person(id).ifPresent(p -> people.put(id, p)));
        List<Handoff> edges = graph.edges().stream()
                .filter(e -> people.containsKey(e.upstream()) && people.containsKey(e.downstream())).toList();
        return new OrgGraph(people, graph.teams(), edges);
    }

    /** Resolves the people and teams a chat command names in {@code tenant}. */
    public MapCommand.Names names(TenantId tenant) {
        return new MapCommand.Names() {
            @Override
            public Optional<PersonId> person(String reference) {
                return findPerson(tenant, reference);
            }

            @Override
            public Optional<TeamId> team(String idOrName) {
                return findTeam(store.teamMap(tenant), idOrName);
            }

            @Override
            public Optional<String> journey(String idOrName) {
                return journeys.crew(tenant, idOrName).map(JourneyPeople.Crew::id);
            }
        };
    }

    Optional<PersonId> findPerson(TenantId tenant, String reference) {
        String ref = reference.strip();
        if (ref.startsWith("@")) {
            ref = ref.substring(1);
        }
        if (ref.contains("@") && ref.indexOf('@') > 0) {
            Optional<PersonId> byEmail = store.personByEmail(tenant, ref);
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        if (Identifier.isValid(ref)) {
            PersonId id = PersonId.of(ref);
            if (store.person(tenant, id).isPresent()) {
                return Optional.of(id);
            }
            for (Platform platform : Platform.values()) {
                Optional<PersonId> found = store.personByIdentity(tenant, platform, ref);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<TeamId> findTeam(TeamMap teams, String idOrName) {
        String wanted = idOrName.strip().toLowerCase(Locale.ROOT);
        return teams.teams().values().stream()
                .filter(t -> t.id().value().toLowerCase(Locale.ROOT).equals(wanted)
                        || t.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(io.handoff.graph.Team::id)
                .findFirst();
    }
}
