package io.handoff.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Do a side effect at most once across retries and replicas: {@link #claim} sets the caller's key with SET NX and an
 * expiry, only the caller that got the claim does the work (posts, opens, imports), and a failed attempt
 * {@link #release releases} the claim so a later retry may claim it again. A claim holds a value the caller chooses
 * (a marker such as {@code "opening"}, a random token, a channel id); the caller may later {@link #settle} it to the
 * result (the channel it opened), and others read it with {@link #holder}. Releasing deletes the key only while it
 * still holds the value it was claimed or settled with, so a newer claim of the same work (after this one expired) is
 * left alone. The caller passes the full key, so the claim lives in the caller's tenant slot and key family.
 */
public final class ClaimOnce {
    private static final LuaScript RELEASE = new LuaScript("release-claim", """
            -- Releases a claim only while it is still the caller's (a newer claim of the same work is left alone).
            -- KEYS: 1 the claim; ARGV: 1 the value the caller holds it with. Returns 1 when released, else 0.
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final UnifiedJedis redis;

    public ClaimOnce(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    /** A claim held by the caller: the key and the value it holds. */
    public record Claim(String key, String value) {
        public Claim {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        }
    }

    /**
     * Claims {@code key} with {@code value} for {@code keep} (milliseconds precision); empty when the key is held
     * already (the work was done or is being done).
     */
    public Optional<Claim> claim(String key, String value, Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("a claim must be kept for a positive duration, not " + keep);
        }
        SetParams params = keep.toMillis() % 1000 == 0
                ? SetParams.setParams().nx().ex(keep.toSeconds())
                : SetParams.setParams().nx().px(keep.toMillis());
        return "OK".equals(redis.set(key, value, params)) ? Optional.of(new Claim(key, value)) : Optional.empty();
    }

    /** What the claim of {@code key} holds now; empty when nobody holds it. */
    public Optional<String> holder(String key) {
        return Optional.ofNullable(redis.get(key));
    }

    /**
     * The work succeeded: the claim keeps its expiry and now holds {@code result} (for readers of {@link #holder});
     * empty when the claim was gone meanwhile (nothing is written then).
     */
    public Optional<Claim> settle(Claim claim, String result) {
        return "OK".equals(redis.set(claim.key(), result, SetParams.setParams().xx().keepTtl()))
                ? Optional.of(new Claim(claim.key(), result)) : Optional.empty();
    }

    /** Keeps a long piece of work claimed for another {@code keep} from now. */
    public void renew(Claim claim, Duration keep) {
        redis.pexpire(claim.key(), keep.toMillis());
    }

    /** The work failed: a retry may claim it again. True when the claim was still the caller's and is gone now. */
    public boolean release(Claim claim) {
        return Long.valueOf(1).equals(RELEASE.run(redis, List.of(claim.key()), List.of(claim.value())));
    }

    /** Forgets the claim of {@code key} whoever holds it (the work's subject is gone; a later one starts afresh). */
    public void forget(String key) {
        redis.del(key);
    }
}
