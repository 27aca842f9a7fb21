package io.handoff.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.Person;

/** The words of the day-in-the-life stories. */
public final class StoryMessages {
    static final String START = "story.start";
    static final String SKIP = "story.skip";
    static final String SEND = "story.send";
    static final String EDIT = "story.edit";
    static final String DISCARD = "story.discard";
    static final String REACT = "story.react";
    static final String REVEAL = "story.reveal";
    static final String PROPOSE = "story.shadow-propose";
    static final String CONFIRM = "story.shadow-confirm";
    static final String FORM = "story.form";
    static final String SHADOW_FORM = "story.shadow-form";
    static final String NAMED = "named";
    static final String ANONYMOUS = "anonymous";

    private StoryMessages() {
    }

    public static String ask(Person upstream, Handoff edge) {
        return "Walk " + Names.first(upstream) + " through the moment you receive their " + edge.what()
                + ". What does a good day look like? What happens on a bad one?";
    }

    /** The prompt: one upstream handoff, a button to tell the story. */
    public static Message prompt(Person upstream, Handoff edge) {
        return prompt(upstream, edge, null);
    }

    /** The prompt with a first line saying why it comes now (a signal), or none. */
    public static Message prompt(Person upstream, Handoff edge, String why) {
        return prompt(upstream, edge, why, Optional.empty());
    }

    /**
     * The prompt naming {@code moment} when there is one: the customer moment the teller's work reaches (game over or
     * nearest), so the story can take the upstream all the way to the customer.
     */
    public static Message prompt(Person upstream, Handoff edge, String why, Optional<CustomerMoments.Moment> moment) {
        String name = Names.first(upstream);
        List<Block> blocks = new ArrayList<>();
        if (why != null) {
            blocks.add(Paragraph.of(why));
        }
        blocks.add(Paragraph.builder().plain("Walk " + name + " through the moment you receive their ")
                .strong(edge.what())
                .plain(". What does a good day look like? What happens on a bad one?").build());
        moment.ifPresent(m -> blocks.add(Paragraph.builder().plain("What you do with it reaches customers at ")
                .strong(m.touchpoint())
                .plain((m.gameOver() ? ", a game-over moment for them" : "") + ": the story can take " + name
                        + " all the way there.").build()));
        blocks.add(Paragraph.of("You will see exactly what " + name + " gets before anything is sent."));
        blocks.add(Buttons.of(Button.primary("Tell the story", new Action(START, edge.upstream().value())),
                Button.of("Not now", new Action(SKIP, edge.upstream().value()))));
        return new Message(why == null ? ask(upstream, edge) : why + " " + ask(upstream, edge), blocks);
    }

    /**
     * The story form. {@code state} is the upstream id, or {@code up|storyId} when editing a draft.
     * {@code onlyCustomer} warns that the upstream hands this to nobody else, so anonymity is thin.
     */
    public static Form form(Person upstream, Handoff edge, Story draft, boolean channelConfigured,
                            boolean onlyCustomer, String state) {
        String name = Names.first(upstream);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field.Note("ask", Paragraph.of(ask(upstream, edge))));
        fields.add(new Field.TextInput("text", "Your story (up to " + Story.MAX_TEXT + " characters)", false,
                Story.MAX_TEXT, true, draft == null ? null : draft.text(),
                "A good day, a bad day, and what " + name + " could not know from where they sit."));
        List<Field.Option> scale = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            scale.add(new Field.Option(i + (i == 1 ? " (a little)" : i == 5 ? " (my whole day)" : ""),
                    Integer.toString(i)));
        }
        fields.add(new Field.Choice("shapes", "How much does this shape your day?", true, scale,
                draft == null || draft.shapesDay() == null ? null : draft.shapesDay().toString()));
        fields.add(new Field.Choice("as", "Send it", false, List.of(
                new Field.Option("with my name", NAMED), new Field.Option("anonymously", ANONYMOUS)),
                draft != null && draft.anonymous() ? ANONYMOUS : NAMED));
        if (onlyCustomer) {
            fields.add(new Field.Note("thin", Paragraph.of(name + " hands this to nobody else, so " + name
                    + " may guess who wrote it even without your name.")));
        }
        if (channelConfigured) {
            fields.add(new Field.Choice("share", "Also share it in the channel of " + name + "'s team?", true,
                    List.of(new Field.Option("no", "no"), new Field.Option("yes", "yes")),
                    draft != null && draft.shareWithTeam() ? "yes" : "no"));
        }
        return new Form(FORM, "A day in your life", "Preview", state, fields);
    }

    /**
     * The story as the upstream receives it. An anonymous story carries no name, id or team of its teller: the
     * reaction buttons carry only the story's random id.
     */
    public static Message relay(Story story, Person teller, boolean withReactions) {
        List<Block> blocks = new ArrayList<>(storyBlocks(story, teller));
        if (withReactions) {
            List<Button> buttons = new ArrayList<>();
            for (Reaction reaction : Reaction.values()) {
                buttons.add(Button.of(reaction.label(), new Action(REACT, story.id() + ":" + reaction.code())));
            }
            blocks.add(new Buttons(buttons));
        }
        return new Message(summary(story, teller), blocks);
    }

    private static String from(Story story, Person teller) {
        if (story.kind() == Story.Kind.VOICE) {
            return story.named() ? teller.displayName() : "Someone who meets customers at " + story.moment();
        }
        return story.named() ? teller.displayName() : "One of your internal customers";
    }

    private static String summary(Story story, Person teller) {
        if (story.kind() == Story.Kind.VOICE) {
            return "A customer's words from " + story.moment() + ", passed on by " + from(story, teller);
        }
        return "A day in the life: " + from(story, teller) + " on your " + story.what();
    }

    private static List<Block> storyBlocks(Story story, Person teller) {
        if (story.kind() == Story.Kind.VOICE) {
            return voiceBlocks(story, from(story, teller));
        }
        return storyBlocks(story, from(story, teller) + " walks you through the moment they receive your ");
    }

    /**
     * A customer's words as the suppliers get them: the same for each of them (no supplier is named), so the sender's
     * preview is exactly what each one sees. The words are the person's text: adapters escape it like every text.
     */
    private static List<Block> voiceBlocks(Story story, String from) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("A customer's words"));
        Paragraph.Builder intro = story.named()
                ? Paragraph.builder().plain(from + ", who meets customers at ").strong(story.moment())
                        .plain(", passes on what a customer said. Your work reaches that moment through them:")
                : Paragraph.builder().plain("Someone who meets customers at ").strong(story.moment())
                        .plain(" passes on what a customer said. Your work reaches that moment:");
        blocks.add(intro.build());
        blocks.add(Paragraph.of("\u201c" + story.text() + "\u201d"));
        return blocks;
    }

    /** What a reaction, a talk or a walk is about, in the teller's words. */
    private static String about(Story story) {
        return switch (story.kind()) {
            case VOICE -> "the customer's words you passed on from " + story.moment();
            case WALK -> "the " + story.what();
            case STORY -> "your story about their " + story.what();
        };
    }

    private static List<Block> storyBlocks(Story story, String intro) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("A day in the life"));
        blocks.add(Paragraph.builder().plain(intro).strong(story.what()).plain(":").build());
        blocks.add(Paragraph.of(story.text()));
        story.shapes().ifPresent(s -> blocks.add(Paragraph.of("How much this shapes their day: " + s + " of 5.")));
        return blocks;
    }

    /** The preview: exactly the blocks the upstream will see, then Send, Edit, Discard. */
    public static Message preview(Story draft, Person teller, Person upstream, String channelTeamName) {
        String name = Names.first(upstream);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Preview: this is exactly what " + name
                + " will see. Nothing is sent until you press Send."));
        blocks.add(new Divider());
        blocks.addAll(storyBlocks(draft, teller));
        blocks.add(new Divider());
        blocks.add(Paragraph.of(name + " can answer: " + String.join(" · ",
                java.util.Arrays.stream(Reaction.values()).map(Reaction::label).toList()) + "."));
        if (channelTeamName != null) {
            blocks.add(Paragraph.of("It will also be posted in the channel of " + channelTeamName + "."));
        }
        blocks.add(Buttons.of(Button.primary("Send", new Action(SEND, draft.id())),
                Button.of("Edit", new Action(EDIT, draft.id())),
                Button.danger("Discard", new Action(DISCARD, draft.id()))));
        return new Message("Preview of your story for " + name, blocks);
    }

    /** The story as posted in the upstream team's channel (no buttons). */
    public static Message channelPost(Story story, Person teller, Person upstream) {
        String whose = Names.possessive(Names.first(upstream));
        String from = story.named() ? teller.displayName() : "One of " + whose + " internal customers";
        List<Block> blocks = storyBlocks(story, from + " on the moment they receive " + whose + " ");
        return new Message("A day in the life: a story for the team", blocks);
    }

    public static Message reactionNotice(Story story, Person upstream, Reaction reaction) {
        String name = Names.first(upstream);
        String text = switch (reaction) {
            case DIDNT_KNOW -> name + " read " + about(story) + " and said: I didn't know this.";
            case LETS_TALK -> name + " read " + about(story) + " and would like to talk.";
            case SHADOW -> name + " read " + about(story) + " and would like to shadow one of your shifts.";
        };
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(text));
        if (reaction == Reaction.LETS_TALK && !story.named()) {
            blocks.add(Paragraph.of(name + " does not know the story is yours. Talk only if you want to: "
                    + "pressing the button tells " + name + " who you are."));
            blocks.add(Buttons.of(Button.primary("Talk with " + name, new Action(REVEAL, story.id()))));
        }
        if (reaction == Reaction.SHADOW) {
            if (!story.named()) {
                blocks.add(Paragraph.of("Proposing a date tells " + name + " who you are."));
            }
            blocks.add(Buttons.of(Button.primary("Propose a date", new Action(PROPOSE, story.id()))));
        }
        return new Message(text, blocks);
    }

    /** The neutral prompt to talk, sent to each side once both know who the other is. */
    /** The note to each of the two when no group chat could be opened; it names the other's email when known. */
    public static Message talkPrompt(Person other, Story story) {
        String text = "You and " + other.displayName() + " would like to talk about the " + story.what()
                + ". Find fifteen minutes this week: a call, a coffee, or a walk through the handoff itself."
                + (other.email() == null ? "" : " You can reach " + Names.first(other) + " at " + other.email() + ".");
        return new Message(text, List.of(Paragraph.of(text)));
    }

    /**
     * The first message of the group chat "Let's talk" opens between the upstream and the teller: what it is about
     * and the story itself (both have seen it; the teller is named, having chosen to talk).
     */
    public static Message talkOpening(Story story, Person upstream, Person teller) {
        String summary = "Let's talk: " + upstream.displayName() + " and " + teller.displayName() + " about the "
                + story.what();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Let's talk"));
        if (story.kind() == Story.Kind.WALK) {
            blocks.add(Paragraph.builder().plain(upstream.displayName() + " would like to walk ")
                    .strong(story.moment()).plain(" with " + teller.displayName() + ", who meets its customers. "
                            + "This conversation is for the two of you: agree how and when, and afterwards what "
                            + "you both saw.").build());
            return new Message(summary, blocks);
        }
        if (story.kind() == Story.Kind.VOICE) {
            blocks.add(Paragraph.builder().plain(upstream.displayName() + " read the customer's words "
                    + teller.displayName() + " passed on from ").strong(story.moment()).plain(" and would like to "
                    + "talk. This conversation is for the two of you: find fifteen minutes this week.").build());
            blocks.add(new Divider());
            blocks.addAll(voiceBlocks(story, teller.displayName()));
            return new Message(summary, blocks);
        }
        blocks.add(Paragraph.builder().plain(upstream.displayName() + " read " + Names.possessive(teller.displayName())
                + " story about the ").strong(story.what()).plain(" and would like to talk. This conversation is for "
                + "the two of you: find fifteen minutes this week, a call, a coffee, or a walk through the handoff "
                + "itself.").build());
        blocks.add(new Divider());
        blocks.addAll(storyBlocks(story, teller.displayName() + " on the moment they receive the "));
        return new Message(summary, blocks);
    }

    /**
     * The note to the front-line owner when a leader accepted a walk of their customer moment: to shadow them for an
     * hour (with "Propose a date", the stories' shadowing flow) or to walk it as a customer.
     */
    public static Message walkRequest(Story walk, Person leader, boolean shadow) {
        String name = leader.displayName();
        String text = shadow
                ? name + " would like to walk " + walk.moment() + " in the customer's shoes by shadowing you for an "
                        + "hour. You know this moment best: propose a day that suits you."
                : name + " will walk " + walk.moment() + " as a customer would, and would like to hear how it looks "
                        + "from your side before and after.";
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.builder().plain(name + (shadow ? " would like to walk " : " will walk "))
                .strong(walk.moment()).plain(shadow ? " in the customer's shoes by shadowing you for an hour. You "
                        + "know this moment best: propose a day that suits you."
                        : " as a customer would, and would like to hear how it looks from your side before and after.")
                .build());
        if (shadow) {
            blocks.add(Buttons.of(Button.primary("Propose a date", new Action(PROPOSE, walk.id()))));
        }
        return new Message(text, blocks);
    }

    public static Form shadowForm(Story story, Person other, String state) {
        return new Form(SHADOW_FORM, "Shadow a shift", "Propose", state, List.of(
                new Field.Note("about", Paragraph.of("Propose a day for " + (state.startsWith("u")
                        ? "you to shadow " + Names.possessive(Names.first(other)) + " shift"
                        : Names.first(other) + " to shadow your shift") + " (" + story.what() + ").")),
                new Field.TextInput("date", "Date (YYYY-MM-DD)", false, 10, false,
                        story.shadowing() != null && story.shadowing().date() != null
                                ? story.shadowing().date().toString() : null, "e.g. 2026-12-03")));
    }

    public static Message proposal(Story story, Person proposer, boolean proposerIsTeller) {
        String date = story.shadowing().date().toString();
        String text = proposerIsTeller
                ? proposer.displayName() + " proposes " + date + " for you to shadow their shift (" + story.what()
                        + ")."
                : proposer.displayName() + " proposes to shadow your shift on " + date + " (" + story.what() + ").";
        return new Message(text, List.of(Paragraph.of(text), Buttons.of(
                Button.primary("Confirm " + date, new Action(CONFIRM, story.id())),
                Button.of("Propose another date", new Action(PROPOSE, story.id())))));
    }

    public static Message shadowConfirmed(Story story, Person upstream, Person teller) {
        String text = "Shadowing confirmed: " + upstream.displayName() + " shadows "
                + Names.possessive(teller.displayName())
                + " shift on " + story.shadowing().date() + " (" + story.what() + ").";
        return new Message(text, List.of(Paragraph.of(text)));
    }
}
