package io.handoff.slack;

import java.util.List;

import io.handoff.chat.Paragraph;
import io.handoff.chat.Span;

/**
 * Turns literal text into Slack mrkdwn that shows exactly what was typed. {@code & < >} become entities (so no
 * {@code <!channel>}, mention or link can form), and the formatting characters {@code * _ ~ `} become look-alike
 * characters that Slack does not treat as markup (mrkdwn has no escape for them).
 */
final class SlackText {
    /** Longest text of a section block. */
    static final int MAX_SECTION = 3000;

    private SlackText() {
    }

    static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 16);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '*' -> out.append('\u2217'); // ∗ asterisk operator
                case '_' -> out.append('\u02CD'); // ˍ modifier letter low macron
                case '~' -> out.append('\u223C'); // ∼ tilde operator
                case '`' -> out.append('\u02CB'); // ˋ modifier letter grave accent
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A paragraph as mrkdwn: literal spans escaped, strong spans in {@code *…*}. */
    static String mrkdwn(Paragraph paragraph) {
        return mrkdwn(paragraph.spans());
    }

    static String mrkdwn(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            String escaped = escape(span.text());
            if (!span.strong() || escaped.isBlank()) {
                out.append(escaped);
                continue;
            }
            // Slack bolds only *text* without inner leading/trailing spaces: keep the spaces outside.
            int start = 0;
            int end = escaped.length();
            while (Character.isWhitespace(escaped.charAt(start))) {
                start++;
            }
            while (Character.isWhitespace(escaped.charAt(end - 1))) {
                end--;
            }
            out.append(escaped, 0, start).append('*').append(escaped, start, end).append('*')
                    .append(escaped, end, escaped.length());
        }
        return truncate(out.toString(), MAX_SECTION);
    }

    /** Cuts {@code text} to {@code max} characters, ending with an ellipsis when it was longer. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "\u2026";
    }
}
