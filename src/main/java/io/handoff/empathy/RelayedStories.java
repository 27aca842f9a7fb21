package io.handoff.empathy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Block;
import io.handoff.chat.Divider;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * The stories' machinery for other features' stories: a customer's words a front-line owner passes up to their
 * suppliers ({@link Story.Kind#VOICE}), and a leader's walk of a customer moment arranged with its front-line owner
 * ({@link Story.Kind#WALK}). Each becomes a sent story, so the reactions (I didn't know this, Let's talk, I'd like to
 * shadow a shift), "Let's talk" with its group chat and the shadowing dates are the stories' own
 * ({@code story.*} buttons, {@link StoryFeature}); it is not counted as a day-in-the-life story about the handoff.
 * The calling feature keeps its own draft and preview; relays are idempotent per seed (the draft's random id).
 */
public final class RelayedStories {
    private static final Logger log = LoggerFactory.getLogger(RelayedStories.class);

    private final StoryStore stories;
    private final LetsTalk letsTalk;

    public RelayedStories(GraphStore graph, StoryStore stories, TeamChannels channels, GroupChats groupChats) {
        this.stories = Objects.requireNonNull(stories);
        this.letsTalk = new LetsTalk(stories, Objects.requireNonNull(groupChats),
                new StoryAccess(Objects.requireNonNull(graph), stories, Objects.requireNonNull(channels)));
    }

    /** A customer's words as typed (already masked), the customer moment they were heard at, and how they are sent. */
    public record Voice(String words, String moment, boolean anonymous) {
        public Voice {
            Objects.requireNonNull(words, "words");
            Objects.requireNonNull(moment, "moment");
        }
    }

    /** A supplier a voice goes to: the upstream of a handoff into the sender, and what they hand over. */
    public record Supplier(PersonId person, String what) {
        public Supplier {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(what, "what");
        }
    }

    /** The most characters of a customer's words: a story's. */
    public static final int MAX_WORDS = Story.MAX_TEXT;

    /**
     * The preview: exactly the blocks each supplier will get (they are the same for each), then what they can answer.
     * {@code actions} (the caller's Send, Edit, Discard) come last.
     */
    public static Message voicePreview(Voice voice, Person sender, List<String> supplierNames, Block actions) {
        Story shown = Story.relayed("preview", Story.Kind.VOICE, voice.moment(), sender.id(), sender.id(), "",
                voice.words(), voice.anonymous(), null, Instant.EPOCH);
        String to = names(supplierNames);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Preview: this is exactly what " + to + " will see. Nothing is sent until you press "
                + "Send."));
        blocks.add(new Divider());
        blocks.addAll(StoryMessages.relay(shown, sender, false).blocks());
        blocks.add(new Divider());
        blocks.add(Paragraph.of("They can answer: " + String.join(" · ",
                Arrays.stream(Reaction.values()).map(Reaction::label).toList()) + "."));
        blocks.add(actions);
        return new Message("Preview of the customer's words for " + to, blocks);
    }

    /**
     * Relays {@code voice} from {@code sender} to each supplier (the upstream of a handoff into the sender): one sent
     * story each, with the reactions. Returns the notifications to deliver (keyed by story, so a retry sends nothing
     * twice).
     */
    public List<Notification> relayVoice(TenantId tenant, Person sender, List<Supplier> suppliers, Voice voice,
                                         String seed, Instant now) {
        List<Notification> notes = new ArrayList<>();
        for (Supplier supplier : suppliers) {
            String id = StoryStore.derivedId("voice:" + seed + ">" + supplier.person().value());
            Story story = Story.relayed(id, Story.Kind.VOICE, voice.moment(), supplier.person(), sender.id(),
                    supplier.what(), voice.words(), voice.anonymous(), null, now);
            stories.saveRelayed(tenant, story);
            Story stored = stories.story(tenant, id).orElse(story);
            notes.add(new Notification(supplier.person(), StoryMessages.relay(stored, sender, true), "story:" + id));
        }
        log.info("customer voice relayed in tenant {}: {} suppliers ({})", tenant, notes.size(),
                voice.anonymous() ? "anonymous" : "named");
        return notes;
    }

    /** What arranging a walk did: the sentence for the leader, a link to the chat if any, messages to deliver. */
    public record Arranged(String reply, Optional<Link> link, List<Notification> notifications) {
        public Message message(String before) {
            String text = before + reply;
            List<Block> blocks = new ArrayList<>(List.of(Paragraph.of(text)));
            link.ifPresent(blocks::add);
            return new Message(text, blocks);
        }
    }

    /**
     * Arranges {@code leader}'s walk of {@code moment} with its front-line owner {@code host}: a walk story (the
     * leader upstream, the host its teller), the host told of it (to shadow: with "Propose a date", the stories'
     * shadowing flow, the host proposing the first day), and the two brought together as "Let's talk" does (a group
     * chat where the platform allows, else a note to each). Idempotent per {@code seed}.
     */
    public Arranged arrangeWalk(TenantId tenant, Person leader, Person host, String moment, boolean shadow,
                                String seed, Instant now) {
        String id = StoryStore.derivedId("walk:" + seed);
        String text = leader.displayName() + (shadow ? " shadows " + host.displayName() + " for an hour at "
                : " walks as a customer through ") + moment + ".";
        Story walk = Story.relayed(id, Story.Kind.WALK, moment, leader.id(), host.id(), "walk of " + moment,
                text, false, shadow ? Shadowing.requested(now) : null, now);
        boolean created = stories.saveRelayed(tenant, walk);
        Story stored = stories.story(tenant, id).orElse(walk);
        List<Notification> notes = new ArrayList<>();
        notes.add(new Notification(host.id(), StoryMessages.walkRequest(stored, leader, shadow), "walk-request:" + id));
        LetsTalk.Talk talk = letsTalk.talk(tenant, stored, leader, host, host);
        notes.addAll(talk.notifications());
        log.info("walk {} in tenant {}: {} ({})", id, tenant, shadow ? "shadowing" : "as a customer",
                created ? "arranged" : "already arranged");
        return new Arranged(talk.reply(), talk.link(), notes);
    }

    private static String names(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
