package io.handoff.map;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.map.export.MapExporter;

/**
 * The maps in chat: {@code map [...]} answers with the picture (or the asked-for file), a short summary and a signed
 * link to the interactive page; {@code report} gives managers the state of the handoffs around their teams.
 */
public class MapConversation implements ConversationFeature {
    private static final Logger log = LoggerFactory.getLogger(MapConversation.class);

    private final MapService maps;
    private final MapAccess access;
    private final MapExporter exporter;
    private final MapLinks links;
    private final ManagerReport report;

    public MapConversation(MapService maps, MapAccess access, MapExporter exporter, MapLinks links, ManagerReport report) {
        this.maps = maps;
        this.access = access;
        this.exporter = exporter;
        this.links = links;
        this.report = report;
    }

    /** The feature with no friction polls wired in (grey edges), e.g. for tests of the conversation. */
    public static MapConversation of(GraphStore store, MapProperties properties) {
        ToIntFunction<TenantId> minRespondents = FrictionScores.NONE::minRespondents;
        MapBuilder builder = new MapBuilder(FrictionScores.NONE, properties.collapseAbove(), minRespondents);
        return new MapConversation(new MapService(store, builder), new MapAccess(store, properties.adminsByTenant()),
                new MapExporter(new MapRenderer()), MapLinks.fromConfiguration(properties, Clock.systemUTC()),
                new ManagerReport(store, FrictionScores.NONE, List.of(), List.of()));
    }

    @Override
    public String prefix() {
        return "map.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(
                new CommandHelp("map", MapCommand.SHORT_USAGE,
                        "a picture of who depends on whom (yours by default), with a link to an interactive map; "
                                + "'map help' for more"),
                new CommandHelp("report", "report",
                        "for managers: the handoffs around your teams that need attention, with their friction and "
                                + "trend, who has named whom, and next steps with a button each"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        try {
            if (word.equalsIgnoreCase("report")) {
                return report(actor);
            }
            return isHelp(args) ? Outcome.show(help()) : map(actor, args);
        } catch (MapRequestException refused) {
            return Outcome.show(Message.text(refused.getMessage()));
        }
    }

    private static boolean isHelp(String args) {
        return args != null && args.strip().equalsIgnoreCase("help");
    }

    /** {@code map help}: the whole usage, with the file formats the general help list leaves out. */
    static Message help() {
        return new Message("How to ask for a map", List.of(
                new Heading("Maps"),
                Paragraph.of(MapCommand.USAGE),
                Paragraph.of("Without a name it is your own map. 'depth' says how many handoffs away to look "
                        + "(1 to 3). 'as' gives the map as a file instead of a picture: png or svg pictures; dot "
                        + "(Graphviz), mermaid, csv, graphml, gexf or json to open in other tools; backstage or "
                        + "team-api for a service catalogue."),
                Paragraph.of("Managers and admins: 'map journey <name>' draws the people and teams behind a "
                        + "customer journey (its front-line owners and the handoffs upstream of them); 'journey "
                        + "<name>' shows its blueprint."),
                Paragraph.of("Examples: 'map', 'map team Dispatch depth 2', 'map org as svg', "
                        + "'map journey parcel-delivery'.")));
    }

    private Outcome map(Actor actor, String args) {
        TenantId tenant = actor.tenant();
        MapCommand command = MapCommand.parse(args, actor.person(), maps.names(tenant));
        MapAccess.Decision decision = access.decide(access.viewer(tenant, actor.person()), command.scope());
        if (!decision.allowed()) {
            return Outcome.show(Message.text(decision.explanation()));
        }
        DependencyMap map = maps.build(tenant, command.scope());
        MapSummary summary = MapSummary.of(map, maps.siloNames(tenant, map));
        MapExporter.ExportedFile file = exporter.export(tenant.value(), map, command.format());
        URI link = links.url(links.grant(tenant, actor.person(), command.scope()));
        log.info("map {} for {} in {} as {} ({} nodes, {} edges)", command.scope().encode(), actor.person(), tenant,
                command.format().word(), map.nodes().size(), map.edges().size());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(map.title()));
        if (!summary.collapsedNote().isEmpty()) {
            blocks.add(Paragraph.of(summary.collapsedNote()));
        }
        if (!summary.handedOver().isEmpty()) {
            blocks.add(section(MapSummary.HANDED_OVER, summary.handedOver(), ""));
        }
        blocks.add(section("Critical handoffs to watch", summary.criticalHandoffs(), "none on this map"));
        blocks.add(section("Hidden customers", summary.hiddenCustomers(), "none: every handoff here is named by both sides"));
        blocks.add(section("Silos", summary.silos(), "none among the teams on this map"));
        blocks.add(new Link("Open interactive map", link));
        Attachment attachment = new Attachment(file.fileName(), file.mediaType(), file.content(), map.title());
        return Outcome.show(new Message(summary.text(), blocks, List.of(attachment)));
    }

    /** A next step of the report pressed: the step's own flow, or a plain refusal. */
    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        try {
            if (!pressed.action().id().equals(ManagerReport.NEXT)) {
                return Outcome.show(Message.text("That button is no longer in use."));
            }
            return report.step(actor, access.viewer(actor.tenant(), actor.person()), pressed.action().value());
        } catch (MapRequestException refused) {
            return Outcome.show(Message.text(refused.getMessage()));
        }
    }

    private Outcome report(Actor actor) {
        MapAccess.Viewer viewer = access.viewer(actor.tenant(), actor.person());
        ManagerReport.Report r = report.build(actor.tenant(), viewer);
        MapScope scope = viewer.managedTeams().size() == 1
                ? new MapScope.Team(viewer.managedTeams().keySet().iterator().next(), 1) : new MapScope.Org();
        List<Block> after = List.of(new Link("Open the map", links.url(links.grant(actor.tenant(), actor.person(),
                scope))));
        return Outcome.show(r.message(after));
    }

    static Paragraph section(String heading, List<String> lines, String none) {
        Paragraph.Builder paragraph = Paragraph.builder().strong(heading + ":");
        if (lines.isEmpty()) {
            paragraph.plain(" " + none);
        }
        lines.forEach(line -> paragraph.plain("\n• " + line));
        return paragraph.build();
    }
}
