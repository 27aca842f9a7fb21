package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Attachment;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.PersonId;

class MessageCodecTest {

    @Test
    void everyKindOfBlockAndAttachmentSurvivesTheRoundTrip() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        Message message = new Message("Dana named you <!channel> *bold*",
                List.of(new Heading("Your internal customers"),
                        Paragraph.builder().plain("Dana says you hand her ").strong("the loaded truck").plain(" — \"ok\"?").build(),
                        new Divider(),
                        Buttons.of(Button.primary("Yes", new Action("survey.confirm", "pat>dana")),
                                Button.danger("No", new Action("survey.dispute", "pat>dana")),
                                Button.of("Later", new Action("survey.later", null))),
                        new Link("Open interactive map", URI.create("https://handoff.example/map?t=1&p=pat"))),
                List.of(new Attachment("map.png", "image/png", png, "Your map"),
                        new Attachment("map.dot", "text/vnd.graphviz", "digraph{}".getBytes(StandardCharsets.UTF_8), null)));

        Message decoded = MessageCodec.decode(MessageCodec.encode(message));

        assertThat(decoded.summary()).isEqualTo(message.summary());
        assertThat(decoded.blocks()).isEqualTo(message.blocks());
        assertThat(decoded.attachments()).hasSize(2);
        assertThat(decoded.attachments().get(0).content()).isEqualTo(png);
        assertThat(decoded.attachments().get(0).title()).isEqualTo("Your map");
        assertThat(decoded.attachments().get(1).title()).isEqualTo("map.dot");
        assertThat(decoded.attachments().get(1).mediaType()).isEqualTo("text/vnd.graphviz");
    }

    @Test
    void anOutgoingMessageKeepsRecipientKindAndKey() {
        OutgoingMessage out = new OutgoingMessage(PersonId.of("pat"), MessageKind.NUDGE, "story:pat:{w48}\n",
                Message.text("Tell us"));

        assertThat(OutgoingMessage.fromJson(out.toJson())).isEqualTo(out);
    }

    @Test
    void anOutgoingMessageKeepsTheTraceItWasQueuedInAndOldMessagesWithoutOneStillRead() {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        OutgoingMessage traced = new OutgoingMessage(PersonId.of("pat"), MessageKind.CONFIRMATION, "confirm:x",
                Message.text("Confirm?"), Optional.of(traceParent));

        assertThat(traced.toJson()).contains("\"traceparent\":\"" + traceParent + "\"");
        assertThat(OutgoingMessage.fromJson(traced.toJson()).traceParent()).contains(traceParent);
        // stored before traces existed: no traceparent field
        OutgoingMessage old = OutgoingMessage.fromJson("{\"to\":\"pat\",\"kind\":\"NUDGE\",\"key\":\"k\","
                + "\"message\":{\"summary\":\"Tell us\",\"blocks\":[],\"attachments\":[]}}");
        assertThat(old.traceParent()).isEmpty();
        assertThat(old.message().summary()).isEqualTo("Tell us");
    }

    @Test
    void anUnknownStoredBlockIsAClearError() {
        assertThatThrownBy(() -> MessageCodec.decode("{\"summary\":\"x\",\"blocks\":[{\"type\":\"carousel\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carousel");
    }
}
