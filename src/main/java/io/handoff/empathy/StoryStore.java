package io.handoff.empathy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Stories in Redis. Keys (all in the tenant's hash slot):
 * <ul>
 *   <li>{@code handoff:{t}:story:<id>} hash: up, teller, what, text, shapes, anon, share, status (draft|sent),
 *       created, sent, r:&lt;reaction&gt; → epoch, talk (how "Let's talk" last brought the two together: chat:slack,
 *       links:teams or notes; opening while a chat opens in the background), sh:state / sh:date / sh:by / sh:at (shadowing), revealed, v
 *       (version for compare-and-set). Drafts expire after {@link #DRAFT_TTL}. Ids are random, never derived from
 *       a person, so an anonymous story's buttons carry nothing that names its teller.</li>
 *   <li>{@code handoff:{t}:stories:teller:<person>} set of the ids of a person's stories</li>
 *   <li>{@code handoff:{t}:stories:received:<person>} set of the ids of stories sent to a person</li>
 *   <li>{@code handoff:{t}:stories:told} hash {@code <up>><down>} → number of stories sent about that handoff</li>
 *   <li>{@code handoff:{t}:stories:prompted:<person>} hash upstream → epoch of the last story prompt about it</li>
 * </ul>
 */
public final class StoryStore {
    public static final Duration DRAFT_TTL = Duration.ofDays(7);
    private static final LuaScript SAVE = LuaScript.load(StoryStore.class, "save-draft.lua");
    private static final LuaScript SEND = LuaScript.load(StoryStore.class, "send.lua");
    private static final LuaScript DISCARD = LuaScript.load(StoryStore.class, "discard.lua");
    private static final LuaScript UPDATE = LuaScript.load(StoryStore.class, "update.lua");
    private static final LuaScript RELAY = LuaScript.load(StoryStore.class, "relay.lua");
    private static final LuaScript FORGET = LuaScript.load(StoryStore.class, "forget-teller.lua");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;

    public StoryStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    private static String prefix(TenantId tenant) {
        return TenantKeys.prefix(tenant);
    }

    static String storyKey(TenantId tenant, String id) {
        return prefix(tenant) + "story:" + id;
    }

    private static String tellerKey(TenantId tenant, PersonId person) {
        return prefix(tenant) + "stories:teller:" + person.value();
    }

    private static String receivedKey(TenantId tenant, PersonId person) {
        return prefix(tenant) + "stories:received:" + person.value();
    }

    private static String toldKey(TenantId tenant) {
        return prefix(tenant) + "stories:told";
    }

    private static String promptedKey(TenantId tenant, PersonId person) {
        return prefix(tenant) + "stories:prompted:" + person.value();
    }

    /** A fresh random story id (16 characters, 80 bits). */
    public static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Story ids as they come back in button values: checked before they get near a key. */
    public static boolean validId(String id) {
        return id != null && id.matches("[a-z2-9]{16}");
    }

    /** Creates or rewrites a draft; false when the story was already sent. */
    public boolean saveDraft(TenantId tenant, Story story) {
        if (story.sent()) {
            throw new IllegalArgumentException("only drafts are saved this way");
        }
        List<String> args = new ArrayList<>(List.of(story.id(), Long.toString(DRAFT_TTL.toSeconds()),
                "up", story.upstream().value(), "teller", story.teller().value(), "what", story.what(),
                "text", story.text(), "shapes", story.shapesDay() == null ? "" : story.shapesDay().toString(),
                "anon", story.anonymous() ? "1" : "0", "share", story.shareWithTeam() ? "1" : "0",
                "created", Long.toString(story.createdAt().getEpochSecond())));
        return Long.valueOf(1).equals(SAVE.run(redis,
                List.of(storyKey(tenant, story.id()), tellerKey(tenant, story.teller())), args));
    }

    /**
     * A story id derived from {@code seed} (SHA-256, in the id alphabet), so a relay retried with the same seed lands
     * on the same story. The seed must hold a random secret (a draft's random id) so the id cannot be guessed.
     */
    public static String derivedId(String seed) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[(hash[i] & 0xff) % ALPHABET.length];
        }
        return new String(id);
    }

    /**
     * Stores a voice or walk as sent, in the teller's and the upstream's sets, unless a story with its id exists
     * (so a retried relay stores nothing twice). It is not counted as a story told about the handoff. True when new.
     */
    public boolean saveRelayed(TenantId tenant, Story story) {
        if (!story.sent() || story.kind() == Story.Kind.STORY) {
            throw new IllegalArgumentException("only sent voices and walks are relayed this way");
        }
        List<String> args = new ArrayList<>(List.of(story.id(),
                "up", story.upstream().value(), "teller", story.teller().value(), "what", story.what(),
                "text", story.text(), "anon", story.anonymous() ? "1" : "0", "share", "0", "status", "sent",
                "created", Long.toString(story.createdAt().getEpochSecond()),
                "sent", Long.toString(story.sentAt().getEpochSecond()),
                "kind", story.kind().name(), "moment", story.moment(), "v", "1"));
        Shadowing s = story.shadowing();
        if (s != null) {
            args.addAll(List.of("sh:state", s.state().name(), "sh:at", Long.toString(s.updatedAt().getEpochSecond())));
        }
        story.reactions().forEach((reaction, at) -> args.addAll(List.of("r:" + reaction.code(),
                Long.toString(at.getEpochSecond()))));
        return Long.valueOf(1).equals(RELAY.run(redis, List.of(storyKey(tenant, story.id()),
                tellerKey(tenant, story.teller()), receivedKey(tenant, story.upstream())), args));
    }

    public Optional<Story> story(TenantId tenant, String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        Map<String, String> fields = redis.hgetAll(storyKey(tenant, id));
        return fields.isEmpty() ? Optional.empty() : Optional.of(decode(id, fields));
    }

    /** Marks the draft sent; false when it was not a draft any more (already sent, discarded or expired). */
    public boolean markSent(TenantId tenant, Story draft, Instant now) {
        return Long.valueOf(1).equals(SEND.run(redis, List.of(storyKey(tenant, draft.id()), toldKey(tenant),
                        receivedKey(tenant, draft.upstream())),
                List.of(draft.id(), Long.toString(now.getEpochSecond()), draft.edge())));
    }

    public boolean discard(TenantId tenant, Story draft) {
        return Long.valueOf(1).equals(DISCARD.run(redis,
                List.of(storyKey(tenant, draft.id()), tellerKey(tenant, draft.teller())), List.of(draft.id())));
    }

    /** Records a reaction once; false when the upstream had already given this one. */
    public boolean react(TenantId tenant, String id, Reaction reaction, Instant now) {
        return redis.hsetnx(storyKey(tenant, id), "r:" + reaction.code(), Long.toString(now.getEpochSecond())) == 1;
    }

    /** The story's {@code talk} while a group chat opens in the background (its outcome replaces it). */
    public static final String TALK_OPENING = "opening";

    /**
     * Notes how "Let's talk" brought the two together ({@code chat:slack}, {@code links:teams} or {@code notes}; or
     * {@link #TALK_OPENING} while a chat opens) in the story's field {@code talk} (the latest way). Nothing happens
     * when the story is gone.
     */
    public void talkOpened(TenantId tenant, String id, String how) {
        if (redis.exists(storyKey(tenant, id))) {
            redis.hset(storyKey(tenant, id), "talk", how);
        }
    }

    /** How "Let's talk" brought the two together, if it did. */
    public Optional<String> talk(TenantId tenant, String id) {
        return validId(id) ? Optional.ofNullable(redis.hget(storyKey(tenant, id), "talk")) : Optional.empty();
    }

    /**
     * Applies {@code change} to the story's shadowing and reveal flag and stores the result if nobody changed the
     * story meanwhile (otherwise re-reads and tries again). Returns the stored story.
     */
    public Story update(TenantId tenant, String id, UnaryOperator<Story> change) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Map<String, String> fields = redis.hgetAll(storyKey(tenant, id));
            if (fields.isEmpty()) {
                throw new IllegalStateException("story " + id + " no longer exists");
            }
            Story before = decode(id, fields);
            Story after = change.apply(before);
            List<String> args = new ArrayList<>(List.of(fields.getOrDefault("v", "0"),
                    "revealed", after.revealed() ? "1" : ""));
            Shadowing s = after.shadowing();
            args.addAll(List.of("sh:state", s == null ? "" : s.state().name(),
                    "sh:date", s == null || s.date() == null ? "" : s.date().toString(),
                    "sh:by", s == null || s.proposedBy() == null ? "" : s.proposedBy().name(),
                    "sh:at", s == null ? "" : Long.toString(s.updatedAt().getEpochSecond())));
            if (Long.valueOf(1).equals(UPDATE.run(redis, List.of(storyKey(tenant, id)), args))) {
                return after;
            }
        }
        throw new IllegalStateException("story " + id + " keeps changing; try again");
    }

    /** Every story the person told (drafts and sent), newest first. */
    public List<Story> toldBy(TenantId tenant, PersonId teller) {
        return load(tenant, redis.smembers(tellerKey(tenant, teller)));
    }

    public List<Story> receivedBy(TenantId tenant, PersonId upstream) {
        return load(tenant, redis.smembers(receivedKey(tenant, upstream)));
    }

    private List<Story> load(TenantId tenant, java.util.Collection<String> ids) {
        List<Story> stories = new ArrayList<>();
        for (String id : ids) {
            story(tenant, id).ifPresent(stories::add);
        }
        stories.sort(Comparator.comparing(Story::createdAt).reversed().thenComparing(Story::id));
        return stories;
    }

    /** How many stories were sent about each handoff ({@code up>down} → count). */
    public Map<String, Integer> told(TenantId tenant) {
        Map<String, Integer> told = new LinkedHashMap<>();
        redis.hgetAll(toldKey(tenant)).forEach((edge, count) -> told.put(edge, Integer.parseInt(count)));
        return told;
    }

    public int toldAbout(TenantId tenant, PersonId upstream, PersonId downstream) {
        String count = redis.hget(toldKey(tenant), upstream.value() + ">" + downstream.value());
        return count == null ? 0 : Integer.parseInt(count);
    }

    public void prompted(TenantId tenant, PersonId teller, PersonId upstream, Instant now) {
        redis.hset(promptedKey(tenant, teller), upstream.value(), Long.toString(now.getEpochSecond()));
    }

    /** Upstream → when the person was last prompted for a story about it. */
    public Map<PersonId, Instant> lastPrompted(TenantId tenant, PersonId teller) {
        Map<PersonId, Instant> prompted = new LinkedHashMap<>();
        redis.hgetAll(promptedKey(tenant, teller)).forEach((up, at) ->
                prompted.put(PersonId.of(up), Instant.ofEpochSecond(Long.parseLong(at))));
        return prompted;
    }

    /**
     * Retention: deletes every sent story sent before {@code cutoff} (with its reactions) and its ids in the teller's
     * and the upstream's sets; counts per handoff stay (they name nobody). Drafts expire on their own. Returns how
     * many stories went.
     */
    public int expireSentBefore(TenantId tenant, Instant cutoff) {
        String storyPrefix = prefix(tenant) + "story:";
        ScanParams params = new ScanParams().match(storyPrefix + "*").count(500);
        List<String> ids = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            page.getResult().forEach(key -> ids.add(key.substring(storyPrefix.length())));
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        int removed = 0;
        for (String id : ids) {
            List<String> f = redis.hmget(storyKey(tenant, id), "status", "sent", "up", "teller");
            if (!"sent".equals(f.get(0)) || f.get(1) == null
                    || !Instant.ofEpochSecond(Long.parseLong(f.get(1))).isBefore(cutoff)) {
                continue;
            }
            try (AbstractPipeline pipeline = redis.pipelined()) {
                pipeline.del(storyKey(tenant, id));
                pipeline.srem(tellerKey(tenant, PersonId.of(f.get(3))), id);
                pipeline.srem(receivedKey(tenant, PersonId.of(f.get(2))), id);
                pipeline.sync();
            }
            removed++;
        }
        return removed;
    }

    /**
     * Forgets a person: deletes every story they told (the upstreams' copies in chat are beyond reach), their
     * prompt history, and their reactions and shadowing answers on stories told to them. Counts of stories per
     * handoff stay (they name nobody). Returns how many stories were deleted.
     */
    public int forget(TenantId tenant, PersonId person) {
        int removed = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            List<Story> told = toldBy(tenant, person);
            List<String> ids = new ArrayList<>(redis.smembers(tellerKey(tenant, person)));
            if (ids.isEmpty()) {
                break;
            }
            Map<String, PersonId> upstreams = new LinkedHashMap<>();
            told.forEach(s -> upstreams.put(s.id(), s.upstream()));
            List<String> keys = new ArrayList<>();
            keys.add(tellerKey(tenant, person));
            for (String id : ids) {
                keys.add(storyKey(tenant, id));
                // a story that expired as a draft has no upstream any more: point at the teller's own received set
                keys.add(receivedKey(tenant, upstreams.getOrDefault(id, person)));
            }
            removed += ((Long) FORGET.run(redis, keys, ids)).intValue();
        }
        for (Story received : receivedBy(tenant, person)) {
            List<String> fields = new ArrayList<>();
            for (Reaction reaction : Reaction.values()) {
                fields.add("r:" + reaction.code());
            }
            fields.addAll(List.of("sh:state", "sh:date", "sh:by", "sh:at", "talk"));
            redis.hdel(storyKey(tenant, received.id()), fields.toArray(String[]::new));
        }
        redis.del(receivedKey(tenant, person), promptedKey(tenant, person));
        return removed;
    }

    private static Story decode(String id, Map<String, String> f) {
        EnumMap<Reaction, Instant> reactions = new EnumMap<>(Reaction.class);
        for (Reaction reaction : Reaction.values()) {
            String at = f.get("r:" + reaction.code());
            if (at != null) {
                reactions.put(reaction, Instant.ofEpochSecond(Long.parseLong(at)));
            }
        }
        Shadowing shadowing = null;
        if (f.containsKey("sh:state")) {
            shadowing = new Shadowing(Shadowing.State.valueOf(f.get("sh:state")),
                    f.containsKey("sh:date") ? LocalDate.parse(f.get("sh:date")) : null,
                    f.containsKey("sh:by") ? Side.valueOf(f.get("sh:by")) : null,
                    Instant.ofEpochSecond(Long.parseLong(f.get("sh:at"))));
        }
        String shapes = f.getOrDefault("shapes", "");
        return new Story(id, PersonId.of(f.get("up")), PersonId.of(f.get("teller")), f.get("what"), f.get("text"),
                shapes.isEmpty() ? null : Integer.valueOf(shapes), "1".equals(f.get("anon")),
                "1".equals(f.get("share")),
                "sent".equals(f.get("status")) ? Story.Status.SENT : Story.Status.DRAFT,
                Instant.ofEpochSecond(Long.parseLong(f.get("created"))),
                f.containsKey("sent") ? Instant.ofEpochSecond(Long.parseLong(f.get("sent"))) : null,
                reactions, shadowing, "1".equals(f.get("revealed")),
                f.containsKey("kind") ? Story.Kind.valueOf(f.get("kind")) : Story.Kind.STORY, f.get("moment"));
    }
}
