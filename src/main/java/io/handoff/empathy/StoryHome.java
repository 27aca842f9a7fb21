package io.handoff.empathy;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Names;
import io.handoff.graph.GraphStore;

/** The teller's "Your stories" section at home: each sent story with the upstream's reactions and the shadowing. */
final class StoryHome {
    private final GraphStore graph;
    private final StoryStore stories;

    StoryHome(GraphStore graph, StoryStore stories) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
    }

    List<Block> homeSection(Actor actor) {
        List<Story> told = stories.toldBy(actor.tenant(), actor.person()).stream().filter(Story::sent)
                .filter(story -> story.kind() != Story.Kind.WALK).toList(); // a walk is the leader's, not a story told
        if (told.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Your stories"));
        for (Story story : told) {
            String upstream = graph.person(actor.tenant(), story.upstream()).map(Names::first)
                    .orElse("a colleague who is no longer on Handoff");
            blocks.add(Paragraph.of("To " + upstream + (story.kind() == Story.Kind.VOICE
                    ? ", a customer's words from " + story.moment() : " about their " + story.what()) + ", sent "
                    + story.sentAt().atZone(ZoneOffset.UTC).toLocalDate()
                    + (story.anonymous() ? " (anonymous)" : "") + ": " + reactionsText(story, upstream)));
        }
        return blocks;
    }

    static String reactionsText(Story story, String upstream) {
        List<String> parts = new ArrayList<>();
        if (story.reactions().isEmpty()) {
            parts.add("no reaction yet");
        } else {
            parts.add(upstream + " said " + story.reactions().keySet().stream().map(r -> "\"" + r.label() + "\"")
                    .collect(Collectors.joining(", ")));
        }
        Shadowing shadowing = story.shadowing();
        if (shadowing != null) {
            parts.add(switch (shadowing.state()) {
                case REQUESTED -> "shadowing asked for, no date yet";
                case PROPOSED -> "shadowing proposed for " + shadowing.date();
                case CONFIRMED -> "shadowing confirmed for " + shadowing.date();
            });
        }
        return String.join("; ", parts) + ".";
    }
}
