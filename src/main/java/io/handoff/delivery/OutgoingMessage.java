package io.handoff.delivery;

import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Message;
import io.handoff.graph.PersonId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message waiting in the outbox: to whom, why (which rules apply), its idempotency key, the message itself and the
 * W3C {@code traceparent} of the span that queued it, if any (stored as {@code traceparent}; messages stored before
 * it existed have none).
 */
record OutgoingMessage(PersonId to, MessageKind kind, String key, Message message, Optional<String> traceParent) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACEPARENT = "traceparent";

    public OutgoingMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        traceParent = traceParent == null ? Optional.empty() : traceParent.filter(value -> !value.isBlank());
    }

    /** A message outside any trace. */
    OutgoingMessage(PersonId to, MessageKind kind, String key, Message message) {
        this(to, kind, key, message, Optional.empty());
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("to", to.value()).put("kind", kind.name()).put("key", key);
        node.set("message", MessageCodec.toJson(message));
        traceParent.ifPresent(value -> node.put(TRACEPARENT, value));
        return JSON.writeValueAsString(node);
    }

    static OutgoingMessage fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        JsonNode traceParent = node.get(TRACEPARENT);
        return new OutgoingMessage(PersonId.of(node.get("to").asString()), MessageKind.valueOf(node.get("kind").asString()),
                node.get("key").asString(), MessageCodec.fromJson(node.get("message")),
                traceParent == null || !traceParent.isString() ? Optional.empty()
                        : Optional.of(traceParent.asString()));
    }
}
