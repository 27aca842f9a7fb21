package io.handoff.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import io.handoff.graph.PersonId;

/**
 * Stable idempotency keys of the survey's notifications, e.g. {@code confirm:pat>dana:t68n40} (kind, edge, the time
 * of the change in base 36): the same change always yields the same key, so delivering it twice sends it once.
 * Keys longer than the port's 200 characters (two long ids) name the edge by a SHA-256 of its ends instead.
 */
final class NotificationKeys {
    private NotificationKeys() {
    }

    static String of(String kind, PersonId upstream, PersonId downstream, Instant at) {
        String edge = upstream.value() + ">" + downstream.value();
        String time = Long.toString(at.getEpochSecond(), 36);
        String key = kind + ":" + edge + ":" + time;
        return key.length() <= 200 ? key : kind + ":" + sha256(edge) + ":" + time;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
