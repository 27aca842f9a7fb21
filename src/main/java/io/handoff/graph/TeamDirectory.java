package io.handoff.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's team directory (names and managers) held in memory and stamped with the tenant's teams-version token
 * ({@link GraphKeys#teamsVersion()}), which every write to the directory replaces. A reader sends one GET of the
 * token with its other reads and uses the copy when the token is unchanged, instead of reading the whole directory
 * (500 teams are about 25 KB) for every ego map. The token is read before the directory, so a copy is never newer
 * than its stamp says, and a copy filed under a stale token is simply read again.
 */
final class TeamDirectory {
    /** The version of a tenant that never wrote its directory since versions were introduced. */
    static final String UNVERSIONED = "";

    private record Copy(String version, Map<String, Team> teams) {
    }

    private final Map<TenantId, Copy> copies = new ConcurrentHashMap<>();

    boolean holds(TenantId tenant) {
        return copies.containsKey(tenant);
    }

    /** The tenant's teams by id when the copy held is at {@code version}; empty when it must be read again. */
    Optional<Map<String, Team>> current(TenantId tenant, String version) {
        Copy copy = copies.get(tenant);
        return copy != null && copy.version().equals(versionOrUnversioned(version))
                ? Optional.of(copy.teams()) : Optional.empty();
    }

    /** Decodes a directory read after {@code version}, keeps it, and returns it. */
    Map<String, Team> remember(TenantId tenant, String version, Map<String, String> names,
                               Map<String, String> managers) {
        Map<String, Team> teams = new HashMap<>(names.size() * 2);
        names.forEach((id, name) -> {
            String managerList = managers.getOrDefault(id, "");
            List<PersonId> managerIds = managerList.isEmpty() ? List.of()
                    : Arrays.stream(managerList.split(",")).map(PersonId::of).toList();
            TeamId teamId = TeamId.of(id);
            teams.put(id, new Team(teamId, name, managerIds));
        });
        Map<String, Team> frozen = Collections.unmodifiableMap(teams);
        copies.put(tenant, new Copy(versionOrUnversioned(version), frozen));
        return frozen;
    }

    private static String versionOrUnversioned(String version) {
        return Objects.requireNonNullElse(version, UNVERSIONED);
    }
}
