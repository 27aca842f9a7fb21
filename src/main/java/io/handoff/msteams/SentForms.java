package io.handoff.msteams;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * The last card of each form sent to a person, in the hash {@code handoff:{tenant}:teams-forms:<person>} (form id →
 * card JSON, kept a week after the last form), so a submission the core refuses ({@code Reply.FormErrors}) can be
 * answered with the same card and its errors.
 */
final class SentForms {
    private static final long KEEP_SECONDS = 7 * 24 * 3600;

    private final UnifiedJedis redis;

    SentForms(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "teams-forms:" + person.value());
    }

    void save(TenantId tenant, PersonId person, String formId, ObjectNode card) {
        String key = key(tenant, person);
        redis.hset(key, formId, card.toString());
        redis.expire(key, KEEP_SECONDS);
    }

    void forget(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }

    Optional<ObjectNode> find(TenantId tenant, PersonId person, String formId) {
        String json = redis.hget(key(tenant, person), formId);
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
