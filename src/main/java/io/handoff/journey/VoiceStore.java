package io.handoff.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.empathy.StoryStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Customer voices in Redis (keys in {@link JourneyKeys}): {@code voice:<id>} hash (sender, journey, touchpoint,
 * moment, words, anon, status draft|sent, created, sent, to), drafts expiring after {@link #DRAFT_TTL};
 * {@code voices-of:<person>} the ids of a sender's voices. Ids are random (the stories' alphabet), so a button value
 * names nobody.
 */
final class VoiceStore {
    static final Duration DRAFT_TTL = Duration.ofDays(7);
    private static final LuaScript SAVE = LuaScript.load(VoiceStore.class, "voice-save.lua");
    private static final LuaScript SENT = LuaScript.load(VoiceStore.class, "voice-sent.lua");
    private static final LuaScript DISCARD = LuaScript.load(VoiceStore.class, "voice-discard.lua");
    private static final LuaScript FORGET = LuaScript.load(VoiceStore.class, "voices-forget.lua");

    private final UnifiedJedis redis;

    VoiceStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    static String newId() {
        return StoryStore.newId();
    }

    /** Creates or rewrites the sender's draft; false when it was already sent or is someone else's. */
    boolean saveDraft(TenantId tenant, CustomerVoice voice) {
        List<String> args = List.of(voice.id(), Long.toString(DRAFT_TTL.toSeconds()), voice.sender().value(),
                "journey", voice.journey().value(), "touchpoint", voice.touchpoint().value(), "moment", voice.moment(),
                "words", voice.words(), "anon", voice.anonymous() ? "1" : "0",
                "created", Long.toString(voice.createdAt().getEpochSecond()));
        return Long.valueOf(1).equals(SAVE.run(redis, List.of(JourneyKeys.voice(tenant, voice.id()),
                JourneyKeys.voicesOf(tenant, voice.sender())), args));
    }

    Optional<CustomerVoice> voice(TenantId tenant, String id) {
        if (!StoryStore.validId(id)) {
            return Optional.empty();
        }
        Map<String, String> f = redis.hgetAll(JourneyKeys.voice(tenant, id));
        return f.isEmpty() ? Optional.empty() : Optional.of(decode(id, f));
    }

    /** Marks the draft sent to {@code to}; false when it was not a draft any more. */
    boolean markSent(TenantId tenant, CustomerVoice draft, List<PersonId> to, Instant now) {
        return Long.valueOf(1).equals(SENT.run(redis, List.of(JourneyKeys.voice(tenant, draft.id())),
                List.of(Long.toString(now.getEpochSecond()), String.join(",", to.stream().map(PersonId::value)
                        .toList()))));
    }

    boolean discard(TenantId tenant, CustomerVoice draft) {
        return Long.valueOf(1).equals(DISCARD.run(redis, List.of(JourneyKeys.voice(tenant, draft.id()),
                JourneyKeys.voicesOf(tenant, draft.sender())), List.of(draft.id())));
    }

    /** Every voice the person passed on (drafts too), newest first. */
    List<CustomerVoice> of(TenantId tenant, PersonId sender) {
        List<CustomerVoice> voices = new ArrayList<>();
        for (String id : redis.smembers(JourneyKeys.voicesOf(tenant, sender))) {
            voice(tenant, id).ifPresent(voices::add);
        }
        voices.sort(Comparator.comparing(CustomerVoice::createdAt).reversed().thenComparing(CustomerVoice::id));
        return voices;
    }

    /** Deletes every voice the person passed on; how many there were. */
    int forget(TenantId tenant, PersonId sender) {
        List<String> keys = new ArrayList<>();
        keys.add(JourneyKeys.voicesOf(tenant, sender));
        redis.smembers(JourneyKeys.voicesOf(tenant, sender)).stream().filter(StoryStore::validId)
                .forEach(id -> keys.add(JourneyKeys.voice(tenant, id)));
        return ((Long) FORGET.run(redis, keys, List.of())).intValue();
    }

    private static CustomerVoice decode(String id, Map<String, String> f) {
        boolean sent = "sent".equals(f.get("status"));
        String to = f.getOrDefault("to", "");
        return new CustomerVoice(id, PersonId.of(f.get("sender")), JourneyId.of(f.get("journey")),
                TouchpointId.of(f.get("touchpoint")), f.get("moment"), f.get("words"), "1".equals(f.get("anon")),
                sent, Instant.ofEpochSecond(Long.parseLong(f.get("created"))),
                sent ? Instant.ofEpochSecond(Long.parseLong(f.get("sent"))) : null,
                to.isEmpty() ? List.of() : Arrays.stream(to.split(",")).map(PersonId::of).toList());
    }
}
