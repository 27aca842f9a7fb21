package io.handoff.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.ConversationFeature;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;

/**
 * Placeholder for the {@code map} command until the maps feature lands: the person's handoffs as two text lists.
 * It is its own small feature (prefix {@code map.}), so the maps feature replaces it by deleting this class; two
 * features with the {@code map} word or overlapping prefixes make {@link Conversation} refuse to start.
 */
@Component
@Order(100)
public class EdgeListMap implements ConversationFeature {
    /** One paragraph per handoff; two lists of this many stay within Slack's 50 blocks per message. */
    static final int MAX_LINES = 20;
    private final GraphStore graph;

    public EdgeListMap(GraphStore graph) {
        this.graph = graph;
    }

    @Override
    public String prefix() {
        return "map.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("map", "map", "your internal customers and suppliers at a glance"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        OrgGraph mine = graph.neighbourhood(actor.tenant(), actor.person(), 1).graph();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Who depends on you"));
        lines(blocks, mine, actor.person(), Side.UPSTREAM);
        blocks.add(new Heading("Whose work you depend on"));
        lines(blocks, mine, actor.person(), Side.DOWNSTREAM);
        blocks.add(Paragraph.of("Type customers to add or change handoffs."));
        return Outcome.show(new Message("Your handoffs", blocks));
    }

    private static void lines(List<Block> blocks, OrgGraph mine, PersonId me, Side mySide) {
        List<Handoff> edges = mine.edges().stream().filter(edge -> edge.end(mySide).equals(me))
                .sorted(Comparator.comparing((Handoff edge) -> name(mine, edge.end(mySide.other())))).toList();
        if (edges.isEmpty()) {
            blocks.add(Paragraph.of("Nobody named yet."));
        }
        for (Handoff edge : edges.subList(0, Math.min(MAX_LINES, edges.size()))) {
            PersonId other = edge.end(mySide.other());
            blocks.add(Paragraph.builder().strong(name(mine, other)).plain(": ").plain(edge.what())
                    .plain(" (" + Words.often(edge.frequency()) + ", " + Words.weight(edge.criticality()) + ", "
                            + HomeSection.status(edge, mySide, mine.person(other)) + ")").build());
        }
        if (edges.size() > MAX_LINES) {
            blocks.add(Paragraph.of("…and " + (edges.size() - MAX_LINES) + " more (type my-data for all of them)."));
        }
    }

    private static String name(OrgGraph mine, PersonId id) {
        return mine.person(id).map(Person::displayName).orElse(id.value());
    }
}
