package io.handoff.msteams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the Teams adapter keeps about a person, for {@code my-data} and {@code forget-me}: their personal conversation
 * reference and Teams user id, the form cards sent to them, the platform they used last, who waits for them to
 * install the app, the out-of-office answer last read from their Teams presence, and the files sent to them as links.
 */
final class MsTeamsPersonalData implements PersonalData {
    private final UnifiedJedis redis;
    private final ConversationReferences references;

    MsTeamsPersonalData(UnifiedJedis redis, ConversationReferences references) {
        this.redis = redis;
        this.references = references;
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        references.find(tenant, person).ifPresent(reference -> {
            lines.add("Your personal chat with Handoff in Microsoft Teams (conversation "
                    + reference.getConversation().getId() + "), kept so Handoff can message you there.");
            data.put("teamsConversation", Map.of("conversationId", reference.getConversation().getId(),
                    "serviceUrl", reference.getServiceUrl()));
        });
        String teamsUser = redis.get(MsTeamsAddresses.userIdKey(tenant, person));
        if (teamsUser != null) {
            lines.add("Your Teams user id (" + teamsUser + "), kept so Handoff can start a personal chat with you.");
            data.put("teamsUserId", teamsUser);
        }
        String noChat = redis.get(MsTeamsAddresses.noChatKey(tenant, person));
        if (noChat != null) {
            lines.add("Teams recently refused to start a chat with you (the app is not installed for you); "
                    + "Handoff will not try again for a few days.");
            data.put("teamsChatRefused", true);
        }
        long forms = redis.hlen(SentForms.key(tenant, person));
        if (forms > 0) {
            lines.add(forms + " form(s) recently sent to you in Teams, kept for a week.");
            data.put("teamsForms", forms);
        }
        Map<String, String> waiting = redis.hgetAll(MsTeamsNotifications.unreachableKey(tenant, person));
        if (!waiting.isEmpty()) {
            lines.add("Colleagues who named you before you used Handoff: " + String.join(", ", waiting.keySet()) + ".");
            data.put("namedBeforeYouJoined", List.copyOf(waiting.keySet()));
        }
        String away = redis.get(MsTeamsAvailability.cacheKey(tenant, person));
        if (away != null) {
            lines.add("Whether your Teams presence said out of office when Handoff last looked (" + away
                    + "), kept 5 minutes so Handoff does not ask Teams for every message.");
            data.put("teamsPresence", away);
        }
        long files = MsTeamsFiles.countOf(redis, tenant, person);
        if (files > 0) {
            lines.add(files + " file link(s) recently sent to you in Teams (maps, exports), kept 24 hours.");
            data.put("teamsFileLinks", files);
        }
        return lines.isEmpty() ? List.of() : List.of(new DataSection("Microsoft Teams", lines, data));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        long deleted = redis.del(ConversationReferences.key(tenant, person), SentForms.key(tenant, person),
                MsTeamsNotifications.unreachableKey(tenant, person), MsTeamsAvailability.cacheKey(tenant, person),
                MsTeamsAddresses.userIdKey(tenant, person), MsTeamsAddresses.noChatKey(tenant, person));
        boolean files = MsTeamsFiles.forget(redis, tenant, person);
        List<String> erased = new ArrayList<>();
        if (deleted > 0) {
            erased.add("your Microsoft Teams conversation and settings");
        }
        if (files) {
            erased.add("the files Handoff sent you in Teams as links");
        }
        return erased;
    }
}
