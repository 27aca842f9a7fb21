package io.handoff.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * The person's profile and every handoff they are on (with dispute reasons), for {@code my-data}; erasing deletes
 * the dispute reasons, then the person with all their handoffs. Erased last: other stores may still need the graph.
 */
@Component
class GraphPersonalData implements PersonalData {
    private final GraphStore graph;
    private final DisputeReasons reasons;

    public GraphPersonalData(GraphStore graph, DisputeReasons reasons) {
        this.graph = graph;
        this.reasons = reasons;
    }

    @Override
    public int eraseOrder() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId id) {
        Optional<Person> found = graph.person(tenant, id);
        if (found.isEmpty()) {
            return List.of();
        }
        Person person = found.get();
        OrgGraph mine = graph.neighbourhood(tenant, id, 1).graph();
        Map<String, Object> profile = new LinkedHashMap<>();
        List<String> profileLines = new ArrayList<>();
        profile.put("id", id.value());
        profile.put("name", person.displayName());
        profileLines.add("Name: " + person.displayName());
        profile.put("email", person.email());
        profileLines.add("Email: " + (person.email() == null ? "(none)" : person.email()));
        String team = person.teamId().map(t -> mine.teamName(t) + " (" + t.value() + ")").orElse(null);
        profile.put("team", person.teamId().map(t -> t.value()).orElse(null));
        profile.put("teamName", person.teamId().map(mine::teamName).orElse(null));
        profileLines.add("Team: " + (team == null ? "(none)" : team));
        profile.put("timeZone", person.timeZone().getId());
        profileLines.add("Time zone: " + person.timeZone().getId());
        Map<String, Object> identities = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            String external = person.identities().get(platform);
            if (external != null) {
                identities.put(platform.code(), external);
                profileLines.add("Linked " + platform.code() + " account: " + external);
            }
        }
        profile.put("identities", identities);

        List<Object> edges = new ArrayList<>();
        List<String> edgeLines = new ArrayList<>();
        for (Handoff edge : mine.edges()) {
            boolean upstream = edge.upstream().equals(id);
            PersonId otherId = upstream ? edge.downstream() : edge.upstream();
            String other = mine.person(otherId).map(Person::displayName).orElse(otherId.value());
            Optional<DisputeReasons.Reason> reason = reasons.find(tenant, edge.upstream(), edge.downstream());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("upstream", edge.upstream().value());
            data.put("downstream", edge.downstream().value());
            data.put("what", edge.what());
            data.put("frequency", Words.value(edge.frequency()));
            data.put("criticality", Words.value(edge.criticality()));
            data.put("health", edge.health().name().toLowerCase(java.util.Locale.ROOT));
            data.put("claimedBy", edge.claimedBy().name().toLowerCase(java.util.Locale.ROOT));
            data.put("status", edge.status().name().toLowerCase(java.util.Locale.ROOT));
            data.put("createdAt", edge.createdAt().toString());
            data.put("updatedAt", edge.updatedAt().toString());
            data.put("lastConfirmedAt", edge.lastConfirmedAt() == null ? null : edge.lastConfirmedAt().toString());
            reason.ifPresent(r -> data.put("disputeReason", Map.of("by", r.by() == Side.UPSTREAM ? "upstream" : "downstream",
                    "at", r.at().toString(), "text", r.text())));
            edges.add(data);
            StringBuilder line = new StringBuilder(upstream ? "You hand " + other + ": " : other + " hands you: ")
                    .append(edge.what()).append(" (").append(Words.often(edge.frequency())).append(", ")
                    .append(Words.weight(edge.criticality())).append(", ")
                    .append(HomeSection.status(edge, upstream ? Side.UPSTREAM : Side.DOWNSTREAM, mine.person(otherId)))
                    .append("; named ").append(day(edge.createdAt()));
            if (edge.lastConfirmedAt() != null) {
                line.append(", last confirmed ").append(day(edge.lastConfirmedAt()));
            }
            line.append(")");
            reason.ifPresent(r -> line.append(" — reason given: “").append(r.text()).append("”"));
            edgeLines.add(line.toString());
        }
        if (edgeLines.isEmpty()) {
            edgeLines.add("None yet.");
        }
        return List.of(new DataSection("Profile", profileLines, profile),
                new DataSection("Handoffs", edgeLines, Map.of("handoffs", edges)));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId id) {
        if (graph.person(tenant, id).isEmpty()) {
            return List.of();
        }
        int edges = graph.neighbourhood(tenant, id, 1).graph().edges().size();
        int disputeReasons = reasons.erase(tenant, id);
        if (!graph.deletePerson(tenant, id)) {
            return List.of();
        }
        List<String> erased = new ArrayList<>(List.of("your profile (name, email, team, time zone, linked accounts)"));
        erased.add(edges == 1 ? "1 handoff you were part of" : edges + " handoffs you were part of");
        if (disputeReasons > 0) {
            erased.add(disputeReasons == 1 ? "1 dispute reason" : disputeReasons + " dispute reasons");
        }
        return erased;
    }

    private static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }
}
