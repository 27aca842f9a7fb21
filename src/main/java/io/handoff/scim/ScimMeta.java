package io.handoff.scim;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

/** A resource's {@code meta}: type, created and last-modified times, location and a weak version. */
final class ScimMeta {
    private ScimMeta() {
    }

    static ObjectNode of(String resourceType, long createdMillis, long modifiedMillis, String version,
                         String location) {
        ObjectNode meta = JsonUtils.getJsonNodeFactory().objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", Instant.ofEpochMilli(createdMillis).toString());
        meta.put("lastModified", Instant.ofEpochMilli(modifiedMillis).toString());
        meta.put("location", location);
        meta.put("version", "W/\"" + version + "\"");
        return meta;
    }
}
