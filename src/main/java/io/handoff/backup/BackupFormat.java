package io.handoff.backup;

/**
 * The tenant export format. Line 1: {@code {"format":"handoff-tenant","version":1,"tenant":…,"exportedAt":…}}; then
 * one line per key, {@code {"key":"adj:pat","type":"string","expireAt":…,"value":…}} (the name relative to the
 * tenant prefix; {@code expireAt} in epoch ms only for a key that expires; a hash's value an object in field order, a
 * set's a sorted array, a zset's {@code [[member, score], …]} by score, a list's an array in order); last line
 * {@code {"end":true,"records":n}}, so a cut-off file is refused rather than half restored.
 */
public final class BackupFormat {
    public static final String FORMAT = "handoff-tenant";
    public static final int VERSION = 1;
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private BackupFormat() {
    }
}
