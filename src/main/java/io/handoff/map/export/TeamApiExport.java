package io.handoff.map.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;

/**
 * A Team API (Team Topologies) document per team, filled with what Handoff knows: the teams it interacts with
 * (suppliers and internal customers, with how many handoffs and how many are critical) and the services it
 * provides to other teams. Sections Handoff cannot know (team type, ways of working) are left for the team.
 */
public final class TeamApiExport implements MapExport {

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        TeamLinks teams = TeamLinks.of(map);
        List<Object> documents = new ArrayList<>();
        teams.teams().forEach((id, name) -> {
            List<Map<String, Object>> interactions = new ArrayList<>();
            teams.suppliersOf(id).forEach(l -> interactions.add(interaction(teams, l.upstream(), "supplier", l)));
            teams.customersOf(id).forEach(l -> interactions.add(interaction(teams, l.downstream(), "internal customer", l)));
            List<Map<String, Object>> services = new ArrayList<>();
            teams.customersOf(id).forEach(l -> {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("to", l.downstream());
                service.put("toName", TextEscapes.xmlSafe(teams.teams().get(l.downstream())));
                service.put("handoffs", l.handoffs());
                service.put("critical", l.critical());
                services.add(service);
            });
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("id", id);
            team.put("name", TextEscapes.xmlSafe(name));
            team.put("teamType", null);
            team.put("handoffsInsideTeam", teams.inside().getOrDefault(id, 0));
            team.put("servicesProvided", services);
            team.put("teamsWeCurrentlyInteractWith", interactions);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("teamApi", team);
            documents.add(document);
        });
        return BackstageExport.yaml().dumpAll(documents.iterator()).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> interaction(TeamLinks teams, String other, String role, TeamLinks.Link link) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("team", other);
        entry.put("teamName", TextEscapes.xmlSafe(teams.teams().get(other)));
        entry.put("role", role);
        entry.put("handoffs", link.handoffs());
        entry.put("critical", link.critical());
        entry.put("confirmed", link.confirmed());
        entry.put("disputed", link.disputed());
        entry.put("unconfirmed", link.pending());
        return entry;
    }
}
