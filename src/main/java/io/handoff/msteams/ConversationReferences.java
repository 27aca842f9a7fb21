package io.handoff.msteams;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each person's personal (1:1) Teams conversation with the bot, kept whole as JSON in
 * {@code handoff:{tenant}:teams-ref:<person>} so Handoff can message them later (proactive messages).
 */
final class ConversationReferences {
    private static final Logger log = LoggerFactory.getLogger(ConversationReferences.class);

    private final UnifiedJedis redis;

    ConversationReferences(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "teams-ref:" + person.value());
    }

    /**
     * Keeps the reference without the activity it came from: a proactive message starts afresh rather than replying
     * to an old activity, and the reference stays the same from one activity to the next, so it is written only when
     * the conversation, its service URL or the names in it change (not on every activity).
     */
    void save(TenantId tenant, PersonId person, ConversationReference reference) {
        reference.setActivityId(null);
        try {
            String json = Serialization.toString(reference);
            String key = key(tenant, person);
            if (!json.equals(redis.get(key))) {
                redis.set(key, json);
            }
        } catch (JsonProcessingException e) {
            log.warn("Could not store the conversation reference of {} in {}: {}", person, tenant, e.getMessage());
        }
    }

    Optional<ConversationReference> find(TenantId tenant, PersonId person) {
        String json = redis.get(key(tenant, person));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Unreadable conversation reference of {} in {}: {}", person, tenant, e.getMessage());
            return Optional.empty();
        }
    }

    boolean exists(TenantId tenant, PersonId person) {
        return redis.exists(key(tenant, person));
    }

    void forget(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }
}
