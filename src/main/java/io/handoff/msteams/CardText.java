package io.handoff.msteams;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.handoff.chat.Paragraph;
import io.handoff.chat.Span;

/**
 * Literal text on an Adaptive Card, as RichTextBlocks of TextRuns. A TextRun is never read as markdown (the Adaptive
 * Cards schema: "markdown is not supported"), so nothing is backslash-escaped: a client that does not process markdown
 * (Teams mobile has shipped that bug) shows the sentence as written, never {@code \.} or {@code \!}; and text a
 * person typed ({@code **bold**}, {@code [x](https://…)}) can never become markup or a link. Bold is the run's
 * weight. "://" and "www." are broken up with an invisible word joiner so no client turns a typed address into a
 * link. Each line becomes its own block: a line break inside a run is not shown by every renderer.
 */
final class CardText {
    /** An invisible word joiner: "https:\u2060//x" reads as a URL but is no longer recognised as one. */
    private static final String UNLINK = "\u2060";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardText() {
    }

    /** The text as it will be shown: as typed, with addresses no client links. */
    static String literal(String raw) {
        return raw.replace("://", ":" + UNLINK + "//").replace("www.", "www" + UNLINK + ".");
    }

    /** A plain sentence, one block per line. */
    static List<ObjectNode> blocks(String text) {
        return blocks(Paragraph.of(text));
    }

    /**
     * The paragraph as one RichTextBlock per line (the lines of one paragraph close together, an empty line as a
     * gap), its strong spans as bold runs.
     */
    static List<ObjectNode> blocks(Paragraph paragraph) {
        List<List<Span>> lines = new ArrayList<>();
        lines.add(new ArrayList<>());
        for (Span span : paragraph.spans()) {
            String[] parts = span.text().replace("\r\n", "\n").split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    lines.add(new ArrayList<>());
                }
                if (!parts[i].isEmpty()) {
                    lines.get(lines.size() - 1).add(new Span(parts[i], span.strong()));
                }
            }
        }
        List<ObjectNode> blocks = new ArrayList<>();
        boolean gap = false;
        for (List<Span> line : lines) {
            if (line.isEmpty()) {
                gap = !blocks.isEmpty();
                continue;
            }
            ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
            ArrayNode inlines = block.putArray("inlines");
            line.forEach(span -> {
                ObjectNode run = inlines.addObject().put("type", "TextRun").put("text", literal(span.text()));
                if (span.strong() && !span.text().isBlank()) {
                    run.put("weight", "bolder");
                }
            });
            if (!blocks.isEmpty()) {
                block.put("spacing", gap ? "medium" : "none");
            }
            gap = false;
            blocks.add(block);
        }
        if (blocks.isEmpty()) {
            ObjectNode empty = JSON.objectNode().put("type", "RichTextBlock");
            empty.putArray("inlines").addObject().put("type", "TextRun").put("text", " ");
            blocks.add(empty);
        }
        return blocks;
    }

    /** Every run of the blocks set in {@code property} (weight, size, colour...). */
    static List<ObjectNode> styled(List<ObjectNode> blocks, String property, String value) {
        blocks.forEach(block -> block.withArray("inlines")
                .forEach(run -> ((ObjectNode) run).put(property, value)));
        return blocks;
    }

    /** The text a reader sees on the blocks (tests and fallbacks). */
    static String plain(Iterable<? extends JsonNode> blocks) {
        StringBuilder text = new StringBuilder();
        for (var block : blocks) {
            if (text.length() > 0) {
                text.append('\n');
            }
            block.path("inlines").forEach(run -> text.append(run.path("text").asText()));
        }
        return text.toString();
    }
}
