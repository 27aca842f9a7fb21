package io.handoff.map;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.InvalidIdentifierException;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Signed links to the interactive map: {@code base64url(payload).base64url(HMAC-SHA256(payload))}, the payload
 * naming tenant, viewer, scope and expiry. Nothing is stored: the signature is the proof, so a changed character
 * or a link past its expiry is refused.
 */
public final class MapLinks {
    private static final Logger log = LoggerFactory.getLogger(MapLinks.class);
    private static final String VERSION = "v1";
    private static final int MAX_TOKEN = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;
    private final URI publicUrl;

    public MapLinks(byte[] secret, Clock clock, Duration ttl, URI publicUrl) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the map link secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        String base = publicUrl.toString();
        this.publicUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Keyed by HANDOFF_LINK_SECRET, or by a random key for this run (links then stop working at restart). */
    public static MapLinks fromConfiguration(MapProperties properties, Clock clock) {
        String secret = properties.linkSecret();
        byte[] key;
        if (secret == null || secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.warn("HANDOFF_LINK_SECRET is not set: map links are signed with a key generated for this run and "
                    + "stop working when the app restarts");
        } else {
            key = secret.strip().getBytes(StandardCharsets.UTF_8);
            if (key.length < 16) {
                throw new IllegalStateException("HANDOFF_LINK_SECRET must be at least 16 characters");
            }
        }
        return new MapLinks(key, clock, properties.linkTtl(), properties.publicUrl());
    }

    /** A grant for {@code viewer} to see {@code scope}, valid for the configured time from now. */
    public MapGrant grant(TenantId tenant, PersonId viewer, MapScope scope) {
        return new MapGrant(tenant, viewer, scope, clock.instant().plus(ttl));
    }

    public String sign(MapGrant grant) {
        String payload = String.join("\n", VERSION, grant.tenant().value(), grant.viewer().value(),
                grant.scope().encode(), Long.toString(grant.expiresAt().getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The page's address for a grant: {@code <public url>/maps/<token>}. */
    public URI url(MapGrant grant) {
        return URI.create(publicUrl + "/maps/" + sign(grant));
    }

    /**
     * The blueprint page's address for a grant of a journey ({@link MapScope.Journey}):
     * {@code <public url>/blueprints/<token>}. The same token opens the journey's people map at {@code /maps/}.
     */
    public URI blueprintUrl(MapGrant grant) {
        if (!(grant.scope() instanceof MapScope.Journey)) {
            throw new IllegalArgumentException("a blueprint link needs a journey scope");
        }
        return URI.create(publicUrl + "/blueprints/" + sign(grant));
    }

    /** The grant a token carries; throws {@link MapLinkException} when it was altered or has expired. */
    public MapGrant verify(String token) {
        if (token == null || token.length() > MAX_TOKEN || token.indexOf('.') < 0) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Only the canonical encoding is accepted: the decoder ignores the unused low bits of the last character,
        // so without this check a link could be altered and still work.
        if (!ENCODER.encodeToString(payload).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        MapGrant grant;
        try {
            grant = new MapGrant(TenantId.of(parts[1]), PersonId.of(parts[2]), MapScope.decode(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
        } catch (InvalidIdentifierException | MapRequestException | NumberFormatException | DateTimeException e) {
            // DateTimeException: an expiry beyond the instants Java can hold
            throw invalid();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new MapLinkException(MapLinkException.Reason.EXPIRED,
                    "This map link has expired. Ask the bot for a new map to get a fresh link.");
        }
        return grant;
    }

    /**
     * The base64url HMAC of another signed value (file links of the chat adapters), keyed like the map links. Callers
     * must start their payload with their own prefix so it can never be read as a map grant (those start with "v1").
     */
    public String signature(String payload) {
        return ENCODER.encodeToString(mac(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is {@link #signature(String)} of {@code payload} (constant-time). */
    public boolean signs(String payload, String signature) {
        return signature != null && MessageDigest.isEqual(
                signature(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static MapLinkException invalid() {
        return new MapLinkException(MapLinkException.Reason.INVALID,
                "This map link is not valid. Ask the bot for a new map to get a fresh link.");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
