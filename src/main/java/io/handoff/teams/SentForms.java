package io.handoff.teams;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The last card of each form sent to a person, in {@code handoff:{tenant}:teams-form:<person>:<form>} for a week, so
 * a submission the core refuses ({@code Reply.FormErrors}) can be answered with the same card and its errors.
 */
final class SentForms {
    private static final long KEEP_SECONDS = 7 * 24 * 3600;

    private final UnifiedJedis redis;

    SentForms(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant, PersonId person, String formId) {
        return "handoff:{" + tenant.value() + "}:teams-form:" + person.value() + ":"
                + formId.replaceAll("[^A-Za-z0-9._@+-]", "_");
    }

    void save(TenantId tenant, PersonId person, String formId, ObjectNode card) {
        redis.set(key(tenant, person, formId), card.toString(), SetParams.setParams().ex(KEEP_SECONDS));
    }

    Optional<ObjectNode> find(TenantId tenant, PersonId person, String formId) {
        String json = redis.get(key(tenant, person, formId));
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode card = Serialization.jsonToTree(json);
            return card instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
