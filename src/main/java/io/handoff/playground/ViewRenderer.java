package io.handoff.playground;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.HomeView;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.Person;

/** Renders the neutral chat port into the playground's JSON view, as the Slack adapter renders Block Kit. */
final class ViewRenderer {
    private final List<Person> roster;

    /** {@code roster}: the people the people-picker offers (the demo tenant's people). */
    ViewRenderer(List<Person> roster) {
        this.roster = List.copyOf(roster);
    }

    View.Answer answer(Outcome outcome, HomeView home) {
        View.Home homeView = home(home);
        Reply reply = outcome.reply();
        if (reply instanceof Reply.Show show) {
            return new View.Answer("show", message(show.message(), Instant.now()), null, null, homeView);
        }
        if (reply instanceof Reply.OpenForm open) {
            return new View.Answer("form", null, form(open.form()), null, homeView);
        }
        if (reply instanceof Reply.NextForm next) {
            return new View.Answer("form", null, form(next.form()), null, homeView);
        }
        if (reply instanceof Reply.FormErrors errors) {
            return new View.Answer("form-errors", null, null, errors.errors(), homeView);
        }
        if (reply instanceof Reply.Replace replace) { // the page puts it where the pressed button was
            return new View.Answer("replace", message(replace.message(), Instant.now()), null, null, homeView);
        }
        if (reply instanceof Reply.CloseForm close) {
            return new View.Answer("close-form", message(close.message(), Instant.now()), null, null, homeView);
        }
        return new View.Answer("nothing", null, null, null, homeView);
    }

    View.Home home(HomeView home) {
        return new View.Home(home.blocks().stream().map(ViewRenderer::block).toList());
    }

    static View.Message message(Message message, Instant at) {
        return new View.Message(UUID.randomUUID().toString(), message.summary(),
                message.blocks().stream().map(ViewRenderer::block).toList(),
                message.attachments().stream().map(ViewRenderer::attachment).toList(), at.toString());
    }

    private static View.Block block(Block block) {
        if (block instanceof Paragraph paragraph) {
            return new View.Block("paragraph", spans(paragraph), null, null, null);
        }
        if (block instanceof Heading heading) {
            return new View.Block("heading", null, heading.text(), null, null);
        }
        if (block instanceof Link link) {
            return new View.Block("link", null, link.label(), null, link.url().toString());
        }
        if (block instanceof Buttons buttons) {
            return new View.Block("buttons", null, null, buttons.buttons().stream()
                    .map(b -> new View.Button(b.label(), b.action().id(), b.action().value(),
                            b.style().name().toLowerCase(Locale.ROOT)))
                    .toList(), null);
        }
        return new View.Block("divider", null, null, null, null);
    }

    private static List<View.Span> spans(Paragraph paragraph) {
        return paragraph.spans().stream().map(span -> new View.Span(span.text(), span.strong())).toList();
    }

    private static View.Attachment attachment(Attachment attachment) {
        String data = "data:" + attachment.mediaType() + ";base64,"
                + Base64.getEncoder().encodeToString(attachment.content());
        return new View.Attachment(attachment.fileName(), attachment.mediaType(), attachment.title(), data);
    }

    View.Form form(Form form) {
        return new View.Form(form.id(), form.title(), form.submitLabel(), form.state(),
                form.fields().stream().map(this::field).toList());
    }

    private View.Field field(Field field) {
        if (field instanceof Field.PeoplePicker picker) {
            String label = picker.max() > 0 ? picker.label() + " (up to " + picker.max() + ")" : picker.label();
            return new View.Field("people", picker.id(), label, picker.optional(),
                    roster.stream().map(p -> new View.Option(p.displayName(), p.id().value())).toList(),
                    picker.initial(), null, false, null, null);
        }
        if (field instanceof Field.Choice choice) {
            return new View.Field("choice", choice.id(), choice.label(), choice.optional(),
                    choice.options().stream().map(o -> new View.Option(o.label(), o.value())).toList(),
                    choice.initial() == null ? List.of() : List.of(choice.initial()), null, false, choice.hint(), null);
        }
        if (field instanceof Field.Choices choices) {
            return new View.Field("choices", choices.id(), choices.label(), choices.optional(),
                    choices.options().stream().map(o -> new View.Option(o.label(), o.value())).toList(),
                    choices.initial(), null, false, choices.hint(), null);
        }
        if (field instanceof Field.TextInput text) {
            return new View.Field("text", text.id(), text.label(), text.optional(), List.of(),
                    text.initial() == null ? List.of() : List.of(text.initial()), text.maxLength(), text.multiline(),
                    text.hint(), null);
        }
        if (field instanceof Field.Section section) {
            return new View.Field("note", section.id(), "", true, List.of(), List.of(), null, false, null,
                    spans(section.title()));
        }
        Field.Note note = (Field.Note) field;
        return new View.Field("note", note.id(), "", true, List.of(), List.of(), null, false, null,
                spans(note.text()));
    }
}
