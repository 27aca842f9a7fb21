package io.handoff.msteams;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Attachment;
import io.handoff.graph.InvalidIdentifierException;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.map.MapLinks;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Files sent to Teams by address instead of inline: Teams refuses activities above about 28 KB, so a map picture
 * as a {@code data:} URI mostly fails. The bytes are kept in Redis for {@link #TTL} under
 * {@code handoff:{tenant}:file:<random id>} and served at {@code <public url>/files/<token>}, the token signed with
 * the map links' key ({@link MapLinks#signature}). Small files stay inline. A file made for a person (the recipient
 * of the message that carries it) is noted in {@code handoff:{tenant}:teams-files-of:<person>}, so forget-me
 * ({@link #forget}) erases it with the person.
 */
final class MsTeamsFiles {
    static final Duration TTL = Duration.ofHours(24);
    /** The bytes of files a message may carry inline as data: URIs (Teams refuses activities above ~28 KB). */
    static final int INLINE_BUDGET = 12 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MsTeamsFiles.class);
    private static final String PREFIX = "file";
    private static final int MAX_TOKEN = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LuaScript STORE = LuaScript.load(MsTeamsFiles.class, "store-file.lua");
    private static final LuaScript FORGET = LuaScript.load(MsTeamsFiles.class, "forget-files.lua");
    private static final int FORGET_ATTEMPTS = 5;

    private final UnifiedJedis redis;
    private final MapLinks signer;
    private final URI publicUrl;
    private final Clock clock;

    MsTeamsFiles(UnifiedJedis redis, MapLinks signer, URI publicUrl, Clock clock) {
        this.redis = redis;
        this.signer = signer;
        String base = publicUrl.toString();
        this.publicUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.clock = clock;
    }

    /**
     * The contentUrl of each file of one message: data: URIs while the files so far stay under
     * {@link #INLINE_BUDGET} bytes together (base64 grows them by a third; the card needs room too), else a signed
     * link to us. Small exports (my-data) thus stay inline and are never kept in Redis. {@code recipient} is the
     * person the message is for (empty for a team channel post): the files kept are theirs for forget-me.
     */
    Function<Attachment, String> forMessage(TenantId tenant, Optional<PersonId> recipient) {
        int[] left = {INLINE_BUDGET};
        return file -> {
            if (file.content().length < left[0]) {
                left[0] -= file.content().length;
                return "data:" + file.mediaType() + ";base64," + Base64.getEncoder().encodeToString(file.content());
            }
            return store(tenant, recipient, file).toString();
        };
    }

    /** Keeps the file for {@link #TTL}, noted as the recipient's if there is one, and answers its signed address. */
    URI store(TenantId tenant, Optional<PersonId> recipient, Attachment file) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String id = ENCODER.encodeToString(random);
        byte[] header = (file.mediaType() + "\n" + file.fileName().replaceAll("[\\r\\n\"\\\\]", "_") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOf(header, header.length + file.content().length);
        System.arraycopy(file.content(), 0, value, header.length, file.content().length);
        byte[] fileKey = key(tenant, id).getBytes(StandardCharsets.UTF_8);
        if (recipient.isPresent()) {
            STORE.runBinary(redis, List.of(fileKey, indexKey(tenant, recipient.get()).getBytes(StandardCharsets.UTF_8)),
                    List.of(id.getBytes(StandardCharsets.UTF_8),
                            Long.toString(TTL.toSeconds()).getBytes(StandardCharsets.UTF_8), value));
        } else {
            redis.setex(fileKey, TTL.toSeconds(), value);
        }
        long expires = clock.instant().plus(TTL).getEpochSecond();
        String payload = String.join("\n", PREFIX, tenant.value(), id, Long.toString(expires));
        String token = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + signer.signature(payload);
        log.debug("Stored a {} byte file for Teams in {}", file.content().length, tenant);
        return URI.create(publicUrl + "/files/" + token);
    }

    /** The file a token names (its signature and expiry checked); throws {@link InvalidFileLink} otherwise. */
    FileLink verify(String token) {
        if (token == null || token.length() > MAX_TOKEN || token.indexOf('.') < 0) {
            throw new InvalidFileLink();
        }
        int dot = token.indexOf('.');
        String payload;
        try {
            byte[] bytes = DECODER.decode(token.substring(0, dot));
            if (!ENCODER.encodeToString(bytes).equals(token.substring(0, dot))) {
                throw new InvalidFileLink();
            }
            payload = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFileLink();
        }
        if (!signer.signs(payload, token.substring(dot + 1))) {
            throw new InvalidFileLink();
        }
        String[] parts = payload.split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new InvalidFileLink();
        }
        TenantId tenant;
        Instant expires;
        try {
            tenant = TenantId.of(parts[1]);
            expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (InvalidIdentifierException | NumberFormatException | DateTimeException e) {
            throw new InvalidFileLink(); // DateTimeException: a signed expiry beyond what an Instant holds
        }
        if (!clock.instant().isBefore(expires)) {
            throw new InvalidFileLink();
        }
        return new FileLink(tenant, parts[2]);
    }

    /**
     * The file a token names, or empty when it is gone from Redis; throws {@link InvalidFileLink} for an altered,
     * foreign or expired token.
     */
    Optional<StoredFile> open(String token) {
        return open(verify(token));
    }

    /** The file a verified link names, or empty when it is gone from Redis. */
    Optional<StoredFile> open(FileLink link) {
        byte[] value = redis.get(key(link.tenant(), link.id()).getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            return Optional.empty();
        }
        int first = indexOf(value, 0);
        int second = indexOf(value, first + 1);
        return Optional.of(new StoredFile(new String(value, 0, first, StandardCharsets.UTF_8),
                new String(value, first + 1, second - first - 1, StandardCharsets.UTF_8),
                Arrays.copyOfRange(value, second + 1, value.length)));
    }

    static String key(TenantId tenant, String id) {
        return TenantKeys.key(tenant, "file:" + id);
    }

    /** The ids of the files kept for one person (set, expires with their newest file). */
    static String indexKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "teams-files-of:" + person.value());
    }

    /** How many files kept for the person are still there (for my-data). */
    static long countOf(UnifiedJedis redis, TenantId tenant, PersonId person) {
        Set<String> ids = redis.smembers(indexKey(tenant, person));
        return ids.isEmpty() ? 0 : redis.exists(ids.stream().map(id -> key(tenant, id)).toArray(String[]::new));
    }

    /**
     * Erases the files kept for the person and their index in one Lua script (forget-me); their links then answer
     * 404. Answers whether anything was erased.
     */
    static boolean forget(UnifiedJedis redis, TenantId tenant, PersonId person) {
        String index = indexKey(tenant, person);
        for (int attempt = 0; attempt < FORGET_ATTEMPTS; attempt++) {
            List<String> ids = List.copyOf(redis.smembers(index));
            if (ids.isEmpty()) {
                return false;
            }
            List<String> keys = new ArrayList<>(ids.size() + 1);
            keys.add(index);
            ids.forEach(id -> keys.add(key(tenant, id)));
            long deleted = (Long) FORGET.run(redis, keys, ids);
            if (deleted >= 0) {
                log.debug("Erased {} Teams file(s) of a person in {}", deleted, tenant);
                return deleted > 0;
            }
        }
        throw new IllegalStateException("The Teams files of a person in " + tenant + " kept changing while erased");
    }

    private static int indexOf(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a stored file has no header");
    }

    /** A verified file link: the tenant and the random id of the file it names. */
    record FileLink(TenantId tenant, String id) {
    }

    record StoredFile(String mediaType, String fileName, byte[] content) {
        boolean isImage() {
            return mediaType.startsWith("image/");
        }
    }

    /** The token was altered, signed with another key, or has expired. */
    static final class InvalidFileLink extends RuntimeException {
        InvalidFileLink() {
            super("This file link is not valid or has expired. Ask the bot again for a fresh one.", null, false, false);
        }
    }
}
