package io.handoff.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

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

/**
 * Renders the chat port's messages, forms and home views as Block Kit, within Slack's limits: 50 blocks per
 * message, 100 per modal or Home tab (the rest is replaced by an "…and N more" line), 25 elements per actions block,
 * and the length limits of every text field. All text is literal: see {@link SlackText}.
 */
final class BlockKit {
    static final int MAX_MESSAGE_BLOCKS = 50;
    static final int MAX_VIEW_BLOCKS = 100;
    static final int MAX_ACTIONS = 25;
    /** Prefix of the action id of URL buttons (Slack still sends a block_actions payload, which is only acked). */
    static final String LINK_ACTION = "slack-link";
    /** Action of the button that opens a form from a DM, where Slack gives no trigger id; the value is the command. */
    static final String OPEN_ACTION = "slack-open";

    private static final int MAX_HEADER = 150;
    private static final int MAX_BUTTON_TEXT = 75;
    private static final int MAX_LABEL = 2000;
    private static final int MAX_TITLE = 24;
    private static final int MAX_OPTION_TEXT = 75;
    private static final int MAX_OPTION_VALUE = 150;
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_PLACEHOLDER = 150;
    private static final int MAX_TEXT_INPUT = 3000;
    private static final int MAX_FALLBACK_TEXT = 3000;

    /** Translates person ids of a people picker's initial value into Slack user ids (unknown ones are dropped). */
    interface SlackUserIds {
        List<String> of(List<String> personIds);
    }

    private BlockKit() {
    }

    static List<LayoutBlock> message(Message message) {
        return limit(blocks(message.blocks()), MAX_MESSAGE_BLOCKS);
    }

    /** The notification text of a message (push notifications, screen readers), escaped like any literal text. */
    static String fallbackText(Message message) {
        return SlackText.truncate(SlackText.escape(message.summary()), MAX_FALLBACK_TEXT);
    }

    static View home(HomeView home) {
        return View.builder().type("home").blocks(limit(blocks(home.blocks()), MAX_VIEW_BLOCKS)).build();
    }

    static View modal(Form form, SlackUserIds users) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Field field : form.fields()) {
            if (!(field instanceof Field.Note note) || !note.text().plainText().isBlank()) {
                // a Section's title is never blank (the form builders name each group)
                blocks.add(field(field, users)); // Slack refuses a section without text
            }
        }
        return View.builder()
                .type("modal")
                .callbackId(form.id())
                .privateMetadata(form.state())
                .title(ViewTitle.builder().type("plain_text").text(plain(form.title(), MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(plain(form.submitLabel(), MAX_TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(limit(blocks, MAX_VIEW_BLOCKS))
                .build();
    }

    /** A message offering a button that opens a form (DMs carry no trigger id, a button press does). */
    static List<LayoutBlock> openFormPrompt(Form form, String command) {
        return List.of(
                section(SlackText.mrkdwn(Paragraph.of(form.title()))),
                ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                        .text(text(plain(form.title(), MAX_BUTTON_TEXT)))
                        .actionId(OPEN_ACTION + "|0")
                        .value(command)
                        .style("primary")
                        .build())).build());
    }

    /** The action id the core gave a button, from the Slack action id made unique within its block. */
    static String coreActionId(String slackActionId) {
        int bar = slackActionId.lastIndexOf('|');
        if (bar > 0 && bar < slackActionId.length() - 1
                && slackActionId.substring(bar + 1).chars().allMatch(Character::isDigit)) {
            return slackActionId.substring(0, bar);
        }
        return slackActionId;
    }

    static List<LayoutBlock> blocks(List<Block> blocks) {
        List<LayoutBlock> rendered = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Paragraph paragraph) {
                if (!paragraph.plainText().isBlank()) {
                    rendered.add(section(SlackText.mrkdwn(paragraph)));
                }
            } else if (block instanceof Heading heading) {
                rendered.add(HeaderBlock.builder().text(text(plain(heading.text(), MAX_HEADER))).build());
            } else if (block instanceof Buttons buttons) {
                rendered.addAll(actions(buttons.buttons()));
            } else if (block instanceof Divider) {
                rendered.add(DividerBlock.builder().build());
            } else if (block instanceof Link link) {
                rendered.add(ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                        .text(text(plain(link.label(), MAX_BUTTON_TEXT)))
                        .actionId(LINK_ACTION + "|0")
                        .url(link.url().toString())
                        .build())).build());
            }
        }
        return rendered;
    }

    private static List<LayoutBlock> actions(List<Button> buttons) {
        List<LayoutBlock> rows = new ArrayList<>();
        for (int from = 0; from < buttons.size(); from += MAX_ACTIONS) {
            List<BlockElement> elements = new ArrayList<>();
            List<Button> row = buttons.subList(from, Math.min(buttons.size(), from + MAX_ACTIONS));
            for (int i = 0; i < row.size(); i++) {
                Button button = row.get(i);
                elements.add(ButtonElement.builder()
                        .text(text(plain(button.label(), MAX_BUTTON_TEXT)))
                        // action ids must be unique within a block; the suffix is removed when the press comes back
                        .actionId(button.action().id() + "|" + i)
                        .value(button.action().value())
                        .style(switch (button.style()) {
                            case PRIMARY -> "primary";
                            case DANGER -> "danger";
                            case DEFAULT -> null;
                        })
                        .build());
            }
            rows.add(ActionsBlock.builder().elements(elements).build());
        }
        return rows;
    }

    private static LayoutBlock field(Field field, SlackUserIds users) {
        if (field instanceof Field.Note note) {
            return SectionBlock.builder().blockId(note.id()).text(markdown(SlackText.mrkdwn(note.text()))).build();
        }
        if (field instanceof Field.Section section) {
            // one block per group: a Slack modal holds 100, and the group's title already stands out in bold
            return SectionBlock.builder().blockId(section.id()).text(markdown(SlackText.mrkdwn(section.title())))
                    .build();
        }
        BlockElement element;
        if (field instanceof Field.PeoplePicker picker) {
            List<String> initial = users.of(picker.initial());
            element = MultiUsersSelectElement.builder().actionId(picker.id())
                    .initialUsers(initial.isEmpty() ? null : initial)
                    .maxSelectedItems(picker.max() > 0 ? picker.max() : null)
                    .placeholder(text(picker.max() > 0 ? "Choose up to " + picker.max() + " colleagues"
                            : "Choose colleagues")).build();
        } else if (field instanceof Field.Choice choice) {
            List<OptionObject> options = choice.options().stream().limit(MAX_OPTIONS).map(BlockKit::option).toList();
            OptionObject initial = choice.options().stream().filter(o -> o.value().equals(choice.initial()))
                    .findFirst().map(BlockKit::option).orElse(null);
            element = StaticSelectElement.builder().actionId(choice.id()).options(options).initialOption(initial)
                    .placeholder(text(plain(choice.hint() == null || choice.hint().isBlank() ? "Choose"
                            : choice.hint(), MAX_PLACEHOLDER))).build();
        } else if (field instanceof Field.Choices choices) {
            List<OptionObject> options = choices.options().stream().limit(MAX_OPTIONS).map(BlockKit::option).toList();
            List<OptionObject> initial = choices.options().stream().limit(MAX_OPTIONS)
                    .filter(o -> choices.initial().contains(o.value())).map(BlockKit::option).toList();
            element = MultiStaticSelectElement.builder().actionId(choices.id()).options(options)
                    .initialOptions(initial.isEmpty() ? null : initial)
                    .placeholder(text(plain(choices.hint() == null || choices.hint().isBlank() ? "Choose any"
                            : choices.hint(), MAX_PLACEHOLDER))).build();
        } else if (field instanceof Field.TextInput input) {
            element = PlainTextInputElement.builder().actionId(input.id())
                    .multiline(input.multiline())
                    .maxLength(Math.min(input.maxLength(), MAX_TEXT_INPUT))
                    .initialValue(input.initial() == null || input.initial().isEmpty() ? null
                            : SlackText.truncate(input.initial(), Math.min(input.maxLength(), MAX_TEXT_INPUT)))
                    .placeholder(input.hint() == null || input.hint().isBlank() ? null
                            : text(plain(input.hint(), MAX_PLACEHOLDER)))
                    .build();
        } else {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return InputBlock.builder()
                .blockId(field.id())
                .label(text(plain(field.label().isBlank() ? field.id() : field.label(), MAX_LABEL)))
                .optional(field.optional())
                .element(element)
                .build();
    }

    private static OptionObject option(Field.Option option) {
        return OptionObject.builder().text(text(plain(option.label(), MAX_OPTION_TEXT)))
                .value(SlackText.truncate(option.value(), MAX_OPTION_VALUE)).build();
    }

    /** Keeps at most {@code max} blocks; when there are more, the last one says how many were left out. */
    static List<LayoutBlock> limit(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return blocks;
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(section("\u2026and " + (blocks.size() - kept.size()) + " more"));
        return kept;
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(mrkdwn)).build();
    }

    private static MarkdownTextObject markdown(String mrkdwn) {
        return MarkdownTextObject.builder().text(mrkdwn).build();
    }

    private static PlainTextObject text(String plain) {
        return PlainTextObject.builder().text(plain).emoji(true).build();
    }

    /** Plain text is shown literally by Slack; it only has to fit (and must not be empty). */
    private static String plain(String literal, int max) {
        String text = literal.isBlank() ? "\u2026" : literal;
        return SlackText.truncate(text, max);
    }

    static Map<String, String> errors(Map<String, String> errors) {
        // block ids are the field ids; Slack limits an error text to 2000 characters
        Map<String, String> limited = new java.util.LinkedHashMap<>();
        errors.forEach((field, error) -> limited.put(field, SlackText.truncate(error, 2000)));
        return limited;
    }
}
