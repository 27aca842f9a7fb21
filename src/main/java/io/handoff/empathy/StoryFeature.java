package io.handoff.empathy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.ConversationFeature;
import io.handoff.chat.GroupChat;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.friction.Engagement;
import io.handoff.friction.Names;
import io.handoff.friction.TeamChannels;
import io.handoff.friction.Texts;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Day-in-the-life stories in the conversation. A downstream person writes a story about one upstream handoff; it is
 * saved as a draft and shown back as a preview (exactly what the upstream will see) with Send, Edit and Discard; only
 * Send relays it. The upstream reacts ("I didn't know this", "Let's talk", "I'd like to shadow a shift"); the teller
 * hears of each reaction and sees them at home. "Let's talk" opens a group chat of the two where the platform allows
 * ({@link GroupChats}), else each gets a note. An anonymous teller stays anonymous unless they choose to talk or to
 * agree a shadowing date.
 */
public final class StoryFeature implements ConversationFeature {
    private static final Logger log = LoggerFactory.getLogger(StoryFeature.class);

    private final GraphStore graph;
    private final StoryStore stories;
    private final StoryPrompts prompts;
    private final Engagement engagement;
    private final TeamChannels channels;
    private final GroupChats groupChats;
    private final Clock clock;

    /** Without group chats: "Let's talk" always sends each of the two a note. */
    public StoryFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                        TeamChannels channels, Clock clock) {
        this(graph, stories, prompts, engagement, channels, GroupChats.NONE, clock);
    }

    public StoryFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                        TeamChannels channels, GroupChats groupChats, Clock clock) {
        this.groupChats = Objects.requireNonNull(groupChats);
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.prompts = Objects.requireNonNull(prompts);
        this.engagement = Objects.requireNonNull(engagement);
        this.channels = Objects.requireNonNull(channels);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String prefix() {
        return "story.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("story", "story",
                "tell one of your suppliers what a good and a bad day look like at your end of their handoff"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        Optional<Handoff> next = prompts.next(actor.tenant(), actor.person());
        if (next.isEmpty()) {
            return Outcome.show(Message.text("You have no suppliers on your map yet, so there is no one to tell a "
                    + "story to. Name the people whose work you depend on first."));
        }
        return openStoryForm(actor, next.get().upstream());
    }

    // ---- buttons ----

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        Action action = pressed.action();
        try {
            return switch (action.id()) {
                case StoryMessages.START -> openStoryForm(actor, personId(action.value()));
                case StoryMessages.SKIP -> skip(actor, personId(action.value()));
                case StoryMessages.SEND -> send(actor, draftOf(actor, action.value()));
                case StoryMessages.EDIT -> edit(actor, draftOf(actor, action.value()));
                case StoryMessages.DISCARD -> discard(actor, draftOf(actor, action.value()));
                case StoryMessages.REACT -> react(actor, action.value());
                case StoryMessages.REVEAL -> reveal(actor, action.value());
                case StoryMessages.PROPOSE -> openShadowForm(actor, action.value());
                case StoryMessages.CONFIRM -> confirmShadowing(actor, action.value());
                default -> Outcome.show(Message.text("That button is no longer in use."));
            };
        } catch (StoryException e) {
            return Outcome.show(Message.text(e.getMessage()));
        }
    }

    private Outcome openStoryForm(Actor actor, PersonId upstreamId) {
        Handoff edge = upstreamHandoff(actor, upstreamId);
        Person upstream = person(actor.tenant(), upstreamId);
        return Outcome.reply(new Reply.OpenForm(StoryMessages.form(upstream, edge, null,
                channelFor(actor.tenant(), upstream).isPresent(), onlyCustomer(actor.tenant(), edge),
                upstreamId.value())));
    }

    private Outcome skip(Actor actor, PersonId upstreamId) {
        stories.prompted(actor.tenant(), actor.person(), upstreamId, clock.instant());
        return Outcome.show(Message.text("No problem. I'll ask about something else another time."));
    }

    private Outcome send(Actor actor, Story draft) {
        Handoff edge = upstreamHandoff(actor, draft.upstream());
        Person upstream = person(actor.tenant(), draft.upstream());
        Person teller = person(actor.tenant(), actor.person());
        if (!stories.markSent(actor.tenant(), draft, clock.instant())) {
            throw new StoryException("This story was already sent or discarded.");
        }
        Story sent = stories.story(actor.tenant(), draft.id()).orElseThrow();
        engagement.answered(actor.tenant(), actor.person());
        List<Notification> notifications = List.of(new Notification(upstream.id(),
                StoryMessages.relay(sent, teller, true), "story:" + sent.id()));
        if (sent.shareWithTeam()) {
            channelFor(actor.tenant(), upstream).ifPresent(team -> channels.post(actor.tenant(), team,
                    StoryMessages.channelPost(sent, teller, upstream), "story-channel:" + sent.id()));
        }
        log.info("story {} sent in tenant {} ({}, {} handoff)", sent.id(), actor.tenant(),
                sent.anonymous() ? "anonymous" : "named", edge.criticality());
        return new Outcome(new Reply.Show(Message.text("Sent to " + Names.first(upstream)
                + ". You will hear here when they react.")), notifications, true);
    }

    private Outcome edit(Actor actor, Story draft) {
        Handoff edge = upstreamHandoff(actor, draft.upstream());
        Person upstream = person(actor.tenant(), draft.upstream());
        return Outcome.reply(new Reply.OpenForm(StoryMessages.form(upstream, edge, draft,
                channelFor(actor.tenant(), upstream).isPresent(), onlyCustomer(actor.tenant(), edge),
                draft.upstream().value() + "|" + draft.id())));
    }

    private Outcome discard(Actor actor, Story draft) {
        stories.discard(actor.tenant(), draft);
        return new Outcome(new Reply.Show(Message.text("Discarded. Nothing was sent.")), List.of(), true);
    }

    private Outcome react(Actor actor, String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new StoryException("That reaction could not be read.");
        }
        Story story = sentStory(actor.tenant(), value.substring(0, colon));
        Reaction reaction;
        try {
            reaction = Reaction.fromCode(value.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new StoryException("That reaction could not be read.");
        }
        if (!story.upstream().equals(actor.person())) {
            throw new StoryException("Only the person the story was told to can react to it.");
        }
        if (!stories.react(actor.tenant(), story.id(), reaction, clock.instant())) {
            return Outcome.show(Message.text("Already noted: " + reaction.label() + "."));
        }
        if (reaction == Reaction.SHADOW && story.shadowing() == null) {
            story = stories.update(actor.tenant(), story.id(), s -> s.shadowing() != null ? s
                    : s.withShadowing(Shadowing.requested(clock.instant())));
        }
        Person upstream = person(actor.tenant(), story.upstream());
        Person teller = person(actor.tenant(), story.teller());
        List<Notification> notifications = new ArrayList<>();
        notifications.add(new Notification(teller.id(), StoryMessages.reactionNotice(story, upstream, reaction),
                "story-reaction:" + story.id() + ":" + reaction.code()));
        String reply;
        if (reaction == Reaction.LETS_TALK && story.named()) {
            Talk talk = talk(actor.tenant(), story, upstream, teller, teller);
            notifications.addAll(talk.notifications());
            return new Outcome(new Reply.Show(talk.message("")), notifications, false);
        } else if (reaction == Reaction.LETS_TALK) {
            reply = "The storyteller chose to stay anonymous. They now know you would like to talk and can reach out.";
        } else if (reaction == Reaction.SHADOW) {
            reply = "Noted. The storyteller is asked to propose a day for you to shadow their shift.";
        } else {
            reply = "Thanks. The storyteller will hear that this was news to you.";
        }
        return new Outcome(new Reply.Show(Message.text(reply)), notifications, false);
    }

    private Outcome reveal(Actor actor, String id) {
        Story story = sentStory(actor.tenant(), id);
        if (!story.teller().equals(actor.person())) {
            throw new StoryException("Only the storyteller can choose to talk.");
        }
        Story revealed = stories.update(actor.tenant(), id, Story::revealedToUpstream);
        Person upstream = person(actor.tenant(), story.upstream());
        Person teller = person(actor.tenant(), story.teller());
        Talk talk = talk(actor.tenant(), revealed, upstream, teller, upstream);
        return new Outcome(new Reply.Show(talk.message(Names.first(upstream) + " now knows the story is yours. ")),
                talk.notifications(), true);
    }

    /**
     * Brings the two together: a group chat where both are (opened once per story), else a note to each. The reply
     * is told from the side of whoever pressed; {@code other} is the one who did not. The story's {@code talk} says
     * {@code opening} while a chat opens in the background, then what happened: {@code chat:<platform>} once the
     * opening is posted, {@code notes} when the platform fell back to the notes.
     */
    private Talk talk(TenantId tenant, Story story, Person upstream, Person teller, Person other) {
        String name = Names.first(other);
        List<Notification> notes = talkPrompts(story, upstream, teller);
        // written before the call, so the background's outcome (which may come at once) is never overwritten by it
        stories.talkOpened(tenant, story.id(), StoryStore.TALK_OPENING);
        GroupChat chat = groupChats.open(tenant, upstream, teller, StoryMessages.talkOpening(story, upstream, teller),
                "story-talk:" + story.id(), notes, outcome -> talkSettled(tenant, story.id(), outcome));
        if (chat instanceof GroupChat.Opening opening) {
            // the field stays "opening" until the platform settles it (or already did)
            boolean slack = opening.platform() == Platform.SLACK;
            String text = slack
                    ? "I'm opening a group DM with you, " + name + " and me \u2014 it will appear in your Slack sidebar"
                    + " in a moment."
                    : "I'm opening a group chat with you, " + name + " and me \u2014 it will appear in a moment.";
            log.info("story {} in tenant {}: opening a group chat on {}", story.id(), tenant,
                    opening.platform().code());
            return new Talk(text, Optional.empty(), List.of());
        }
        if (chat instanceof GroupChat.Opened opened) {
            stories.talkOpened(tenant, story.id(), "chat:" + opened.platform().code());
            String kind = opened.platform() == Platform.SLACK ? "group DM" : "group chat";
            String text = opened.again() ? "Your " + kind + " with " + name + " and me is already open."
                    : "I opened a " + kind + " with you, " + name + " and me. Say hello there.";
            log.info("story {} in tenant {}: {} opened on {}", story.id(), tenant, kind, opened.platform().code());
            return new Talk(text, opened.link().map(link -> new Link("Open the " + kind, link)), List.of());
        }
        if (chat instanceof GroupChat.Invited invited) {
            stories.talkOpened(tenant, story.id(), "links:" + invited.platform().code());
            return new Talk("Both of you have a link to start a chat with each other.", Optional.empty(),
                    invited.invitations());
        }
        stories.talkOpened(tenant, story.id(), "notes");
        log.info("story {} in tenant {}: no group chat ({}), a note to each", story.id(), tenant,
                ((GroupChat.NotPossible) chat).reason());
        return new Talk("Done: you and " + name + " both have a note to find a moment to talk.", Optional.empty(),
                notes);
    }

    /** Records how a chat opened in the background ended. */
    private void talkSettled(TenantId tenant, String id, GroupChat outcome) {
        if (outcome instanceof GroupChat.Opened opened) {
            stories.talkOpened(tenant, id, "chat:" + opened.platform().code());
        } else {
            stories.talkOpened(tenant, id, "notes");
            log.info("story {} in tenant {}: the group chat did not open, a note to each instead", id, tenant);
        }
    }

    /** What "Let's talk" did: the sentence for whoever pressed, a link to the chat if any, messages to deliver. */
    private record Talk(String reply, Optional<Link> link, List<Notification> notifications) {
        Message message(String before) {
            String text = before + reply;
            List<Block> blocks = new ArrayList<>(List.of(Paragraph.of(text)));
            link.ifPresent(blocks::add);
            return new Message(text, blocks);
        }
    }

    private List<Notification> talkPrompts(Story story, Person upstream, Person teller) {
        return List.of(
                new Notification(teller.id(), StoryMessages.talkPrompt(upstream, story),
                        "story-talk:" + story.id() + ":t"),
                new Notification(upstream.id(), StoryMessages.talkPrompt(teller, story),
                        "story-talk:" + story.id() + ":u"));
    }

    private Outcome openShadowForm(Actor actor, String id) {
        Story story = sentStory(actor.tenant(), id);
        Shadowing shadowing = story.shadowing();
        if (shadowing == null || shadowing.state() == Shadowing.State.CONFIRMED) {
            throw new StoryException(shadowing == null ? "No shadowing was asked for on this story."
                    : "The shadowing date is already confirmed: " + shadowing.date() + ".");
        }
        Side side = sideOf(actor, story);
        if (side == Side.UPSTREAM && (shadowing.state() != Shadowing.State.PROPOSED || !story.named())) {
            throw new StoryException("The storyteller proposes the first date.");
        }
        Person other = person(actor.tenant(), side == Side.UPSTREAM ? story.teller() : story.upstream());
        return Outcome.reply(new Reply.OpenForm(StoryMessages.shadowForm(story, other,
                (side == Side.UPSTREAM ? "u|" : "t|") + story.id())));
    }

    private Outcome confirmShadowing(Actor actor, String id) {
        Story story = sentStory(actor.tenant(), id);
        Side side = sideOf(actor, story);
        Story confirmed;
        try {
            confirmed = stories.update(actor.tenant(), id, s -> {
                if (s.shadowing() == null) {
                    throw new IllegalStateException("there is no proposed date to confirm");
                }
                return s.withShadowing(s.shadowing().confirmedBy(side, clock.instant()));
            });
        } catch (IllegalStateException e) {
            throw new StoryException("Nothing to confirm: " + e.getMessage() + ".");
        }
        Person upstream = person(actor.tenant(), story.upstream());
        Person teller = person(actor.tenant(), story.teller());
        Message done = StoryMessages.shadowConfirmed(confirmed, upstream, teller);
        PersonId other = side == Side.UPSTREAM ? teller.id() : upstream.id();
        return new Outcome(new Reply.Show(done),
                List.of(new Notification(other, done, "story-shadow-confirmed:" + id)), true);
    }

    // ---- forms ----

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        try {
            return switch (submitted.formId()) {
                case StoryMessages.FORM -> submitStory(submitted);
                case StoryMessages.SHADOW_FORM -> submitShadowDate(submitted);
                default -> Outcome.reply(new Reply.CloseForm(Message.text("This form is no longer in use.")));
            };
        } catch (StoryException e) {
            return Outcome.reply(new Reply.CloseForm(Message.text(e.getMessage())));
        }
    }

    private Outcome submitStory(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        String[] state = submitted.state().split("\\|", -1);
        PersonId upstreamId = personId(state[0]);
        Handoff edge = upstreamHandoff(actor, upstreamId);
        Person upstream = person(actor.tenant(), upstreamId);

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
        Optional<TeamId> channel = channelFor(actor.tenant(), upstream);
        if (share && channel.isEmpty()) {
            errors.put("share", "The team has no channel to share it in.");
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }

        String id = StoryStore.newId();
        if (state.length > 1) {
            Story draft = draftOf(actor, state[1]);
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
        Person teller = person(actor.tenant(), actor.person());
        String channelName = share ? graph.teamMap(actor.tenant()).teamName(channel.orElseThrow()) : null;
        return Outcome.reply(new Reply.CloseForm(StoryMessages.preview(story, teller, upstream, channelName)));
    }

    private Outcome submitShadowDate(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        String state = submitted.state();
        if (state.length() < 3 || state.charAt(1) != '|') {
            throw new StoryException("This form could not be read.");
        }
        Story story = sentStory(actor.tenant(), state.substring(2));
        Side side = sideOf(actor, story);
        LocalDate date;
        try {
            date = LocalDate.parse(submitted.first("date").strip());
        } catch (DateTimeParseException e) {
            return Outcome.reply(new Reply.FormErrors(Map.of("date",
                    "Write the date as YYYY-MM-DD, e.g. 2026-12-03.")));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (date.isBefore(today) || date.isAfter(today.plusYears(1))) {
            return Outcome.reply(new Reply.FormErrors(Map.of("date", "Pick a day from today to a year ahead.")));
        }
        Story proposed;
        try {
            proposed = stories.update(actor.tenant(), story.id(), s -> {
                if (s.shadowing() == null) {
                    throw new IllegalStateException("no shadowing was asked for");
                }
                Story next = s.withShadowing(s.shadowing().proposed(date, side, clock.instant()));
                return side == Side.DOWNSTREAM ? next.revealedToUpstream() : next;
            });
        } catch (IllegalStateException e) {
            throw new StoryException("Cannot propose a date: " + e.getMessage() + ".");
        }
        Person upstream = person(actor.tenant(), story.upstream());
        Person teller = person(actor.tenant(), story.teller());
        boolean byTeller = side == Side.DOWNSTREAM;
        Person proposer = byTeller ? teller : upstream;
        Person other = byTeller ? upstream : teller;
        Notification note = new Notification(other.id(), StoryMessages.proposal(proposed, proposer, byTeller),
                "story-shadow-proposal:" + story.id() + ":" + date + ":" + (byTeller ? "t" : "u"));
        return new Outcome(new Reply.CloseForm(Message.text("Proposed " + date + ". " + Names.first(other)
                + " will confirm it or suggest another day.")), List.of(note), true);
    }

    // ---- home ----

    @Override
    public List<Block> homeSection(Actor actor) {
        List<Story> told = stories.toldBy(actor.tenant(), actor.person()).stream().filter(Story::sent).toList();
        if (told.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Your stories"));
        for (Story story : told) {
            String upstream = graph.person(actor.tenant(), story.upstream()).map(Names::first)
                    .orElse("someone who has left");
            blocks.add(Paragraph.of("To " + upstream + " about their " + story.what() + ", sent "
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

    // ---- helpers ----

    private Handoff upstreamHandoff(Actor actor, PersonId upstreamId) {
        Handoff edge = graph.handoff(actor.tenant(), upstreamId, actor.person())
                .orElseThrow(() -> new StoryException("That handoff is no longer on your map."));
        if (edge.status() == EdgeStatus.DISPUTED) {
            throw new StoryException("That handoff is disputed, so there is no story to tell about it for now.");
        }
        return edge;
    }

    /** Whether the upstream hands this (same words) to nobody but the teller, so a missing name hides little. */
    private boolean onlyCustomer(TenantId tenant, Handoff edge) {
        return graph.neighbourhood(tenant, edge.upstream(), 1).graph().edges().stream()
                .filter(e -> e.upstream().equals(edge.upstream()) && !e.downstream().equals(edge.downstream()))
                .filter(e -> e.status() != EdgeStatus.DISPUTED)
                .noneMatch(e -> e.what().equalsIgnoreCase(edge.what()));
    }

    private Optional<TeamId> channelFor(TenantId tenant, Person upstream) {
        return upstream.teamId().filter(team -> channels.configured(tenant, team));
    }

    private Story draftOf(Actor actor, String id) {
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

    private Story sentStory(TenantId tenant, String id) {
        return stories.story(tenant, id).filter(Story::sent)
                .orElseThrow(() -> new StoryException("That story no longer exists."));
    }

    private static Side sideOf(Actor actor, Story story) {
        if (story.teller().equals(actor.person())) {
            return Side.DOWNSTREAM;
        }
        if (story.upstream().equals(actor.person())) {
            return Side.UPSTREAM;
        }
        throw new StoryException("That story is not yours.");
    }

    private Person person(TenantId tenant, PersonId id) {
        return graph.person(tenant, id).orElseThrow(() -> new StoryException("That person is no longer here."));
    }

    private static PersonId personId(String value) {
        if (!Identifier.isValid(value)) {
            throw new StoryException("That button could not be read.");
        }
        return PersonId.of(value);
    }

    /** A story action that cannot go ahead, with a message for the person. */
    static final class StoryException extends RuntimeException {
        StoryException(String message) {
            super(message);
        }
    }
}
