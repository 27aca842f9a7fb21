package io.handoff.empathy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Actor;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.map.ReportStep;
import io.handoff.nudge.NudgeKey;

/**
 * The report's "ask someone for a story" step: the downstream of a confirmed handoff gets the empathy loop's own story
 * prompt ("Walk Pat through the moment you receive their …", Tell the story / Not now), saying a manager asked. It is
 * keyed like every story prompt ({@link NudgeKey}, purpose story, this week), so it never doubles one already sent.
 * Whether a story was told is never shown to the manager (a story may be anonymous), so the offer does not depend on it.
 */
final class StoryRequestStep implements ReportStep {
    static final String KIND = "story";

    private final GraphStore graph;
    private final StoryStore stories;
    private final Clock clock;
    private final CustomerMoments moments;

    StoryRequestStep(GraphStore graph, StoryStore stories, Clock clock, CustomerMoments moments) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.clock = Objects.requireNonNull(clock);
        this.moments = Objects.requireNonNull(moments);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Offer> offer(TenantId tenant, MapAccess.Viewer viewer, Handoff edge, OrgGraph org) {
        if (edge.status() != EdgeStatus.CONFIRMED || edge.downstream().equals(viewer.person())) {
            return Optional.empty();
        }
        Optional<Person> up = org.person(edge.upstream());
        Optional<Person> down = org.person(edge.downstream());
        if (up.isEmpty() || down.isEmpty()) {
            return Optional.empty();
        }
        String upName = edge.upstream().equals(viewer.person()) ? "you" : up.get().displayName();
        return Optional.of(new Offer("Ask " + down.get().displayName() + " to tell " + upName
                + " what a good and a bad day look like with " + (upName.equals("you") ? "your" : "their") + " “"
                + edge.what() + "”", "Ask " + Names.first(down.get()) + " for a story"));
    }

    @Override
    public Outcome run(Actor manager, Handoff edge) {
        TenantId tenant = manager.tenant();
        if (edge.status() != EdgeStatus.CONFIRMED) {
            return Outcome.show(Message.text("Stories are asked for confirmed handoffs only, and “" + edge.what()
                    + "” is not confirmed by both sides now."));
        }
        Person upstream = graph.person(tenant, edge.upstream()).orElseThrow();
        Person downstream = graph.person(tenant, edge.downstream()).orElseThrow();
        String asker = graph.person(tenant, manager.person()).map(Person::displayName).orElse("A manager");
        Instant now = clock.instant();
        String why = asker + " would like " + (manager.person().equals(upstream.id()) ? "to hear"
                : Names.first(upstream) + " to hear") + " how this handoff lands at your end.";
        Message prompt = StoryMessages.prompt(upstream, edge, why, moments.nearest(tenant, downstream.id()));
        stories.prompted(tenant, downstream.id(), upstream.id(), now);
        Notification ask = new Notification(downstream.id(), prompt,
                NudgeKey.of(downstream.id(), edge, NudgeKey.Purpose.STORY, now).value());
        return new Outcome(new Reply.Show(Message.text("Asked " + Names.first(downstream) + " for a story about "
                + Names.possessive(Names.first(upstream)) + " “" + edge.what() + "” (at most one such question a "
                + "week). " + Names.first(downstream) + " decides whether to tell it and whether to sign it; the "
                + "story goes to " + Names.first(upstream) + ", not to you.")), List.of(ask), false);
    }
}
