package io.handoff.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bearer token of the admin API: HANDOFF_ADMIN_TOKEN, or a random one for this run when that is not set. */
public final class AdminToken {
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final int MIN_LENGTH = 16;

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminToken fromConfiguration(String configured) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("HANDOFF_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters");
            }
            return new AdminToken(configured.strip());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        log.warn("HANDOFF_ADMIN_TOKEN is not set: the admin API and the actuator accept this token until the next restart: {}", generated);
        return new AdminToken(generated);
    }

    /** Compares in constant time, so response timing does not leak the token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
