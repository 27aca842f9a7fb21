package io.handoff.delivery;

import java.util.ArrayList;
import java.util.List;

import io.handoff.chat.Block;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/**
 * Puts several prompts due for one person into one message: one heading, then each prompt as its own section (its
 * heading in bold, its text, its own buttons, which keep their action ids and so answer that prompt), separated by
 * dividers. The message stays within what every platform shows: at most {@value #MAX_BLOCKS} blocks (Slack allows
 * 50 per message, and a block of ours may render as two), about {@value #MAX_CHARACTERS} characters (a Teams card
 * must stay under 28 KB). Several rating scales may share a message: each keeps its own action id, and a Teams card
 * shows its first scale as a compact choice and the others as button rows (one input id per card). Prompts that do
 * not fit wait for the next round.
 */
final class MergedPrompts {
    static final int MAX_BLOCKS = 24;
    static final int MAX_CHARACTERS = 12_000;

    private MergedPrompts() {
    }

    /** One prompt: its outbox job id, its key and its message. */
    record Prompt(String jobId, String key, Message message) {
    }

    /** The prompts that fit (the first always does) and the one message holding them. */
    record Merged(List<Prompt> held, Message message) {
    }

    /** Merges {@code prompts} (most important first) as far as they fit; a single prompt goes unchanged. */
    static Merged merge(List<Prompt> prompts) {
        List<Prompt> held = new ArrayList<>();
        int blocks = 1;
        int characters = 0;
        for (Prompt prompt : prompts) {
            int promptBlocks = prompt.message().blocks().size() + 1;
            int promptCharacters = characters(prompt.message());
            if (!held.isEmpty() && (blocks + promptBlocks > MAX_BLOCKS
                    || characters + promptCharacters > MAX_CHARACTERS)) {
                continue;
            }
            held.add(prompt);
            blocks += promptBlocks;
            characters += promptCharacters;
        }
        if (held.size() == 1) {
            return new Merged(held, held.get(0).message());
        }
        List<Block> body = new ArrayList<>();
        String title = "Handoff has " + words(held.size()) + " things for you";
        body.add(new Heading(title));
        List<String> summaries = new ArrayList<>();
        for (Prompt prompt : held) {
            body.add(new Divider());
            for (Block block : prompt.message().blocks()) {
                body.add(block instanceof Heading heading ? Paragraph.builder().strong(heading.text()).build() : block);
            }
            summaries.add(prompt.message().summary());
        }
        return new Merged(List.copyOf(held), new Message(title + ": " + String.join(" · ", summaries), body));
    }

    private static int characters(Message message) {
        int count = message.summary().length();
        for (Block block : message.blocks()) {
            if (block instanceof Paragraph paragraph) {
                count += paragraph.plainText().length();
            } else if (block instanceof Heading heading) {
                count += heading.text().length();
            } else if (block instanceof Buttons buttons) {
                count += buttons.buttons().stream().mapToInt(b -> b.label().length() + b.action().value().length()
                        + b.action().id().length() + 40).sum();
            } else {
                count += 200;
            }
        }
        return count;
    }

    private static String words(int count) {
        return count < 10 ? List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
                .get(count) : Integer.toString(count);
    }
}
