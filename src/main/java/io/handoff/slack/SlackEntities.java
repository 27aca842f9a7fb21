package io.handoff.slack;

/** Slack sends typed text with {@code & < >} as entities; the chat port wants the literal text back. */
final class SlackEntities {
    private SlackEntities() {
    }

    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
