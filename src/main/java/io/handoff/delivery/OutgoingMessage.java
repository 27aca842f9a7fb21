package io.handoff.delivery;

import java.util.Objects;

import io.handoff.chat.Message;
import io.handoff.graph.PersonId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** A message waiting in the outbox: to whom, why (which rules apply), its idempotency key and the message itself. */
record OutgoingMessage(PersonId to, MessageKind kind, String key, Message message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public OutgoingMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("to", to.value()).put("kind", kind.name()).put("key", key);
        node.set("message", MessageCodec.toJson(message));
        return JSON.writeValueAsString(node);
    }

    static OutgoingMessage fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        return new OutgoingMessage(PersonId.of(node.get("to").asString()), MessageKind.valueOf(node.get("kind").asString()),
                node.get("key").asString(), MessageCodec.fromJson(node.get("message")));
    }
}
