package io.handoff.empathy;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Notification;
import io.handoff.nudge.NudgeKey;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Which handoff to ask a person a story about next: their upstream handoffs (not disputed) that no story covers yet
 * come first, critical before important before routine, then the one they were asked about longest ago.
 */
public final class StoryPrompts {
    private final GraphStore graph;
    private final StoryStore stories;
    private final Clock clock;
    private final CustomerMoments moments;

    public StoryPrompts(GraphStore graph, StoryStore stories, Clock clock) {
        this(graph, stories, clock, CustomerMoments.NONE);
    }

    /** Prompts naming the customer moment the teller's work reaches ({@code moments}). */
    public StoryPrompts(GraphStore graph, StoryStore stories, Clock clock, CustomerMoments moments) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.clock = Objects.requireNonNull(clock);
        this.moments = Objects.requireNonNull(moments);
    }

    /** The customer moment {@code teller}'s work reaches, if any (for the prompts). */
    Optional<CustomerMoments.Moment> moment(TenantId tenant, PersonId teller) {
        return moments.nearest(tenant, teller);
    }

    /** The person's upstream handoffs in the order they will be asked about. */
    public List<Handoff> rotation(TenantId tenant, PersonId teller) {
        return rotation(tenant, teller, graph.neighbourhood(tenant, teller, 1).graph());
    }

    /** The rotation over {@code around}, the teller's one-step neighbourhood the caller has read already. */
    List<Handoff> rotation(TenantId tenant, PersonId teller, OrgGraph around) {
        Map<PersonId, Instant> prompted = stories.lastPrompted(tenant, teller);
        Comparator<Handoff> order = Comparator
                .comparing((Handoff e) -> stories.toldAbout(tenant, e.upstream(), teller) > 0)
                .thenComparing(Comparator.comparing(Handoff::criticality).reversed())
                .thenComparing(e -> prompted.getOrDefault(e.upstream(), Instant.EPOCH))
                .thenComparing(e -> e.upstream().value());
        return around.edges().stream()
                .filter(e -> e.downstream().equals(teller) && e.status() != EdgeStatus.DISPUTED)
                .sorted(order)
                .toList();
    }

    public Optional<Handoff> next(TenantId tenant, PersonId teller) {
        return rotation(tenant, teller).stream().findFirst();
    }

    /** The prompt about the next handoff in the rotation, remembered as asked; empty when there is none. */
    public Optional<Notification> nextPrompt(TenantId tenant, PersonId teller) {
        return next(tenant, teller).flatMap(edge -> prompt(tenant, edge));
    }

    /** A prompt about one handoff (e.g. a signal: it turned blocking), remembered as asked. */
    public Optional<Notification> prompt(TenantId tenant, Handoff edge) {
        return graph.person(tenant, edge.upstream()).map(upstream -> {
            Instant now = clock.instant();
            stories.prompted(tenant, edge.downstream(), edge.upstream(), now);
            return new Notification(edge.downstream(),
                    StoryMessages.prompt(upstream, edge, null, moment(tenant, edge.downstream())),
                    NudgeKey.of(edge.downstream(), edge, NudgeKey.Purpose.STORY, now).value());
        });
    }
}
