package io.handoff.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Paragraph;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;

/**
 * The survey's part of the home view: your internal customers, your suppliers (each with what, how often, how
 * critical and where it stands), the questions waiting for your answer with their buttons, and a button to (re)start
 * the survey. Lists are capped so the whole home stays within Slack's 100 blocks with room for other features.
 */
final class HomeSection {
    static final int MAX_LISTED = 20;
    static final int MAX_ASKS = 5;

    private final GraphStore graph;
    private final PreferencesStore preferences;
    private final Clock clock;

    HomeSection(GraphStore graph, PreferencesStore preferences, Clock clock) {
        this.graph = graph;
        this.preferences = preferences;
        this.clock = clock;
    }

    List<Block> blocks(Actor actor) {
        OrgGraph mine = graph.neighbourhood(actor.tenant(), actor.person(), 1).graph();
        PersonId me = actor.person();
        List<Block> blocks = new ArrayList<>();
        preferences.preferences(actor.tenant(), me).pause().filter(until -> until.isAfter(clock.instant()))
                .ifPresent(until -> {
                    blocks.add(Paragraph.builder().plain("Questions and reminders are paused until ")
                            .strong(PreferencesStore.format(until, mine.person(me).map(Person::timeZone)
                                    .orElse(java.time.ZoneOffset.UTC))).plain(".").build());
                    blocks.add(Buttons.of(Button.of("Resume now", new Action(SurveyActions.RESUME, ""))));
                });
        List<Handoff> customers = sorted(mine, me, Side.UPSTREAM);
        List<Handoff> suppliers = sorted(mine, me, Side.DOWNSTREAM);
        blocks.add(new Heading("Your internal customers"));
        list(blocks, mine, customers, Side.UPSTREAM, "Nobody yet. Who depends on your work?");
        blocks.add(new Heading("Your suppliers"));
        list(blocks, mine, suppliers, Side.DOWNSTREAM, "Nobody yet. Whose work do you depend on?");
        List<Handoff> asks = mine.edges().stream()
                .filter(edge -> (edge.upstream().equals(me) || edge.downstream().equals(me)) && edge.pending())
                .filter(edge -> edge.claimedBy() == ClaimedBy.of(sideOf(edge, me).other()))
                .sorted(Comparator.comparing(Handoff::updatedAt).reversed()).toList();
        if (!asks.isEmpty()) {
            blocks.add(new Divider());
            blocks.add(new Heading("Waiting for your answer"));
            for (Handoff ask : asks.subList(0, Math.min(MAX_ASKS, asks.size()))) {
                PersonId other = ask.end(sideOf(ask, me).other());
                Person claimant = mine.person(other).orElse(null);
                if (claimant != null) {
                    blocks.addAll(Asks.questionBlocks(ask, claimant,
                            claimant.teamId().map(mine::teamName)));
                }
            }
            if (asks.size() > MAX_ASKS) {
                blocks.add(Paragraph.of((asks.size() - MAX_ASKS) + " more after these."));
            }
        }
        blocks.add(new Divider());
        boolean started = !customers.isEmpty() || !suppliers.isEmpty();
        blocks.add(SurveyActions.startButton(started ? "Update my answers" : "Map my customers"));
        return blocks;
    }

    private static Side sideOf(Handoff edge, PersonId me) {
        return edge.upstream().equals(me) ? Side.UPSTREAM : Side.DOWNSTREAM;
    }

    private static List<Handoff> sorted(OrgGraph mine, PersonId me, Side side) {
        return mine.edges().stream().filter(edge -> edge.end(side).equals(me))
                .sorted(Comparator.comparing((Handoff edge) -> name(mine, edge.end(side.other())))).toList();
    }

    private static void list(List<Block> blocks, OrgGraph mine, List<Handoff> edges, Side mySide, String none) {
        if (edges.isEmpty()) {
            blocks.add(Paragraph.of(none));
            return;
        }
        for (Handoff edge : edges.subList(0, Math.min(MAX_LISTED, edges.size()))) {
            PersonId other = edge.end(mySide.other());
            blocks.add(Paragraph.builder().strong(name(mine, other)).plain(" · ").strong(edge.what())
                    .plain(" · " + Words.often(edge.frequency()) + " · " + Words.weight(edge.criticality())
                            + (mySide == Side.UPSTREAM ? " for them" : " for you") + " · ")
                    .plain(status(edge, mySide, mine.person(other))).build());
        }
        if (edges.size() > MAX_LISTED) {
            blocks.add(Paragraph.of((edges.size() - MAX_LISTED) + " more: type map to see them all."));
        }
    }

    static String status(Handoff edge, Side mySide, Optional<Person> other) {
        String them = other.map(Words::firstName).orElse("them");
        if (edge.status() == EdgeStatus.CONFIRMED) {
            return "confirmed";
        }
        if (edge.status() == EdgeStatus.DISPUTED) {
            return edge.claimedBy().includes(mySide) ? "disputed by " + them : "disputed by you";
        }
        return edge.claimedBy().includes(mySide) ? "waiting for " + them : "waiting for you";
    }

    private static String name(OrgGraph mine, PersonId id) {
        return mine.person(id).map(Person::displayName).orElse(id.value());
    }
}
