package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;

import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/**
 * What the connector client writes for an activity whose Adaptive Card is handed over as its JSON text while it is
 * sent ({@link ConnectorCards}): the same JSON as for the card as a tree, written by the connector's own serializer
 * (the SDK's {@code JacksonAdapter} with its {@code FlatteningSerializer}); the caller's activity gets its own
 * attachments back once sent, and its card is never changed.
 */
class ConnectorCardsTest {
    private static final JacksonAdapter CONNECTOR = new JacksonAdapter();

    @Test
    void theConnectorWritesTheSameJsonForACardHandedOverAsText() throws Exception {
        Activity reply = reply();
        JsonNode asTree = Serialization.jsonToTree(CONNECTOR.serialize(reply()));

        JsonNode asText = sentThrough(reply,
                content -> assertThat(content).as("handed over as text").isNotInstanceOf(JsonNode.class));

        assertThat(asText).isEqualTo(asTree);
        assertThat(asText.at("/conversation/tenantId").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(asText.at("/attachments/0/content/body/0/inlines/0/text").asText()).isEqualTo("Ça va? \"ok\" <b>");
        assertThat(asText.at("/attachments/0/content/actions/0/data").has("a.b")).isTrue();
        assertThat(asText.at("/attachments/0/content/body/3").path("choices.data").path("dataset").asText())
                .isEqualTo("handoff.people");
        assertThat(((ObjectNode) reply.getAttachments().get(0).getContent()).at("/body/3")
                .has(AdaptiveCards.DATA_QUERY_KEY)).isTrue();
    }

    @Test
    void aCardWithAKeyTheSdkWouldNestIsLeftToTheSdk() throws Exception {
        Activity reply = reply();
        ((ObjectNode) reply.getAttachments().get(0).getContent()).put("ab.c", "nested by the SDK");
        JsonNode asTree = Serialization.jsonToTree(serialize(reply));

        JsonNode sent = sentThrough(reply,
                content -> assertThat(content).as("left to the SDK").isInstanceOf(ObjectNode.class));

        assertThat(sent).isEqualTo(asTree);
        assertThat(sent.at("/attachments/0/content/ab/c").asText()).isEqualTo("nested by the SDK");
    }

    @Test
    void theCallerGetsItsOwnAttachmentsBackAndItsCardUnchanged() {
        Activity reply = reply();
        List<Attachment> own = reply.getAttachments();
        ObjectNode card = (ObjectNode) own.get(0).getContent();
        String before = card.toString();

        ConnectorCards.whileSending(List.of(reply), () -> CompletableFuture.completedFuture(serialize(reply))).join();

        assertThat(reply.getAttachments()).isSameAs(own);
        assertThat(own.get(0).getContent()).isSameAs(card);
        assertThat(card.toString()).isEqualTo(before);
        assertThat(card.at("/actions/0/data").has("a.b")).isTrue();
    }

    @Test
    void aFailedSendGivesTheAttachmentsBackToo() {
        Activity reply = reply();
        List<Attachment> own = reply.getAttachments();

        CompletableFuture<Object> failed = ConnectorCards.whileSending(List.of(reply),
                () -> CompletableFuture.failedFuture(new IllegalStateException("connector down")));
        assertThatThrownBy(failed::join).hasRootCauseMessage("connector down");
        assertThat(reply.getAttachments()).isSameAs(own);

        assertThatThrownBy(() -> ConnectorCards.whileSending(List.of(reply), () -> {
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
        assertThat(reply.getAttachments()).isSameAs(own);
    }

    @Test
    void anAttachmentThatIsNoCardIsHandedOverAsItIs() {
        Attachment picture = new Attachment();
        picture.setContentType("image/png");
        picture.setContentUrl("https://handoff.example/files/x.png");
        List<Attachment> attachments = List.of(picture, reply().getAttachments().get(0));

        List<Attachment> written = ConnectorCards.written(attachments);

        assertThat(written.get(0)).isSameAs(picture);
        assertThat(written.get(1)).isNotSameAs(attachments.get(1));
        assertThat(written.get(1).getContentType()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        assertThat(attachments.get(1).getContent()).isInstanceOf(ObjectNode.class);
    }

    /**
     * The JSON the connector would get for {@code reply} sent through {@link ConnectorCards}; {@code whileSending}
     * sees the first attachment's content as the SDK is handed it.
     */
    private static JsonNode sentThrough(Activity reply, Consumer<Object> whileSending) throws IOException {
        return Serialization.jsonToTree(ConnectorCards.whileSending(List.of(reply), () -> {
            whileSending.accept(reply.getAttachments().get(0).getContent());
            return CompletableFuture.completedFuture(serialize(reply));
        }).join());
    }

    private static String serialize(Activity activity) {
        try {
            return CONNECTOR.serialize(activity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Activity reply() {
        Activity reply = Activity.createMessageActivity();
        reply.setTimestamp(OffsetDateTime.parse("2026-12-05T10:00:00Z"));
        reply.setFrom(new ChannelAccount("28:bot", "Handoff"));
        ConversationAccount conversation = new ConversationAccount("a:personal");
        conversation.setTenantId("00000000-0000-4000-8000-000000000001");
        reply.setConversation(conversation);
        reply.setReplyToId("1:abc");
        reply.setServiceUrl("https://smba.trafficmanager.net/emea/");
        Message message = new Message("Help", List.of(Paragraph.of("Ça va? \"ok\" <b>"), new Heading("Commands"),
                Paragraph.builder().plain("Say ").strong("home").plain(" — or ").strong("help").build()));
        Attachment attachment = AdaptiveCards.message(message).get(0);
        ObjectNode card = (ObjectNode) attachment.getContent();
        card.putArray("actions").addObject().put("type", "Action.Submit").put("title", "Go")
                .putObject("data").put("a.b", "dotted").put("action", "home").put("n", 3);
        // the people picker's search, as AdaptiveCards writes it: the SDK writes "choices\\.data" as "choices.data"
        card.withArray("body").addObject().put("type", "Input.ChoiceSet").put("id", "find.people.x")
                .putObject(AdaptiveCards.DATA_QUERY_KEY).put("type", "Data.Query").put("dataset", "handoff.people");
        reply.setAttachments(List.of(attachment));
        return reply;
    }
}
