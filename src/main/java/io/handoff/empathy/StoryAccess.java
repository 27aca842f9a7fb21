package io.handoff.empathy;

import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Actor;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * What the story use cases look up before they act, checked for the person who acts: their handoff with an upstream,
 * their own draft, a sent story and their side of it, a person, an id from a button. Each refuses with a
 * {@link StoryException} the person reads.
 */
final class StoryAccess {
    private final GraphStore graph;
    private final StoryStore stories;
    private final TeamChannels channels;

    StoryAccess(GraphStore graph, StoryStore stories, TeamChannels channels) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.channels = Objects.requireNonNull(channels);
    }

    Handoff upstreamHandoff(Actor actor, PersonId upstreamId) {
        Handoff edge = graph.handoff(actor.tenant(), upstreamId, actor.person())
                .orElseThrow(() -> new StoryException("That handoff is no longer on your map."));
        if (edge.status() == EdgeStatus.DISPUTED) {
            throw new StoryException("That handoff is disputed, so there is no story to tell about it for now.");
        }
        return edge;
    }

    /** Whether the upstream hands this (same words) to nobody but the teller, so a missing name hides little. */
    boolean onlyCustomer(TenantId tenant, Handoff edge) {
        return graph.neighbourhood(tenant, edge.upstream(), 1).graph().edges().stream()
                .filter(e -> e.upstream().equals(edge.upstream()) && !e.downstream().equals(edge.downstream()))
                .filter(e -> e.status() != EdgeStatus.DISPUTED)
                .noneMatch(e -> e.what().equalsIgnoreCase(edge.what()));
    }

    Optional<TeamId> channelFor(TenantId tenant, Person upstream) {
        return upstream.teamId().filter(team -> channels.configured(tenant, team));
    }

    Story draftOf(Actor actor, String id) {
        Story story = stories.story(actor.tenant(), id)
                .orElseThrow(() -> new StoryException("That draft no longer exists (drafts are kept for "
                        + StoryStore.DRAFT_TTL.toDays() + " days)."));
        if (!story.teller().equals(actor.person())) {
            throw new StoryException("That story is not yours.");
        }
        if (story.sent()) {
            throw new StoryException("This story was already sent.");
        }
        return story;
    }

    Story sentStory(TenantId tenant, String id) {
        return stories.story(tenant, id).filter(Story::sent)
                .orElseThrow(() -> new StoryException("That story no longer exists."));
    }

    static Side sideOf(Actor actor, Story story) {
        if (story.teller().equals(actor.person())) {
            return Side.DOWNSTREAM;
        }
        if (story.upstream().equals(actor.person())) {
            return Side.UPSTREAM;
        }
        throw new StoryException("That story is not yours.");
    }

    Person person(TenantId tenant, PersonId id) {
        return graph.person(tenant, id).orElseThrow(() -> new StoryException("That person is no longer here."));
    }

    static PersonId personId(String value) {
        if (!Identifier.isValid(value)) {
            throw new StoryException("That button could not be read.");
        }
        return PersonId.of(value);
    }
}
