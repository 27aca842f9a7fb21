package io.handoff.slack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.stream.JsonWriter;
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
 * is handed to the same Gson as Bolt's, so the value never depends on which path wrote it. The JSON is written by
 * Gson's own streaming {@link JsonWriter} (its escaping, not ours); Bolt's Gson escapes {@code < > & = '} as
 * {@code \u003c}-style escapes, this writer keeps them literal (not HTML-safe), which is the same JSON string.
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
        StringWriter out = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject();
            field(json, "response_type", response.getResponseType());
            field(json, "text", response.getText());
            array(json, "blocks", response.getBlocks(), BlockKitJson::block);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void block(JsonWriter json, LayoutBlock block) throws IOException {
        if (block == null) {
            json.nullValue();
        } else if (block.getClass() == SectionBlock.class) {
            section(json, (SectionBlock) block);
        } else if (block.getClass() == HeaderBlock.class) {
            HeaderBlock header = (HeaderBlock) block;
            json.beginObject();
            field(json, "type", header.getType());
            field(json, "block_id", header.getBlockId());
            text(json, "text", header.getText());
            json.endObject();
        } else if (block.getClass() == ActionsBlock.class) {
            ActionsBlock actions = (ActionsBlock) block;
            json.beginObject();
            field(json, "type", actions.getType());
            array(json, "elements", actions.getElements(), BlockKitJson::element);
            field(json, "block_id", actions.getBlockId());
            json.endObject();
        } else if (block.getClass() == DividerBlock.class) {
            json.beginObject();
            field(json, "type", block.getType());
            field(json, "block_id", block.getBlockId());
            json.endObject();
        } else {
            GSON.toJson(block, LayoutBlock.class, json);
        }
    }

    private static void section(JsonWriter json, SectionBlock section) throws IOException {
        json.beginObject();
        field(json, "type", section.getType());
        text(json, "text", section.getText());
        field(json, "block_id", section.getBlockId());
        array(json, "fields", section.getFields(), BlockKitJson::text);
        if (section.getAccessory() != null) {
            element(json.name("accessory"), section.getAccessory());
        }
        if (section.getExpand() != null) {
            json.name("expand").value(section.getExpand().booleanValue());
        }
        json.endObject();
    }

    private static void element(JsonWriter json, BlockElement element) throws IOException {
        if (element != null && element.getClass() == ButtonElement.class
                && ((ButtonElement) element).getConfirm() == null) {
            ButtonElement button = (ButtonElement) element;
            json.beginObject();
            field(json, "type", button.getType());
            text(json, "text", button.getText());
            field(json, "action_id", button.getActionId());
            field(json, "url", button.getUrl());
            field(json, "value", button.getValue());
            field(json, "style", button.getStyle());
            field(json, "accessibility_label", button.getAccessibilityLabel());
            json.endObject();
        } else {
            GSON.toJson(element, BlockElement.class, json);
        }
    }

    /** One value of a list, written to the JSON. */
    private interface Writer<T> {
        void write(JsonWriter json, T value) throws IOException;
    }

    /** {@code "name":[…]} unless the list is null (Gson leaves nulls out). */
    private static <T> void array(JsonWriter json, String name, List<? extends T> values, Writer<T> writer)
            throws IOException {
        if (values != null) {
            json.name(name).beginArray();
            for (T value : values) {
                writer.write(json, value);
            }
            json.endArray();
        }
    }

    /** {@code "name":{text object}} unless the text is null. */
    private static void text(JsonWriter json, String name, TextObject text) throws IOException {
        if (text != null) {
            text(json.name(name), text);
        }
    }

    private static void text(JsonWriter json, TextObject text) throws IOException {
        if (text != null && text.getClass() == PlainTextObject.class) {
            PlainTextObject plain = (PlainTextObject) text;
            text(json, plain.getType(), plain.getText(), "emoji", plain.getEmoji());
        } else if (text != null && text.getClass() == MarkdownTextObject.class) {
            MarkdownTextObject markdown = (MarkdownTextObject) text;
            text(json, markdown.getType(), markdown.getText(), "verbatim", markdown.getVerbatim());
        } else {
            GSON.toJson(text, TextObject.class, json);
        }
    }

    /** A text object: its type, its text and its one flag (plain text's {@code emoji}, mrkdwn's {@code verbatim}). */
    private static void text(JsonWriter json, String type, String text, String flagName, Boolean flag)
            throws IOException {
        json.beginObject();
        field(json, "type", type);
        field(json, "text", text);
        if (flag != null) {
            json.name(flagName).value(flag.booleanValue());
        }
        json.endObject();
    }

    /** Writes {@code "name":"value"} unless the value is null (Gson leaves nulls out). */
    private static void field(JsonWriter json, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }
}
