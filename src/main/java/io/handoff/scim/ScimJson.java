package io.handoff.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * JSON in and out of the SCIM endpoints through the SDK's own Jackson 2 mapper (the application's Spring MVC uses
 * Jackson 3; SCIM bodies never go through it).
 */
final class ScimJson {
    static final String MEDIA_TYPE = "application/scim+json";
    /** A SCIM request body larger than this is refused (a group PATCH of a few thousand members fits easily). */
    static final int MAX_BODY = 2 * 1024 * 1024;

    private ScimJson() {
    }

    static ObjectNode object(String body) throws ScimException {
        if (body == null || body.isBlank()) {
            throw BadRequestException.invalidSyntax("the request has no JSON body");
        }
        if (body.length() > MAX_BODY) {
            throw BadRequestException.tooMany("the request body is larger than 2 MB");
        }
        try {
            JsonNode node = JsonUtils.getObjectReader().readTree(body);
            if (node == null || !node.isObject()) {
                throw BadRequestException.invalidSyntax("the request body is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw BadRequestException.invalidSyntax("the request body is not valid JSON");
        }
    }

    static <T> T value(JsonNode node, Class<T> type) throws ScimException {
        try {
            return JsonUtils.nodeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("the " + type.getSimpleName().replace("Resource", "")
                    + " does not have the shape SCIM defines: " + firstLine(e.getMessage()));
        }
    }

    static ObjectNode tree(Object value) {
        return JsonUtils.valueToNode(value);
    }

    static String write(Object value) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SCIM response not serialisable", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
