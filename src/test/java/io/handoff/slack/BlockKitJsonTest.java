package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.JsonOps;
import com.slack.api.model.Attachment;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ImageElement;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/**
 * The acknowledgement JSON written by {@link BlockKitJson} is the JSON value Bolt's own Gson writes for the same
 * response ({@code Response.json} / {@code JsonOps}), for every block, element and text object our messages hold,
 * with every optional field set and unset, and for kinds we do not emit (handed to Gson).
 */
class BlockKitJsonTest {
    /** Text that needs escaping in JSON, or that Gson escapes and this writer does not. */
    private static final String AWKWARD = "Quote \" backslash \\ tab \t newline \n cr \r bell \u0007 nul \u0000 "
            + "< > & = ' \u2028 \u2029 emoji \uD83D\uDE80 accents é ü 漢字 lone \uD800 end";

    @Test
    void everyBlockOfOurMessagesIsTheJsonBoltWrites() {
        List<Block> blocks = new ArrayList<>(List.of(
                new Heading("Your customers " + AWKWARD),
                Paragraph.builder().plain("Pat hands you ").strong("the truck").plain(AWKWARD).build(),
                Paragraph.of("   "),
                Buttons.of(Button.primary("Confirm", new Action("survey.confirm", "pat>dana")),
                        Button.danger("Dispute " + AWKWARD, new Action("survey.confirm", AWKWARD)),
                        Button.of("Later", new Action("survey.later", ""))),
                new Divider(),
                new Link("Open map", URI.create("https://handoff.example/map?a=1&b=%22x%22")),
                new Heading("   ")));
        blocks.add(new Buttons(IntStream.range(0, 30)
                .mapToObj(i -> Button.of("b" + i, new Action("a", "" + i))).toList()));
        sameAsBolt(ephemeral(new Message("summary " + AWKWARD, blocks)));
    }

    @Test
    void aMessageOverSlacksBlockLimitIsTheJsonBoltWrites() {
        List<Block> many = IntStream.range(0, 80).<Block>mapToObj(i -> Paragraph.of("line " + i)).toList();
        SlashCommandResponse response = ephemeral(new Message("many", many));
        assertThat(response.getBlocks()).hasSize(BlockKit.MAX_MESSAGE_BLOCKS);
        sameAsBolt(response);
    }

    @Test
    void textOnlyAndEmptyAcknowledgementsAreTheJsonBoltWrites() {
        sameAsBolt(ephemeral(Message.text(SlackSlashCommands.WORKING)));
        sameAsBolt(SlashCommandResponse.builder().build());
        sameAsBolt(SlashCommandResponse.builder().responseType("in_channel").blocks(List.of()).build());
    }

    @Test
    void everyOptionalFieldOfTheWrittenKindsIsTheJsonBoltWrites() {
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder().blockId("s1").text(MarkdownTextObject.builder().text("*x*").verbatim(true)
                        .build()).fields(List.of(PlainTextObject.builder().text("f").emoji(false).build(),
                        MarkdownTextObject.builder().text("g").build())).expand(false).build(),
                SectionBlock.builder().text(PlainTextObject.builder().text("plain").build())
                        .accessory(ButtonElement.builder().text(PlainTextObject.builder().text("go").build())
                                .actionId("go").accessibilityLabel("Go " + AWKWARD).build()).build(),
                HeaderBlock.builder().blockId("h1").text(PlainTextObject.builder().text("head").build()).build(),
                HeaderBlock.builder().build(),
                ActionsBlock.builder().blockId("a1").elements(List.of(ButtonElement.builder().url("https://x.example")
                        .value("v").style("primary").build())).build(),
                ActionsBlock.builder().build(),
                DividerBlock.builder().blockId("d1").build());
        sameAsBolt(SlashCommandResponse.builder().text("t").blocks(blocks).build());
    }

    @Test
    void kindsWeDoNotEmitAreHandedToBoltsGson() {
        List<LayoutBlock> blocks = List.of(
                ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text("ctx").build())).build(),
                SectionBlock.builder().text(MarkdownTextObject.builder().text("pic").build())
                        .accessory(ImageElement.builder().imageUrl("https://x.example/a.png").altText("a").build())
                        .build(),
                ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                        .text(PlainTextObject.builder().text("Delete").build()).actionId("del")
                        .confirm(ConfirmationDialogObject.builder()
                                .title(PlainTextObject.builder().text("Sure?").build())
                                .text(PlainTextObject.builder().text("Really").build())
                                .confirm(PlainTextObject.builder().text("Yes").build())
                                .deny(PlainTextObject.builder().text("No").build()).build()).build())).build());
        sameAsBolt(SlashCommandResponse.builder().text("t").blocks(blocks).build());
        sameAsBolt(SlashCommandResponse.builder().text("t").threadTs("1.2")
                .attachments(List.of(Attachment.builder().text("old").build())).build());
    }

    @Test
    void writesAwkwardTextAsValidJsonWithoutGsonsHtmlEscapes() {
        String json = BlockKitJson.of(SlashCommandResponse.builder().text("a < b & c = 'd'").build());

        assertThat(json).isEqualTo("{\"text\":\"a < b & c = 'd'\"}");
        assertThat(JsonOps.toJsonString(SlashCommandResponse.builder().text("a < b & c = 'd'").build()))
                .contains("\\u003c");
    }

    private static SlashCommandResponse ephemeral(Message message) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallbackText(message))
                .blocks(BlockKit.message(message)).build();
    }

    private static void sameAsBolt(SlashCommandResponse response) {
        String bolt = JsonOps.toJsonString(response); // what ctx.ack(response) / Response.json(200, response) send
        String ours = BlockKitJson.of(response);
        JsonElement boltValue = JsonParser.parseString(bolt);
        JsonElement ourValue = JsonParser.parseString(ours);
        assertThat(ourValue).as("ours: %s%nBolt: %s", ours, bolt).isEqualTo(boltValue);
        assertThat(ourValue.toString()).isEqualTo(boltValue.toString()); // same fields in the same order
    }
}
