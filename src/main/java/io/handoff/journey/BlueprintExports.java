package io.handoff.journey;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.map.export.TextEscapes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A blueprint's data files. Every text a person typed (journey, stage, touchpoint and people's names, what is handed
 * over) is escaped for its format: JSON by the JSON writer, CSV quoted and never read as a formula by a spreadsheet,
 * Mermaid with entity codes for its syntax characters ({@link TextEscapes}). Friction appears only where the
 * blueprint shows it (at or above the tenant's minimum of respondents); never single answers.
 */
final class BlueprintExports {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] CSV_HEADER = {"stage", "touchpoint_id", "touchpoint", "channel", "weight", "lane",
        "person_id", "person", "hands_to_id", "hands_to", "what", "hops", "status", "criticality",
        "days_since_confirmed", "stale", "friction", "respondents"};

    private BlueprintExports() {
    }

    static String json(Blueprint blueprint, Function<TeamId, String> teamName) {
        Journey journey = blueprint.journey();
        ObjectNode root = JSON.createObjectNode();
        root.put("journey", journey.id().value());
        root.put("name", journey.name());
        root.put("customer", journey.customer());
        root.put("depth", blueprint.depth());
        ObjectNode lanes = root.putObject("lanes");
        lanes.put("customer", "the touchpoints, in stage order");
        lanes.put("frontStage", "the front-line owners: people named as owners and members of owner teams");
        lanes.put("backstage", "people who hand work straight to the front line (1 handoff away)");
        lanes.put("support", "people further upstream (2 to " + blueprint.depth() + " handoffs away)");
        ArrayNode stages = root.putArray("stages");
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            ObjectNode s = stages.addObject();
            s.put("name", stage.name());
            ArrayNode touchpoints = s.putArray("touchpoints");
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                Touchpoint t = plan.touchpoint();
                ObjectNode tp = touchpoints.addObject();
                tp.put("id", t.id().value());
                tp.put("name", t.name());
                tp.put("channel", t.channel().code());
                tp.put("weight", t.weight().code());
                tp.put("gameOver", t.gameOver());
                tp.put("ownerless", plan.owners().ownerless());
                ObjectNode owners = tp.putObject("owners");
                plan.owners().teams().forEach(team -> owners.withArray("teams").addObject()
                        .put("id", team.value()).put("name", teamName.apply(team)));
                owners.withArray("teams");
                plan.owners().people().forEach(p -> owners.withArray("people").add(p.value()));
                owners.withArray("people");
                plan.owners().missingTeams().forEach(team -> owners.withArray("missingTeams").add(team.value()));
                plan.owners().missingPeople().forEach(p -> owners.withArray("missingPeople").add(p.value()));
                ArrayNode front = tp.putArray("frontStage");
                for (FrontLine f : plan.frontStage()) {
                    ObjectNode person = front.addObject();
                    person.put("id", f.person().value());
                    person.put("name", f.name());
                    if (f.team() != null) {
                        person.put("team", f.team().value());
                    }
                    person.put("viaTeam", f.viaTeam());
                }
                ArrayNode back = tp.putArray("backstage");
                for (BackstageHandoff h : plan.backstage()) {
                    ObjectNode edge = back.addObject();
                    edge.put("lane", h.hops() <= 1 ? "backstage" : "support");
                    edge.put("upstream", h.upstream().value());
                    edge.put("upstreamName", h.upstreamName());
                    edge.put("downstream", h.downstream().value());
                    edge.put("downstreamName", h.downstreamName());
                    edge.put("what", h.what());
                    edge.put("hops", h.hops());
                    edge.put("status", h.status().name().toLowerCase(Locale.ROOT));
                    edge.put("criticality", h.criticality().name().toLowerCase(Locale.ROOT));
                    edge.put("daysSinceConfirmed", h.daysSinceConfirmed());
                    edge.put("stale", h.stale());
                    h.friction().ifPresent(f -> edge.putObject("friction").put("score", round(f.score()))
                            .put("respondents", f.respondents()));
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * One row per touchpoint (lane {@code customer}), per front-line person or missing owner ({@code front stage}),
     * and per handoff behind it ({@code backstage} at one hop, {@code support} beyond), in journey order.
     */
    static String csv(Blueprint blueprint) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (Blueprint.StagePlan stage : blueprint.stages()) {
                for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                    Touchpoint t = plan.touchpoint();
                    List<String> head = List.of(cell(stage.name()), t.id().value(), cell(t.name()), t.channel().code(),
                            t.weight().code());
                    csv.printRecord(row(head, "customer", "", "", "", "", plan.owners().ownerless() ? "no owner" : "",
                            "", "", "", "", "", "", ""));
                    for (FrontLine f : plan.frontStage()) {
                        csv.printRecord(row(head, "front stage", f.person().value(), cell(f.name()), "", "", "", "0",
                                "", "", "", "", "", ""));
                    }
                    for (BackstageHandoff h : plan.backstage()) {
                        csv.printRecord(row(head, h.hops() <= 1 ? "backstage" : "support", h.upstream().value(),
                                cell(h.upstreamName()), h.downstream().value(), cell(h.downstreamName()),
                                cell(h.what()), Integer.toString(h.hops()), h.status().name().toLowerCase(Locale.ROOT),
                                h.criticality().name().toLowerCase(Locale.ROOT), Long.toString(h.daysSinceConfirmed()),
                                Boolean.toString(h.stale()),
                                h.friction().map(f -> Double.toString(round(f.score()))).orElse(""),
                                h.friction().map(f -> Integer.toString(f.respondents())).orElse("")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static List<String> row(List<String> head, String... rest) {
        List<String> row = new java.util.ArrayList<>(head);
        row.addAll(List.of(rest));
        return row;
    }

    private static String cell(String text) {
        return TextEscapes.csvCell(TextEscapes.xmlSafe(text));
    }

    /**
     * A Mermaid flowchart: one subgraph per lane (customer, front stage, backstage, support), touchpoints in stage
     * order, a game-over touchpoint as a hexagon with "GAME OVER" in its label, a missing owner as a dashed box;
     * handoffs upstream to downstream, critical ones thick ({@code ==>}), unconfirmed ones dotted ({@code -.->}).
     * Node ids are generated ({@code t1}, {@code p1}), so no id a person chose reaches the syntax.
     */
    static String mermaid(Blueprint blueprint, Function<TeamId, String> teamName) {
        StringBuilder out = new StringBuilder("flowchart TB\n");
        Map<PersonId, String> lanes = BlueprintLanes.lanes(blueprint);
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder links = new StringBuilder();
        out.append("  subgraph customer[\"").append(TextEscapes.mermaid("Customer: " + blueprint.journey().customer()))
                .append("\"]\n    direction LR\n");
        String previous = null;
        int vacant = 0;
        int moments = 0;
        StringBuilder front = new StringBuilder();
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                Touchpoint t = plan.touchpoint();
                String id = "t" + (++moments);
                ids.put("touchpoint:" + t.id().value(), id);
                String label = TextEscapes.mermaid((t.gameOver() ? "GAME OVER: " : "") + t.name() + " (" + stage.name()
                        + ")");
                out.append("    ").append(id).append(t.gameOver() ? "{{\"" + label + "\"}}:::gameOver" : "[\"" + label + "\"]")
                        .append('\n');
                if (previous != null) {
                    out.append("    ").append(previous).append(" --- ").append(id).append('\n');
                }
                previous = id;
                if (plan.frontStage().isEmpty()) {
                    String v = "v" + (++vacant);
                    front.append("    ").append(v).append("[\"").append(TextEscapes.mermaid("No owner: " + t.name()))
                            .append("\"]:::vacant\n");
                    links.append("  ").append(v).append(" -.-> ").append(id).append('\n');
                }
                for (FrontLine f : plan.frontStage()) {
                    links.append("  ").append(person(ids, f.person())).append(" --> ").append(id).append('\n');
                }
            }
        }
        if (blueprint.stages().stream().flatMap(s -> s.touchpoints().stream()).anyMatch(p -> p.touchpoint().gameOver())) {
            out.append("    classDef gameOver stroke:#d0342c,stroke-width:3px\n");
        }
        out.append("  end\n");
        Map<PersonId, String> names = new LinkedHashMap<>();
        blueprint.stages().stream().flatMap(s -> s.touchpoints().stream()).forEach(p -> {
            p.frontStage().forEach(f -> names.putIfAbsent(f.person(), f.name() + (f.team() == null ? ""
                    : " · " + teamName.apply(f.team()))));
            p.backstage().forEach(h -> {
                names.putIfAbsent(h.upstream(), h.upstreamName());
                names.putIfAbsent(h.downstream(), h.downstreamName());
            });
        });
        for (String[] lane : new String[][] {{BlueprintLanes.FRONT, "front", "Front stage"},
            {BlueprintLanes.BACKSTAGE, "backstage", "Backstage"}, {BlueprintLanes.SUPPORT, "support", "Support"}}) {
            out.append("  subgraph ").append(lane[1]).append("[\"").append(lane[2]).append("\"]\n");
            if (lane[0].equals(BlueprintLanes.FRONT)) {
                out.append(front);
            }
            names.forEach((p, name) -> {
                if (lane[0].equals(lanes.get(p))) {
                    out.append("    ").append(person(ids, p)).append("[\"").append(TextEscapes.mermaid(name))
                            .append("\"]\n");
                }
            });
            out.append("  end\n");
        }
        for (BackstageHandoff h : BlueprintLanes.handoffs(blueprint)) {
            String arrow = h.status() != EdgeStatus.CONFIRMED ? " -. \"" : h.criticality() == Criticality.CRITICAL
                    ? " == \"" : " -- \"";
            String end = h.status() != EdgeStatus.CONFIRMED ? "\" .-> " : h.criticality() == Criticality.CRITICAL
                    ? "\" ==> " : "\" --> ";
            links.append("  ").append(person(ids, h.upstream())).append(arrow)
                    .append(TextEscapes.mermaid(h.what())).append(end).append(person(ids, h.downstream())).append('\n');
        }
        out.append(links);
        if (vacant > 0) {
            out.append("  classDef vacant stroke-dasharray:5 4\n");
        }
        return out.toString();
    }

    private static String person(Map<String, String> ids, PersonId person) {
        return ids.computeIfAbsent("person:" + person.value(), k -> "p" + (ids.keySet().stream()
                .filter(key -> key.startsWith("person:")).count() + 1));
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
