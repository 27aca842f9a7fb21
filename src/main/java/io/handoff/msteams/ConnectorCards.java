package io.handoff.msteams;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;

/**
 * An outgoing activity as the connector client should get it: each Adaptive Card (a Jackson tree) already written as
 * its JSON text, so the same bytes reach Teams without the SDK walking the card. The connector's
 * {@code FlatteningSerializer} turns the whole activity into a tree, copies it and matches two regular expressions
 * (compiled afresh) against every key of it, and {@code Validator} walks every field of it by reflection, before the
 * activity is written (measured alone on a help-sized 2.6 KB card: about 80 µs to check and write a reply, 45 µs with
 * the card as text; issue 20). A card's keys and values are the same either way ({@code ConnectorCardsTest}, dotted
 * keys included); the caller's attachments and cards are left as they were.
 */
final class ConnectorCards {
    /** The SDK's {@code FlatteningSerializer}: a key it nests, a key whose escaped dot it unescapes, and how. */
    private static final Pattern NESTED = Pattern.compile(".+[^\\\\]\\..+");
    private static final Pattern ESCAPED = Pattern.compile(".*[^\\\\]\\\\..+");
    private static final Pattern ANY_ESCAPE = Pattern.compile("\\\\.");

    private ConnectorCards() {
    }

    /**
     * Hands each activity's Adaptive Cards to the connector as their JSON text while {@code send} runs, and gives
     * the activities their own attachments back once it is done (the callers wait for it), so a caller never sees
     * the text form. The activities themselves are sent: copying one with the SDK's {@code Activity.clone} would
     * drop the conversation's tenant id. Whatever reads an activity while it is being sent (a transcript or logging
     * middleware, should one be added) sees its cards as JSON text, not as trees.
     */
    static <T> CompletableFuture<T> whileSending(List<Activity> activities, Supplier<CompletableFuture<T>> send) {
        Map<Activity, List<Attachment>> own = new IdentityHashMap<>();
        for (Activity activity : activities == null ? List.<Activity>of() : activities) {
            List<Attachment> attachments = activity == null ? null : activity.getAttachments();
            if (attachments == null || own.containsKey(activity)) {
                continue;
            }
            List<Attachment> written = written(attachments);
            if (written != attachments) {
                own.put(activity, attachments);
                activity.setAttachments(written);
            }
        }
        if (own.isEmpty()) {
            return send.get();
        }
        CompletableFuture<T> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            own.forEach(Activity::setAttachments);
            throw e;
        }
        return sent.whenComplete((result, failure) -> own.forEach(Activity::setAttachments));
    }

    /**
     * The attachments as the connector should get them: new attachments, each Adaptive Card as a tree replaced by
     * its JSON text; the same list when none is (the caller's attachments and cards are not touched). Each card's
     * keys are walked once.
     */
    static List<Attachment> written(List<Attachment> attachments) {
        List<Attachment> written = null;
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            RawValue text = asText(attachment);
            if (text != null) {
                if (written == null) {
                    written = new ArrayList<>(attachments);
                }
                Attachment copy = Attachment.clone(attachment);
                copy.setContent(text);
                written.set(i, copy);
            }
        }
        return written == null ? attachments : written;
    }

    /**
     * An Adaptive Card as a tree, as the JSON text the SDK's serializer would write for it (escaped dots unescaped);
     * null for anything else, and for a card with a key the SDK would nest (left to the SDK, as before).
     */
    private static RawValue asText(Attachment attachment) {
        if (attachment == null || !AdaptiveCards.CONTENT_TYPE.equals(attachment.getContentType())
                || !(attachment.getContent() instanceof ObjectNode card)) {
            return null;
        }
        return switch (keys(card)) {
            case NESTED -> null;
            case AS_THEY_ARE -> json(card);
            case UNESCAPED -> {
                ObjectNode copy = card.deepCopy();
                unescape(copy);
                yield json(copy);
            }
        };
    }

    /** What the SDK's serializer would do to an object's keys: nothing, unescape a dot, or nest a dotted key. */
    private enum Keys { AS_THEY_ARE, UNESCAPED, NESTED }

    /**
     * The keys of {@code object} and of what the SDK's serializer looks into below it (objects, and arrays whose first
     * element is an object): a key with a dot after two characters or more is nested ({@code a.b.c} becomes
     * {@code {"a": {"b.c": ...}}}), one with an escaped dot ({@code choices\.data}, as {@link AdaptiveCards} writes
     * the people picker's) is written with the backslashes dropped.
     */
    private static Keys keys(ObjectNode object) {
        Keys found = Keys.AS_THEY_ARE;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (key.indexOf('.') >= 0) {
                if (NESTED.matcher(key).matches()) {
                    return Keys.NESTED;
                }
                if (ESCAPED.matcher(key).matches()) {
                    found = Keys.UNESCAPED;
                }
            }
            for (ObjectNode below : below(field.getValue())) {
                Keys inside = keys(below);
                if (inside == Keys.NESTED) {
                    return Keys.NESTED;
                }
                found = inside == Keys.UNESCAPED ? inside : found;
            }
        }
        return found;
    }

    private static void unescape(ObjectNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = object.get(key);
            for (ObjectNode below : below(value)) {
                unescape(below);
            }
            if (key.indexOf('.') >= 0 && ESCAPED.matcher(key).matches()) {
                object.remove(key);
                object.set(ANY_ESCAPE.matcher(key).replaceAll("."), value);
            }
        }
    }

    /** The objects the SDK's serializer looks into under a value: it, if an object; an array's, if its first is one. */
    private static List<ObjectNode> below(JsonNode value) {
        if (value instanceof ObjectNode object) {
            return List.of(object);
        }
        if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode) {
            List<ObjectNode> objects = new ArrayList<>(array.size());
            array.forEach(element -> objects.add((ObjectNode) element));
            return objects;
        }
        return List.of();
    }

    private static RawValue json(JsonNode card) {
        try {
            return new RawValue(Serialization.toString(card));
        } catch (JsonProcessingException e) { // a tree always writes
            throw new IllegalStateException("could not write an Adaptive Card", e);
        }
    }
}
