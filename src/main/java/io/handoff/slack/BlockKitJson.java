package io.handoff.slack;

import java.util.List;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;

/**
 * Writes a slash command's acknowledgement as JSON straight from the Block Kit model, with every field Bolt's Gson
 * writes for the blocks a message of ours holds (section, header, actions of buttons, divider, and their text
 * objects), so the JSON value is the one Gson produces. Bolt's Gson builds a JSON tree for every block and text object
 * (its polymorphic adapters), which was a sixth of the CPU of a {@code /handoff help} acknowledgement (issue 20, JFR).
 * Anything else (a block, element or text kind we do not emit, a button's confirm dialog, a response with attachments)
 * is handed to the same Gson as Bolt's, so the value never depends on which path wrote it. Gson escapes {@code < > & = '}
 * as {@code \u003c}-style escapes; this writer keeps them literal, which is the same JSON string.
 */
final class BlockKitJson {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private BlockKitJson() {
    }

    /** The acknowledgement body of a slash command. */
    static String of(SlashCommandResponse response) {
        if (response.getAttachments() != null || response.getMetadata() != null || response.getThreadTs() != null) {
            return GSON.toJson(response);
        }
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        boolean first = true;
        first = field(json, first, "response_type", response.getResponseType());
        first = field(json, first, "text", response.getText());
        if (response.getBlocks() != null) {
            name(json, first, "blocks");
            blocks(json, response.getBlocks());
        }
        return json.append('}').toString();
    }

    private static void blocks(StringBuilder json, List<LayoutBlock> blocks) {
        json.append('[');
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            block(json, blocks.get(i));
        }
        json.append(']');
    }

    private static void block(StringBuilder json, LayoutBlock block) {
        if (block == null) {
            json.append("null");
        } else if (block.getClass() == SectionBlock.class) {
            SectionBlock section = (SectionBlock) block;
            json.append('{');
            boolean first = field(json, true, "type", section.getType());
            if (section.getText() != null) {
                name(json, first, "text");
                text(json, section.getText());
                first = false;
            }
            first = field(json, first, "block_id", section.getBlockId());
            if (section.getFields() != null) {
                name(json, first, "fields");
                json.append('[');
                for (int i = 0; i < section.getFields().size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    text(json, section.getFields().get(i));
                }
                json.append(']');
                first = false;
            }
            if (section.getAccessory() != null) {
                name(json, first, "accessory");
                element(json, section.getAccessory());
                first = false;
            }
            if (section.getExpand() != null) {
                name(json, first, "expand");
                json.append(section.getExpand().booleanValue());
            }
            json.append('}');
        } else if (block.getClass() == HeaderBlock.class) {
            HeaderBlock header = (HeaderBlock) block;
            json.append('{');
            boolean first = field(json, true, "type", header.getType());
            first = field(json, first, "block_id", header.getBlockId());
            if (header.getText() != null) {
                name(json, first, "text");
                text(json, header.getText());
            }
            json.append('}');
        } else if (block.getClass() == ActionsBlock.class) {
            ActionsBlock actions = (ActionsBlock) block;
            json.append('{');
            boolean first = field(json, true, "type", actions.getType());
            if (actions.getElements() != null) {
                name(json, first, "elements");
                json.append('[');
                for (int i = 0; i < actions.getElements().size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    element(json, actions.getElements().get(i));
                }
                json.append(']');
                first = false;
            }
            field(json, first, "block_id", actions.getBlockId());
            json.append('}');
        } else if (block.getClass() == DividerBlock.class) {
            DividerBlock divider = (DividerBlock) block;
            json.append('{');
            boolean first = field(json, true, "type", divider.getType());
            field(json, first, "block_id", divider.getBlockId());
            json.append('}');
        } else {
            json.append(GSON.toJson(block, LayoutBlock.class));
        }
    }

    private static void element(StringBuilder json, BlockElement element) {
        if (element != null && element.getClass() == ButtonElement.class
                && ((ButtonElement) element).getConfirm() == null) {
            ButtonElement button = (ButtonElement) element;
            json.append('{');
            boolean first = field(json, true, "type", button.getType());
            if (button.getText() != null) {
                name(json, first, "text");
                text(json, button.getText());
                first = false;
            }
            first = field(json, first, "action_id", button.getActionId());
            first = field(json, first, "url", button.getUrl());
            first = field(json, first, "value", button.getValue());
            first = field(json, first, "style", button.getStyle());
            field(json, first, "accessibility_label", button.getAccessibilityLabel());
            json.append('}');
        } else {
            json.append(GSON.toJson(element, BlockElement.class));
        }
    }

    private static void text(StringBuilder json, TextObject text) {
        if (text != null && text.getClass() == PlainTextObject.class) {
            PlainTextObject plain = (PlainTextObject) text;
            json.append('{');
            boolean first = field(json, true, "type", plain.getType());
            first = field(json, first, "text", plain.getText());
            if (plain.getEmoji() != null) {
                name(json, first, "emoji");
                json.append(plain.getEmoji().booleanValue());
            }
            json.append('}');
        } else if (text != null && text.getClass() == MarkdownTextObject.class) {
            MarkdownTextObject markdown = (MarkdownTextObject) text;
            json.append('{');
            boolean first = field(json, true, "type", markdown.getType());
            first = field(json, first, "text", markdown.getText());
            if (markdown.getVerbatim() != null) {
                name(json, first, "verbatim");
                json.append(markdown.getVerbatim().booleanValue());
            }
            json.append('}');
        } else {
            json.append(GSON.toJson(text, TextObject.class));
        }
    }

    /** Writes {@code "name":"value"} unless the value is null (Gson leaves nulls out); whether nothing is written yet. */
    private static boolean field(StringBuilder json, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        name(json, first, name);
        string(json, value);
        return false;
    }

    private static void name(StringBuilder json, boolean first, String name) {
        if (!first) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259), everything else literal. */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\u2028', '\u2029' -> json.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
