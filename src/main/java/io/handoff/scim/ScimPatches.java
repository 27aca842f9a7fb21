package io.handoff.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;

/**
 * PATCH requests as Microsoft Entra ID and Okta send them, turned into the SDK's {@link PatchRequest}:
 * <ul>
 *   <li>{@code "op"} in any case ({@code "Replace"}, Entra);</li>
 *   <li>a replace or add without a path whose value is an object ({@code {"op":"replace","value":{"active":false}}},
 *       Okta's deactivation and group rename; Entra's multi-attribute replace, also with dotted or URN keys) becomes
 *       one operation per attribute;</li>
 *   <li>a remove of {@code members} with a value list (Entra) removes just those members
 *       ({@code members[value eq "…"]}), never every member;</li>
 *   <li>the enterprise {@code manager} given as a bare id string (Entra) becomes {@code {"value": id}};</li>
 *   <li>after applying, {@code active} as the string {@code "True"}/{@code "False"} (Entra) becomes a boolean.</li>
 * </ul>
 */
final class ScimPatches {
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_OPERATIONS = 1000;
    private static final Set<String> READ_ONLY = Set.of("id", "schemas", "meta");

    private ScimPatches() {
    }

    static PatchRequest read(ObjectNode body) throws ScimException {
        JsonNode operations = field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw BadRequestException.invalidSyntax("a PATCH needs a non-empty 'Operations' list");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw BadRequestException.tooMany("a PATCH may hold at most " + MAX_OPERATIONS + " operations");
        }
        List<PatchOperation> result = new ArrayList<>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw BadRequestException.invalidSyntax("each PATCH operation is an object");
            }
            PatchOpType type = type(field(operation, "op"));
            JsonNode pathNode = field(operation, "path");
            JsonNode value = field(operation, "value");
            String path = pathNode == null || pathNode.isNull() ? null : pathNode.asText().strip();
            if (path == null || path.isEmpty()) {
                if (type == PatchOpType.REMOVE) {
                    throw new BadRequestException("a remove needs a path", BadRequestException.NO_TARGET);
                }
                if (value == null || !value.isObject()) {
                    throw BadRequestException.invalidValue("an operation without a path needs an object value");
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    if (!READ_ONLY.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                        result.add(operation(type, entry.getKey(), entry.getValue()));
                    }
                }
            } else if (type == PatchOpType.REMOVE && path.equalsIgnoreCase("members") && value != null
                    && value.isArray() && !value.isEmpty()) {
                for (JsonNode member : value) {
                    JsonNode id = member.isObject() ? field(member, "value") : member;
                    if (id == null || !id.isTextual()) {
                        throw BadRequestException.invalidValue("each member to remove needs a 'value'");
                    }
                    result.add(PatchOperation.remove(Path.fromString(
                            "members[value eq " + TextNode.valueOf(id.asText()) + "]")));
                }
            } else {
                result.add(operation(type, path, value));
            }
        }
        return new PatchRequest(result);
    }

    /** Applies the request to the resource and fixes Entra's string booleans. */
    static ObjectNode apply(PatchRequest request, ObjectNode resource) throws ScimException {
        GenericScimResource generic = new GenericScimResource(resource);
        request.apply(generic);
        ObjectNode patched = generic.getObjectNode();
        JsonNode active = patched.get("active");
        if (active != null && active.isTextual()) {
            String text = active.asText().strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                patched.put("active", Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
            } else {
                throw BadRequestException.invalidValue("'active' must be true or false");
            }
        }
        return patched;
    }

    private static PatchOperation operation(PatchOpType type, String path, JsonNode value) throws ScimException {
        if (type != PatchOpType.REMOVE && value == null) {
            throw BadRequestException.invalidValue("the " + type.getStringValue() + " of '" + path + "' has no value");
        }
        JsonNode fixed = value;
        if (value != null && value.isTextual() && isManager(path)) {
            fixed = JsonNodeFactory.instance.objectNode().put("value", value.asText());
        }
        return PatchOperation.create(type, Path.fromString(path), fixed);
    }

    private static boolean isManager(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("manager") || lower.endsWith(":manager");
    }

    private static PatchOpType type(JsonNode op) throws ScimException {
        String name = op == null ? "" : op.asText().strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "add" -> PatchOpType.ADD;
            case "replace" -> PatchOpType.REPLACE;
            case "remove" -> PatchOpType.REMOVE;
            default -> throw BadRequestException.invalidSyntax("'op' must be add, replace or remove");
        };
    }

    /** A field by name, ignoring case (SCIM attribute names are case-insensitive). */
    static JsonNode field(JsonNode node, String name) {
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return node.get(candidate);
            }
        }
        return null;
    }
}
