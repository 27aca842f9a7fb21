package io.handoff.conversation;

import java.util.ArrayList;
import java.util.List;

import io.handoff.chat.Block;
import io.handoff.conversation.ConversationFeature;
import io.handoff.chat.FailureReference;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/** Short general-purpose answers of the conversation; each ends with something the person can do. */
final class Replies {
    private Replies() {
    }

    static Message sorry(String reason) {
        String why = reason == null || reason.isBlank() ? "something in it was not what I expected" : reason;
        return new Message("Sorry, that did not work: " + why, List.of(
                Paragraph.builder().plain("Sorry, that did not work: ").plain(why).plain(".").build(),
                Paragraph.of("Type help to see what I can do, or try again.")));
    }

    /** A fault: only its reference is shown, never the exception's text. */
    static Message failed(FailureReference reference) {
        return new Message(reference.chatText(), List.of(Paragraph.of(reference.chatText())));
    }

    static Message unknownPerson() {
        return new Message("I don't know you yet. Type customers to start.", List.of(
                Paragraph.of("I don't know you yet (or you asked me to forget you)."),
                Paragraph.builder().plain("Type ").strong("customers").plain(" to tell me who depends on your work, ")
                        .plain("and we start fresh.").build()));
    }

    static Message withHelp(String first, List<ConversationFeature> features) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(first + " Here is what I can do:"));
        blocks.addAll(commandList(features));
        return new Message(first, blocks);
    }

    static List<Block> commandList(List<ConversationFeature> features) {
        List<Block> blocks = new ArrayList<>();
        for (ConversationFeature feature : features) {
            for (ConversationFeature.CommandHelp command : feature.commands()) {
                blocks.add(Paragraph.builder().strong(command.usage()).plain(" — ").plain(command.description()).build());
            }
        }
        blocks.add(Paragraph.builder().strong("help").plain(" — this list").build());
        return blocks;
    }
}
