package io.handoff.survey;

import java.util.ArrayList;
import java.util.List;

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
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(100)
public class EdgeListMap implements ConversationFeature {
    private static final int MAX_LINES = 40;
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
        lines(blocks, mine, actor.person(), Side.UPSTREAM, "Nobody named yet.");
        blocks.add(new Heading("Whose work you depend on"));
        lines(blocks, mine, actor.person(), Side.DOWNSTREAM, "Nobody named yet.");
        blocks.add(Paragraph.of("Type customers to add or change handoffs."));
        return Outcome.show(new Message("Your handoffs", blocks));
    }

    private static void lines(List<Block> blocks, OrgGraph mine, PersonId me, Side mySide, String none) {
        List<Handoff> edges = mine.edges().stream().filter(edge -> edge.end(mySide).equals(me)).toList();
        if (edges.isEmpty()) {
            blocks.add(Paragraph.of(none));
        }
        Paragraph.Builder list = Paragraph.builder();
        int shown = 0;
        for (Handoff edge : edges) {
            if (shown++ == MAX_LINES) {
                list.plain("\n…and " + (edges.size() - MAX_LINES) + " more");
                break;
            }
            PersonId other = edge.end(mySide.other());
            list.plain(shown == 1 ? "• " : "\n• ").strong(mine.person(other).map(Person::displayName).orElse(other.value()))
                    .plain(": ").plain(edge.what()).plain(" (" + Words.often(edge.frequency()) + ", "
                            + Words.weight(edge.criticality()) + ", "
                            + HomeSection.status(edge, mySide, mine.person(other)) + ")");
        }
        if (!edges.isEmpty()) {
            blocks.add(list.build());
        }
    }
}
