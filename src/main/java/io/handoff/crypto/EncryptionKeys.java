package io.handoff.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@link SecretBox} keys come from. HANDOFF_ENCRYPTION_KEY (and HANDOFF_ENCRYPTION_KEY_PREVIOUS) when set.
 * Without it, a feature that needs a key ({@link #required}) gets one only on the local default, the embedded Redis:
 * a development key generated once into the data folder next to the Redis files; against a shared Redis (REDIS_URL)
 * it refuses with {@link MissingEncryptionKeyException}.
 */
public final class EncryptionKeys {
    public static final String VARIABLE = "HANDOFF_ENCRYPTION_KEY";
    static final String DEVELOPMENT_KEY_FILE = "encryption.key";
    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    private final Optional<SecretBox> configured;
    private final boolean embeddedRedis;
    private final Path dataDir;

    /** Checks the configured keys at once, so a malformed key stops the start whichever feature uses it. */
    public EncryptionKeys(EncryptionProperties properties, boolean embeddedRedis, Path dataDir) {
        this.embeddedRedis = embeddedRedis;
        this.dataDir = dataDir;
        if (EncryptionProperties.present(properties.key())) {
            List<EncryptionKey> previous = new ArrayList<>();
            if (EncryptionProperties.present(properties.previousKey())) {
                previous.add(EncryptionKey.fromBase64(VARIABLE + "_PREVIOUS", properties.previousKey()));
            }
            SecretBox box = new SecretBox(EncryptionKey.fromBase64(VARIABLE, properties.key()), previous);
            log.info("Secrets in Redis are sealed with key id {}{}", box.currentKeyId(),
                    previous.isEmpty() ? "" : " (also opening key id " + previous.get(0).id() + ")");
            this.configured = Optional.of(box);
        } else {
            if (EncryptionProperties.present(properties.previousKey())) {
                throw new IllegalStateException(VARIABLE + "_PREVIOUS is set without " + VARIABLE + ": "
                        + MissingEncryptionKeyException.action());
            }
            this.configured = Optional.empty();
        }
    }

    /** The box of HANDOFF_ENCRYPTION_KEY, when it is set. */
    public Optional<SecretBox> configured() {
        return configured;
    }

    /**
     * The box a feature that stores secrets must use: the configured one, else (embedded Redis only) the development
     * key in the data folder.
     *
     * @param feature what needs it, as a person configuring Handoff knows it, e.g. "Slack OAuth (SLACK_CLIENT_ID…)"
     * @throws MissingEncryptionKeyException against a shared Redis without HANDOFF_ENCRYPTION_KEY
     */
    public SecretBox required(String feature) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (!embeddedRedis) {
            throw new MissingEncryptionKeyException(feature);
        }
        SecretBox box = new SecretBox(developmentKey(), List.of());
        log.warn("{} is not set: {} seals its secrets in the embedded Redis with a development key (id {}) kept in {}. "
                + "Set {} (`openssl rand -base64 32`) before using a shared Redis.", VARIABLE, feature,
                box.currentKeyId(), dataDir.resolve(DEVELOPMENT_KEY_FILE), VARIABLE);
        return box;
    }

    private EncryptionKey developmentKey() {
        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                EncryptionKey fresh = EncryptionKey.generate();
                try {
                    createOwnerOnly(file);
                    Files.writeString(file, fresh.base64() + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    return fresh;
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // read theirs below
                }
            }
            return EncryptionKey.fromBase64(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development encryption key in " + file + "; set "
                    + VARIABLE, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }
}
