package io.handoff.empathy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
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
 * The report's "arrange a shadowing" step: after a story the teller signed, the upstream gets the story's own
 * "I'd like to shadow a shift" button (the {@link ReactToStory} flow: the teller is then asked to propose a day).
 * Only stories sent with the teller's name count, so the report never tells a manager who wrote an anonymous one.
 */
final class ShadowSuggestionStep implements ReportStep {
    static final String KIND = "shadow";

    private final GraphStore graph;
    private final StoryStore stories;
    private final Clock clock;

    ShadowSuggestionStep(GraphStore graph, StoryStore stories, Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The latest story the downstream sent the upstream with their name, with no shadowing asked yet. */
    private Optional<Story> signedStory(TenantId tenant, Handoff edge) {
        return stories.receivedBy(tenant, edge.upstream()).stream()
                .filter(s -> s.sent() && !s.anonymous() && s.teller().equals(edge.downstream()))
                .filter(s -> s.shadowing() == null && !s.reactions().containsKey(Reaction.SHADOW))
                .findFirst();
    }

    @Override
    public Optional<Offer> offer(TenantId tenant, MapAccess.Viewer viewer, Handoff edge, OrgGraph org) {
        if (edge.status() != EdgeStatus.CONFIRMED) {
            return Optional.empty();
        }
        Optional<Person> up = org.person(edge.upstream());
        Optional<Person> down = org.person(edge.downstream());
        if (up.isEmpty() || down.isEmpty() || signedStory(tenant, edge).isEmpty()) {
            return Optional.empty();
        }
        boolean you = edge.upstream().equals(viewer.person());
        return Optional.of(new Offer((you ? "Shadow a shift of " : "Suggest " + up.get().displayName()
                + " shadows a shift of ") + down.get().displayName() + ", who told " + (you ? "you" : Names.first(up.get()))
                + " about a day with “" + edge.what() + "”", "Suggest shadowing " + Names.first(down.get())));
    }

    @Override
    public Outcome run(Actor manager, Handoff edge) {
        TenantId tenant = manager.tenant();
        Optional<Story> story = signedStory(tenant, edge);
        if (story.isEmpty()) {
            return Outcome.show(Message.text("A shadowing is already asked for on that story, or there is no signed "
                    + "story on “" + edge.what() + "” to shadow from."));
        }
        Person upstream = graph.person(tenant, edge.upstream()).orElseThrow();
        Person teller = graph.person(tenant, edge.downstream()).orElseThrow();
        String asker = graph.person(tenant, manager.person()).map(Person::displayName).orElse("A manager");
        String text = asker + " suggests you shadow a shift of " + teller.displayName() + ", who told you about a day "
                + "with your " + edge.what() + ".";
        Message suggestion = new Message(text, List.of(Paragraph.of(text),
                Paragraph.of("If you would like to, press the button: " + Names.first(teller)
                        + " is then asked to propose a day."),
                Buttons.of(Button.primary(Reaction.SHADOW.label(), new Action(StoryMessages.REACT,
                        story.get().id() + ":" + Reaction.SHADOW.code())))));
        Notification note = new Notification(upstream.id(), suggestion, "story-shadow-suggested:" + story.get().id()
                + ":" + NudgeKey.isoWeek(clock.instant()));
        return new Outcome(new Reply.Show(Message.text("Suggested to " + Names.first(upstream) + " to shadow a shift "
                + "of " + Names.first(teller) + ". If " + Names.first(upstream) + " agrees, " + Names.first(teller)
                + " proposes a day.")), List.of(note), false);
    }
}
