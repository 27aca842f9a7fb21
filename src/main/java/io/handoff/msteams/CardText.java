package io.handoff.msteams;

import io.handoff.chat.Paragraph;
import io.handoff.chat.Span;

/**
 * Literal text for an Adaptive Card TextBlock. TextBlocks render a markdown subset (bold, italic, lists, links), so
 * every character that could start markup is backslash-escaped, list markers at a line start are neutralised and
 * "://" and "www." are broken up with an invisible word joiner so a typed URL is not turned into a link: what a person typed shows exactly as typed.
 */
final class CardText {
    private static final String SPECIAL = "\\`*_{}[]()<>#+-!|~.&=";
    /** An invisible word joiner: "https:\u2060//x" reads as a URL but is no longer recognised as one. */
    private static final String UNLINK = "\u2060";

    private CardText() {
    }

    static String escape(String raw) {
        String text = raw.replace("://", ":" + UNLINK + "//").replace("www.", "www" + UNLINK + ".");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // A single newline is a soft break in markdown; the text's line breaks must show.
        return out.toString().replace("\r\n", "\n").replace("\n", "\n\n");
    }

    static String render(Paragraph paragraph) {
        StringBuilder out = new StringBuilder();
        for (Span span : paragraph.spans()) {
            if (span.text().isEmpty()) {
                continue;
            }
            if (span.strong() && !span.text().isBlank()) {
                // Markdown bold must hug the text: keep surrounding blanks outside the asterisks.
                String text = span.text();
                String core = text.strip();
                int start = text.indexOf(core);
                out.append(text, 0, start).append("**").append(escape(core)).append("**")
                        .append(text.substring(start + core.length()));
            } else {
                out.append(escape(span.text()));
            }
        }
        return out.toString();
    }
}
