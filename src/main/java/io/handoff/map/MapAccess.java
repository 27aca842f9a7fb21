package io.handoff.map;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.handoff.settings.AdminsInData;
import io.handoff.settings.TenantAdmins;

/**
 * Who may see which map. Everyone: their own neighbourhood up to depth {@value #EMPLOYEE_MAX_DEPTH}. Managers (named
 * on a team): their teams and anyone in them, at any depth, the organisation by team, and the people behind a
 * customer journey (as the {@code journey} command). Admins (configured per
 * tenant): everything. Friction is never shown per answer on any map (see {@link FrictionScores}). A refusal says what
 * the person may ask for instead.
 */
public final class MapAccess implements TenantAdmins {
    public static final int EMPLOYEE_MAX_DEPTH = 2;

    private final GraphStore store;
    private final Map<String, List<String>> admins;
    private final List<AdminsInData> adminsInData;

    public MapAccess(GraphStore store, Map<String, List<String>> admins) {
        this(store, admins, List.of());
    }

    /** {@code adminsInData}: admins a tenant's own data names besides the configured ones (the demo stories'). */
    public MapAccess(GraphStore store, Map<String, List<String>> admins, List<AdminsInData> adminsInData) {
        this.store = Objects.requireNonNull(store, "store");
        this.admins = Map.copyOf(admins);
        this.adminsInData = List.copyOf(adminsInData);
    }

    /** Who is asking: their teams as manager and whether they are an admin of the tenant. */
    public Viewer viewer(TenantId tenant, PersonId person) {
        TeamMap teams = store.teamMap(tenant);
        Set<TeamId> managed = new TreeSet<>();
        teams.teams().values().stream().filter(t -> t.managers().contains(person)).map(Team::id).forEach(managed::add);
        List<String> tenantAdmins = admins.getOrDefault(tenant.value(), List.of());
        boolean admin = tenantAdmins.contains(person.value().toLowerCase(Locale.ROOT))
                || adminsInData.stream().anyMatch(source -> source.admins(tenant).contains(person));
        if (!admin && !tenantAdmins.isEmpty()) {
            admin = store.person(tenant, person).map(Person::email).filter(tenantAdmins::contains).isPresent();
        }
        Map<TeamId, String> names = new java.util.TreeMap<>();
        managed.forEach(t -> names.put(t, teams.teamName(t)));
        return new Viewer(tenant, person, admin, names);
    }

    @Override
    public boolean isAdmin(TenantId tenant, PersonId person) {
        return viewer(tenant, person).admin();
    }

    /**
     * The person ids and email addresses configured as the tenant's admins (HANDOFF_MAP_ADMINS), then the ids its data
     * names (the demo stories' admins); may be empty.
     */
    @Override
    public List<String> admins(TenantId tenant) {
        List<String> all = new java.util.ArrayList<>(admins.getOrDefault(tenant.value(), List.of()));
        adminsInData.forEach(source -> source.admins(tenant).stream().map(PersonId::value)
                .filter(id -> !all.contains(id)).forEach(all::add));
        return List.copyOf(all);
    }

    /** May {@code viewer} see {@code scope}? {@code teamOf} tells a person's team. */
    public Decision decide(Viewer viewer, MapScope scope) {
        if (viewer.admin()) {
            return Decision.ALLOWED;
        }
        if (scope instanceof MapScope.Org) {
            return viewer.manager() ? Decision.ALLOWED
                    : refuse(viewer, "Only managers and admins may see the whole organisation.");
        }
        if (scope instanceof MapScope.Journey) {
            return viewer.manager() ? Decision.ALLOWED
                    : refuse(viewer, "Only managers and admins may see the people behind a customer journey.");
        }
        if (scope instanceof MapScope.Team team) {
            return viewer.manages(team.team()) ? Decision.ALLOWED
                    : refuse(viewer, "Only the team's managers and admins may see that team's map.");
        }
        MapScope.Person person = (MapScope.Person) scope;
        if (viewer.manager()) {
            Optional<TeamId> team = store.person(viewer.tenant(), person.centre()).flatMap(Person::teamId);
            if (team.isPresent() && viewer.manages(team.get())) {
                return Decision.ALLOWED;
            }
        }
        if (person.centre().equals(viewer.person())) {
            return person.depth() <= EMPLOYEE_MAX_DEPTH ? Decision.ALLOWED
                    : refuse(viewer, "Your own map goes up to depth " + EMPLOYEE_MAX_DEPTH + ".");
        }
        return refuse(viewer, "You may see other people's maps only for teams you manage.");
    }

    private static Decision refuse(Viewer viewer, String why) {
        StringBuilder instead = new StringBuilder(why).append(" You may ask for: your own neighbourhood ('map', "
                + "or 'map depth 1' / 'map depth 2')");
        if (viewer.manager()) {
            instead.append("; your teams at any depth (")
                    .append(viewer.managedTeams().values().stream().map(name -> "'map team " + name + "'")
                            .collect(Collectors.joining(", ")))
                    .append("), anyone in them ('map @person depth 3'); the organisation by team ('map org'); the people "
                            + "behind a customer journey ('map journey <name>')");
        }
        return new Decision(false, instead.append('.').toString());
    }

    /** The person asking for a map and what they manage. */
    public record Viewer(TenantId tenant, PersonId person, boolean admin, Map<TeamId, String> managedTeams) {
        public Viewer {
            managedTeams = Map.copyOf(managedTeams);
        }

        public boolean manager() {
            return !managedTeams.isEmpty();
        }

        public boolean manages(TeamId team) {
            return managedTeams.containsKey(team);
        }
    }

    /** Allowed, or refused with a sentence saying why and what may be asked instead. */
    public record Decision(boolean allowed, String explanation) {
        public static final Decision ALLOWED = new Decision(true, "");
    }
}
