package io.handoff.playground;

import java.util.List;
import java.util.Map;

/**
 * What the playground page shows, as JSON. The page builds its DOM from these with {@code textContent}, so text a
 * person typed is never interpreted as HTML.
 */
final class View {
    private View() {
    }

    /** What the bot answered: {@code kind} is show, replace (the message the pressed button was
     * on becomes {@code message}), form, form-errors, close-form or nothing. */
    record Answer(String kind, Message message, Form form, Map<String, String> errors, Home home) {
    }

    record Message(String id, String summary, List<Block> blocks, List<Attachment> attachments, String at) {
    }

    /**
     * One block; {@code type} is paragraph, heading, buttons, divider or link. Paragraphs carry spans, headings
     * text, button rows buttons, links a label and url.
     */
    record Block(String type, List<Span> spans, String text, List<Button> buttons, String url) {
    }

    record Span(String text, boolean strong) {
    }

    record Button(String label, String actionId, String value, String style) {
    }

    /** A file: images come as data URLs shown inline, other files as downloads. */
    record Attachment(String fileName, String mediaType, String title, String dataUrl) {
    }

    record Form(String id, String title, String submitLabel, String state, List<Field> fields) {
    }

    /** {@code type}: people, choice, text or note. */
    record Field(String type, String id, String label, boolean optional, List<Option> options, List<String> initial,
                 Integer maxLength, boolean multiline, String hint, List<Span> note) {
    }

    record Option(String label, String value) {
    }

    record Home(List<Block> blocks) {
    }

    record PersonEntry(String id, String name, String team, String teamName) {
    }
}
