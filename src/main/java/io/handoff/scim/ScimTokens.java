package io.handoff.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;

/**
 * One SCIM bearer token per tenant. {@link #issue} makes a new random token (256 bits), stores only its SHA-256 and
 * answers the token once; issuing again rotates it (the old token stops working at once). {@link #matches} compares
 * the hashes in constant time.
 */
@Component
public class ScimTokens {
    static final String PREFIX = "scim_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;

    ScimTokens(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** A new token for the tenant, replacing any earlier one; only its hash is kept. */
    String issue(TenantId tenant) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        redis.set(new ScimKeys(tenant).token(), HexFormat.of().formatHex(sha256(token)));
        return token;
    }

    /** Removes the tenant's token: SCIM is closed for it until an admin issues a new one. */
    boolean revoke(TenantId tenant) {
        return redis.del(new ScimKeys(tenant).token()) > 0;
    }

    /** Whether {@code presented} is the tenant's current token (constant-time over the hashes). */
    boolean matches(TenantId tenant, String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return false;
        }
        String stored = redis.get(new ScimKeys(tenant).token());
        if (stored == null || stored.length() != 64) {
            return false;
        }
        try {
            return MessageDigest.isEqual(HexFormat.of().parseHex(stored), sha256(presented));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
