package io.handoff.map;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.handoff.graph.PersonId;

/**
 * Re-centres a map on a person someone clicked. Where the viewer may see that person's own map (themselves, people in
 * the teams they manage, admins: {@link MapAccess}), it is shown whole. Otherwise the viewer may still centre on
 * anyone they can already see (the people within {@value MapAccess#EMPLOYEE_MAX_DEPTH} handoffs of themselves, and the
 * people on the map their link opened), and the map shows only those people. Anyone else is not shown, with a reason
 * in plain words.
 */
public final class MapCentring {
    static final String NOT_VISIBLE = "You can't centre the map on this person. You can see the people within "
            + MapAccess.EMPLOYEE_MAX_DEPTH + " handoffs of you and the people on the map this link opened; the map "
            + "around anyone else is for their team's managers and your organisation's admins.";

    private final MapService maps;
    private final MapAccess access;

    public MapCentring(MapService maps, MapAccess access) {
        this.maps = Objects.requireNonNull(maps, "maps");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** The map around {@code person}, or why it is not shown. */
    public sealed interface Result {
        /** The map, whole or limited to the people the viewer can see. */
        record Shown(DependencyMap map) implements Result {
        }

        /** Not shown: {@code reason} is a sentence for the viewer. */
        record NotShown(String reason) implements Result {
        }
    }

    public Result centre(MapAccess.Viewer viewer, MapScope linkScope, PersonId person, int depth) {
        MapScope.Person scope = new MapScope.Person(person, depth);
        if (access.decide(viewer, scope).allowed()) {
            return new Result.Shown(maps.build(viewer.tenant(), scope));
        }
        Set<PersonId> visible = visiblePeople(viewer, linkScope);
        if (!visible.contains(person)) {
            return new Result.NotShown(NOT_VISIBLE);
        }
        return new Result.Shown(maps.buildWithin(viewer.tenant(), scope, visible));
    }

    /** The people the viewer can already see: their own neighbourhood, and the people on their link's map. */
    Set<PersonId> visiblePeople(MapAccess.Viewer viewer, MapScope linkScope) {
        Set<PersonId> visible = new TreeSet<>();
        if (maps.store().person(viewer.tenant(), viewer.person()).isPresent()) {
            visible.addAll(maps.store().neighbourhood(viewer.tenant(), viewer.person(), MapAccess.EMPLOYEE_MAX_DEPTH)
                    .graph().people().keySet());
        }
        if (!(linkScope instanceof MapScope.Org) && access.decide(viewer, linkScope).allowed()) {
            maps.build(viewer.tenant(), linkScope).nodes().stream().filter(n -> n.kind() == MapNode.Kind.PERSON)
                    .forEach(n -> visible.add(PersonId.of(n.id())));
        }
        return visible;
    }
}
