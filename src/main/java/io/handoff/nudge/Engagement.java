package io.handoff.nudge;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts the prompts (polls, story prompts, reminders) a person left unanswered, so Handoff stops talking to people
 * who do not answer: after {@value #ASK_AFTER} unanswered prompts it asks once whether to pause, and if that too goes
 * unanswered it leaves the person alone until they answer something. Any answer starts the count again.
 * Keys: {@code handoff:{t}:engagement:<person>} hash {@code unanswered} → count, {@code pause-asked} → epoch
 * seconds; {@code handoff:{t}:cadence:<person>} hash kind → when the person last got that kind of prompt (epoch
 * seconds or a period id), so calendar cadences know what is due.
 */
public final class Engagement {
    public static final int ASK_AFTER = 3;

    /** What to do before sending a person another prompt. */
    public enum Next { PROMPT, ASK_WHETHER_TO_PAUSE, LEAVE_ALONE }

    private final UnifiedJedis redis;

    public Engagement(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "engagement:" + person.value());
    }

    public Next next(TenantId tenant, PersonId person) {
        Map<String, String> state = redis.hgetAll(key(tenant, person));
        if (state.containsKey("pause-asked")) {
            return Next.LEAVE_ALONE;
        }
        int unanswered = Integer.parseInt(state.getOrDefault("unanswered", "0"));
        return unanswered >= ASK_AFTER ? Next.ASK_WHETHER_TO_PAUSE : Next.PROMPT;
    }

    /** A prompt went out; returns how many are now unanswered. */
    public long prompted(TenantId tenant, PersonId person) {
        return redis.hincrBy(key(tenant, person), "unanswered", 1);
    }

    public void pauseAsked(TenantId tenant, PersonId person, Instant now) {
        redis.hset(key(tenant, person), "pause-asked", Long.toString(now.getEpochSecond()));
    }

    /** The person answered something: the count starts again. */
    public void answered(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }

    public int unanswered(TenantId tenant, PersonId person) {
        String value = redis.hget(key(tenant, person), "unanswered");
        return value == null ? 0 : Integer.parseInt(value);
    }

    static String cadenceKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "cadence:" + person.value());
    }

    /** When the person last got a kind of prompt ({@code story-at} → epoch seconds, {@code poll} → period id). */
    public java.util.Optional<String> last(TenantId tenant, PersonId person, String kind) {
        return java.util.Optional.ofNullable(redis.hget(cadenceKey(tenant, person), kind));
    }

    public void mark(TenantId tenant, PersonId person, String kind, String value) {
        redis.hset(cadenceKey(tenant, person), kind, value);
    }

    public void forget(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person), cadenceKey(tenant, person));
    }
}
