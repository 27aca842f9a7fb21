package io.handoff.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the admin API: HANDOFF_ADMIN_TOKEN, or, when that is not set, a random one (kept in the data folder
 * of a local run with the embedded Redis).
 */
public final class AdminToken {
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final int MIN_LENGTH = 16;

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** HANDOFF_ADMIN_TOKEN, or a token generated for this run (printed, kept nowhere). */
    public static AdminToken fromConfiguration(String configured) {
        return fromConfiguration(configured, Optional.empty());
    }

    /**
     * HANDOFF_ADMIN_TOKEN; when it is not set, the token kept in {@code tokenFile} (the local data folder) or a new
     * one written there, readable only by its owner, so a local run keeps its token across restarts. The token is
     * printed on a line of its own, to copy into {@code curl}.
     */
    public static AdminToken fromConfiguration(String configured, Optional<Path> tokenFile) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("HANDOFF_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters");
            }
            return new AdminToken(configured.strip());
        }
        Optional<String> kept = tokenFile.flatMap(AdminToken::read);
        String token = kept.orElseGet(AdminToken::generate);
        Optional<Path> written = kept.isPresent() ? tokenFile : tokenFile.filter(file -> write(file, token));
        log.warn("HANDOFF_ADMIN_TOKEN is not set: the admin API and the actuator accept this token{}:\n{}",
                written.map(file -> " (kept in " + file + ")").orElse(" until the next restart"), token);
        return new AdminToken(token);
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Optional<String> read(Path file) {
        try {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            return kept.length() >= MIN_LENGTH && kept.chars().noneMatch(Character::isWhitespace)
                    ? Optional.of(kept) : Optional.empty();
        } catch (IOException | RuntimeException notThere) {
            return Optional.empty();
        }
    }

    private static boolean write(Path file, String token) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            log.warn("Could not keep the admin token in {}: {}", file, e.getMessage());
            return false;
        }
    }

    /** Compares in constant time, so response timing does not leak the token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
