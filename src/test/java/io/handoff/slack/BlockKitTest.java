package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.HomeView;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

class BlockKitTest {

    @Test
    void escapesEverythingAPersonTypedSoNothingBecomesAMentionLinkOrMarkup() {
        String typed = "<!channel> <@U123> <https://evil.example|click> & *bold* _it_ ~gone~ `code`";

        String mrkdwn = SlackText.mrkdwn(Paragraph.builder().plain(typed).strong(" Dana ").build());

        assertThat(mrkdwn).startsWith("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; ")
                .doesNotContain("<", ">", "*bold*", "_it_", "~gone~", "`code`")
                .contains("\u2217bold\u2217", "\u02CDit\u02CD", "\u223Cgone\u223C", "\u02CBcode\u02CB")
                .endsWith(" *Dana* ");
    }

    @Test
    void rendersParagraphsHeadingsButtonsDividersAndLinks() {
        Message message = new Message("summary", List.of(
                new Heading("Your customers"),
                Paragraph.builder().plain("Pat hands you ").strong("the truck").build(),
                Buttons.of(Button.primary("Confirm", new Action("survey.confirm", "pat>dana")),
                        Button.danger("Dispute", new Action("survey.confirm", "x"))),
                new Divider(),
                new Link("Open map", URI.create("https://handoff.example/map"))));

        List<LayoutBlock> blocks = BlockKit.message(message);

        assertThat(blocks).hasSize(5);
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("Your customers");
        assertThat(((SectionBlock) blocks.get(1)).getText().getText()).isEqualTo("Pat hands you *the truck*");
        List<ButtonElement> buttons = ((ActionsBlock) blocks.get(2)).getElements().stream()
                .map(ButtonElement.class::cast).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("survey.confirm|0", "survey.confirm|1");
        assertThat(buttons).extracting(ButtonElement::getValue).containsExactly("pat>dana", "x");
        assertThat(buttons).extracting(ButtonElement::getStyle).containsExactly("primary", "danger");
        assertThat(BlockKit.coreActionId(buttons.get(1).getActionId())).isEqualTo("survey.confirm");
        ButtonElement link = (ButtonElement) ((ActionsBlock) blocks.get(4)).getElements().get(0);
        assertThat(link.getUrl()).isEqualTo("https://handoff.example/map");
    }

    @Test
    void splitsButtonRowsAt25AndCutsMessagesAt50AndViewsAt100Blocks() {
        List<Button> many = IntStream.range(0, 30).mapToObj(i -> Button.of("b" + i, new Action("a", "" + i))).toList();
        List<LayoutBlock> rows = BlockKit.blocks(List.of(new Buttons(many)));
        assertThat(rows).hasSize(2);
        assertThat(((ActionsBlock) rows.get(0)).getElements()).hasSize(25);
        assertThat(((ActionsBlock) rows.get(1)).getElements()).hasSize(5);

        List<Block> paragraphs = new ArrayList<>();
        IntStream.range(0, 130).forEach(i -> paragraphs.add(Paragraph.of("line " + i)));
        List<LayoutBlock> message = BlockKit.message(new Message("m", paragraphs));
        View home = BlockKit.home(new HomeView(paragraphs));

        assertThat(message).hasSize(50);
        assertThat(((SectionBlock) message.get(49)).getText().getText()).isEqualTo("\u2026and 81 more");
        assertThat(home.getBlocks()).hasSize(100);
        assertThat(((SectionBlock) home.getBlocks().get(99)).getText().getText()).isEqualTo("\u2026and 31 more");
    }

    @Test
    void rendersAFormAsAModalWithInputBlocksNamedAfterTheFields() {
        Form form = new Form("survey.customers", "Who depends on your work? (step 1 of 3)", "Next", "state-1", List.of(
                new Field.Note("intro", Paragraph.of("Pick the people <who> need your work")),
                new Field.PeoplePicker("people", "Colleagues", false, List.of("dana", "nobody")),
                new Field.Choice("often", "How often", true,
                        List.of(new Field.Option("Daily", "D"), new Field.Option("Weekly", "W")), "W"),
                new Field.TextInput("what", "What do you hand over?", false, 200, true, null, "e.g. a loaded truck")));

        View modal = BlockKit.modal(form, ids -> ids.contains("dana") ? List.of("UDANA") : List.of());

        assertThat(modal.getType()).isEqualTo("modal");
        assertThat(modal.getCallbackId()).isEqualTo("survey.customers");
        assertThat(modal.getPrivateMetadata()).isEqualTo("state-1");
        assertThat(modal.getTitle().getText()).hasSize(24).endsWith("\u2026");
        assertThat(modal.getBlocks()).extracting(LayoutBlock::getBlockId)
                .containsExactly("intro", "people", "often", "what");
        assertThat(((SectionBlock) modal.getBlocks().get(0)).getText().getText()).contains("&lt;who&gt;");
        InputBlock people = (InputBlock) modal.getBlocks().get(1);
        assertThat(((MultiUsersSelectElement) people.getElement()).getInitialUsers()).containsExactly("UDANA");
        assertThat(people.isOptional()).isFalse();
        StaticSelectElement often = (StaticSelectElement) ((InputBlock) modal.getBlocks().get(2)).getElement();
        assertThat(often.getOptions()).hasSize(2);
        assertThat(often.getInitialOption().getValue()).isEqualTo("W");
        PlainTextInputElement what = (PlainTextInputElement) ((InputBlock) modal.getBlocks().get(3)).getElement();
        assertThat(what.getMaxLength()).isEqualTo(200);
        assertThat(what.isMultiline()).isTrue();
        assertThat(what.getActionId()).isEqualTo("what");
    }
}
