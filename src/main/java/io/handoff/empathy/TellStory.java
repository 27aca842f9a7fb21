package io.handoff.empathy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.nudge.Engagement;
import io.handoff.graph.Names;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.Texts;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * Telling a story: the downstream person opens the story form (from the {@code story} command or a prompt's button)
 * or skips the prompt, submits the form (saved as a draft and shown back as a preview, exactly what the upstream will
 * see), then sends, edits or discards the draft. Only Send relays it, and posts it to the upstream's team channel
 * when the teller chose to share it.
 */
final class TellStory {
    private static final Logger log = LoggerFactory.getLogger(TellStory.class);

    private final GraphStore graph;
    private final StoryStore stories;
    private final Engagement engagement;
    private final TeamChannels channels;
    private final Clock clock;
    private final StoryAccess access;

    TellStory(GraphStore graph, StoryStore stories, Engagement engagement, TeamChannels channels, Clock clock,
              StoryAccess access) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.engagement = Objects.requireNonNull(engagement);
        this.channels = Objects.requireNonNull(channels);
        this.clock = Objects.requireNonNull(clock);
        this.access = Objects.requireNonNull(access);
    }

    Outcome openStoryForm(Actor actor, PersonId upstreamId) {
        Handoff edge = access.upstreamHandoff(actor, upstreamId);
        Person upstream = access.person(actor.tenant(), upstreamId);
        return Outcome.reply(new Reply.OpenForm(StoryMessages.form(upstream, edge, null,
                access.channelFor(actor.tenant(), upstream).isPresent(), access.onlyCustomer(actor.tenant(), edge),
                upstreamId.value())));
    }

    Outcome skip(Actor actor, PersonId upstreamId) {
        stories.prompted(actor.tenant(), actor.person(), upstreamId, clock.instant());
        return Outcome.show(Message.text("No problem. I'll ask about something else another time."));
    }

    Outcome send(Actor actor, Story draft) {
        Handoff edge = access.upstreamHandoff(actor, draft.upstream());
        Person upstream = access.person(actor.tenant(), draft.upstream());
        Person teller = access.person(actor.tenant(), actor.person());
        if (!stories.markSent(actor.tenant(), draft, clock.instant())) {
            throw new StoryException("This story was already sent or discarded.");
        }
        Story sent = stories.story(actor.tenant(), draft.id()).orElseThrow();
        engagement.answered(actor.tenant(), actor.person());
        List<Notification> notifications = List.of(new Notification(upstream.id(),
                StoryMessages.relay(sent, teller, true), "story:" + sent.id()));
        if (sent.shareWithTeam()) {
            access.channelFor(actor.tenant(), upstream).ifPresent(team -> channels.post(actor.tenant(), team,
                    StoryMessages.channelPost(sent, teller, upstream), "story-channel:" + sent.id()));
        }
        log.info("story {} sent in tenant {} ({}, {} handoff)", sent.id(), actor.tenant(),
                sent.anonymous() ? "anonymous" : "named", edge.criticality());
        return new Outcome(new Reply.Show(Message.text("Sent to " + Names.first(upstream)
                + ". You will hear here when they react.")), notifications, true);
    }

    Outcome edit(Actor actor, Story draft) {
        Handoff edge = access.upstreamHandoff(actor, draft.upstream());
        Person upstream = access.person(actor.tenant(), draft.upstream());
        return Outcome.reply(new Reply.OpenForm(StoryMessages.form(upstream, edge, draft,
                access.channelFor(actor.tenant(), upstream).isPresent(), access.onlyCustomer(actor.tenant(), edge),
                draft.upstream().value() + "|" + draft.id())));
    }

    Outcome discard(Actor actor, Story draft) {
        stories.discard(actor.tenant(), draft);
        return new Outcome(new Reply.Show(Message.text("Discarded. Nothing was sent.")), List.of(), true);
    }

    Outcome submitStory(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        String[] state = submitted.state().split("\\|", -1);
        PersonId upstreamId = access.personId(state[0]);
        Handoff edge = access.upstreamHandoff(actor, upstreamId);
        Person upstream = access.person(actor.tenant(), upstreamId);

        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String raw = submitted.first("text");
        String text = Texts.clean(raw, Integer.MAX_VALUE);
        if (text.isBlank()) {
            errors.put("text", "Tell the story in a few sentences: what a good day and a bad day look like.");
        } else if (text.length() > Story.MAX_TEXT) {
            errors.put("text", "Please keep it under " + Story.MAX_TEXT + " characters (it has " + text.length()
                    + ").");
        }
        Integer shapes = null;
        String shapesValue = submitted.first("shapes");
        if (!shapesValue.isBlank()) {
            if (!shapesValue.matches("[1-5]")) {
                errors.put("shapes", "Pick 1 to 5, or leave it empty.");
            } else {
                shapes = Integer.valueOf(shapesValue);
            }
        }
        String as = submitted.first("as");
        if (!as.equals(StoryMessages.NAMED) && !as.equals(StoryMessages.ANONYMOUS)) {
            errors.put("as", "Choose whether to send it with your name or anonymously.");
        }
        boolean share = "yes".equals(submitted.first("share"));
        Optional<TeamId> channel = access.channelFor(actor.tenant(), upstream);
        if (share && channel.isEmpty()) {
            errors.put("share", "The team has no channel to share it in.");
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }

        String id = StoryStore.newId();
        if (state.length > 1) {
            Story draft = access.draftOf(actor, state[1]);
            if (!draft.upstream().equals(upstreamId)) {
                throw new StoryException("That draft is about someone else.");
            }
            id = draft.id();
        }
        Story story = Story.draft(id, upstreamId, actor.person(), edge.what(),
                new Story.Written(text, shapes, as.equals(StoryMessages.ANONYMOUS), share), clock.instant());
        if (!stories.saveDraft(actor.tenant(), story)) {
            throw new StoryException("This story was already sent.");
        }
        engagement.answered(actor.tenant(), actor.person());
        Person teller = access.person(actor.tenant(), actor.person());
        String channelName = share ? graph.teamMap(actor.tenant()).teamName(channel.orElseThrow()) : null;
        return Outcome.reply(new Reply.CloseForm(StoryMessages.preview(story, teller, upstream, channelName)));
    }
}
