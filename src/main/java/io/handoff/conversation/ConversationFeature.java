package io.handoff.conversation;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import java.util.List;

/**
 * One feature's part of the conversation (survey, stories, friction polls, maps...). The {@link ChatBot}
 * dispatches to it: commands by their first word, buttons and forms by the prefix of their action or form id.
 * Features are independent beans, so a new feature plugs in without touching the others.
 */
public interface ConversationFeature {

    /** Prefix of every action id and form id this feature owns, e.g. {@code "story."}; unique among features. */
    String prefix();

    /** Command words this feature answers, e.g. {@code ["map"]}, each with a one-line help text. */
    List<CommandHelp> commands();

    /** Handles {@code <word> <args>}; {@code args} is the rest of the command text, already stripped. */
    default Outcome onCommand(Actor actor, String word, String args) {
        throw new IllegalStateException(prefix() + " has no command " + word);
    }

    /**
     * Handles {@code <word> <args>} of a command whose {@link io.handoff.chat.Place} matters to the feature (the
     * platform it was said on, the channel it was said in); by default the place is ignored.
     */
    default Outcome onCommand(Interaction.Command command, String word, String args) {
        return onCommand(command.actor(), word, args);
    }

    /**
     * Whether the answer to this command word concerns everyone where it was said, so adapters show it in a shared
     * channel rather than privately ({@link io.handoff.chat.ChatBot#answeredWhereSaid}).
     */
    default boolean answeredWhereSaid(String word) {
        return false;
    }

    default Outcome onButton(Interaction.ButtonPressed pressed) {
        throw new IllegalStateException(prefix() + " has no buttons");
    }

    default Outcome onForm(Interaction.FormSubmitted submitted) {
        throw new IllegalStateException(prefix() + " has no forms");
    }

    /** Blocks this feature adds to the person's home view (may be empty). */
    default List<Block> homeSection(Actor actor) {
        return List.of();
    }

    /** A command word and what it does, for the help text. */
    record CommandHelp(String word, String usage, String description) {
    }
}
