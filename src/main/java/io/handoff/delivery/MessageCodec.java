package io.handoff.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.handoff.chat.Action;
import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Span;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An explicit JSON form of the chat port's {@link Message} for the outbox: each block carries a {@code type}
 * (paragraph, heading, buttons, divider, link), attachments carry their bytes in Base64. Explicit rather than
 * annotation-driven so the chat port's records stay free of serialization concerns and the stored form is stable.
 */
final class MessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCodec() {
    }

    public static ObjectNode toJson(Message message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("summary", message.summary());
        ArrayNode blocks = node.putArray("blocks");
        for (Block block : message.blocks()) {
            blocks.add(block(block));
        }
        ArrayNode attachments = node.putArray("attachments");
        for (Attachment attachment : message.attachments()) {
            ObjectNode file = attachments.addObject();
            file.put("fileName", attachment.fileName());
            file.put("mediaType", attachment.mediaType());
            file.put("title", attachment.title());
            file.put("content", Base64.getEncoder().encodeToString(attachment.content()));
        }
        return node;
    }

    public static Message fromJson(JsonNode node) {
        List<Block> blocks = new ArrayList<>();
        for (JsonNode block : node.path("blocks")) {
            blocks.add(block(block));
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode file : node.path("attachments")) {
            attachments.add(new Attachment(text(file, "fileName"), text(file, "mediaType"),
                    Base64.getDecoder().decode(text(file, "content")), text(file, "title")));
        }
        return new Message(text(node, "summary"), blocks, attachments);
    }

    public static String encode(Message message) {
        return JSON.writeValueAsString(toJson(message));
    }

    public static Message decode(String json) {
        return fromJson(JSON.readTree(json));
    }

    private static ObjectNode block(Block block) {
        ObjectNode node = JSON.createObjectNode();
        if (block instanceof Paragraph paragraph) {
            node.put("type", "paragraph");
            ArrayNode spans = node.putArray("spans");
            for (Span span : paragraph.spans()) {
                spans.addObject().put("text", span.text()).put("strong", span.strong());
            }
        } else if (block instanceof Heading heading) {
            node.put("type", "heading").put("text", heading.text());
        } else if (block instanceof Buttons buttons) {
            node.put("type", "buttons");
            ArrayNode list = node.putArray("buttons");
            for (Button button : buttons.buttons()) {
                ObjectNode item = list.addObject();
                item.put("label", button.label()).put("style", button.style().name());
                item.putObject("action").put("id", button.action().id()).put("value", button.action().value());
            }
        } else if (block instanceof Divider) {
            node.put("type", "divider");
        } else if (block instanceof Link link) {
            node.put("type", "link").put("label", link.label()).put("url", link.url().toString());
        } else {
            throw new IllegalArgumentException("the outbox cannot store a " + block.getClass().getSimpleName()
                    + " block yet; add it to MessageCodec");
        }
        return node;
    }

    private static Block block(JsonNode node) {
        String type = text(node, "type");
        switch (type) {
            case "paragraph": {
                List<Span> spans = new ArrayList<>();
                for (JsonNode span : node.path("spans")) {
                    spans.add(new Span(text(span, "text"), span.path("strong").asBoolean(false)));
                }
                return new Paragraph(spans);
            }
            case "heading":
                return new Heading(text(node, "text"));
            case "buttons": {
                List<Button> buttons = new ArrayList<>();
                for (JsonNode button : node.path("buttons")) {
                    JsonNode action = button.path("action");
                    buttons.add(new Button(text(button, "label"), new Action(text(action, "id"),
                            action.path("value").asString("")), Button.Style.valueOf(text(button, "style"))));
                }
                return new Buttons(buttons);
            }
            case "divider":
                return new Divider();
            case "link":
                return new Link(text(node, "label"), URI.create(text(node, "url")));
            default:
                throw new IllegalArgumentException("unknown block type '" + type + "' in a stored message");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("stored message lacks '" + field + "'");
        }
        return value.asString();
    }
}
