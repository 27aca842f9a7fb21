package io.handoff.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of the global tenant index ({@link GraphKeys#TENANT_INDEX}: which tenant a Slack workspace or a
 * Microsoft 365 organisation belongs to) this instance has read, stamped with the index's version token
 * ({@link #VERSION_FIELD}), which every write to the index replaces in the same HSET. A lookup sends one HGET of the
 * token with the tenant's own reads (the tenant hash, the person's identity) and uses the answer when the token is
 * unchanged, instead of reading the index first and the tenant after it: one round trip before every Slack and Teams
 * acknowledgement instead of two (issue 20). The token is read in the same HMGET as the fields, so an answer is never
 * newer than its stamp says; an answer filed under a stale token is simply read again. As with the team directory,
 * every instance keeps its own copy, and the token makes another instance's write visible at once.
 */
final class TenantIndexCopy {
    /** The index's version token, a field of the index hash itself (its other fields all hold a colon). */
    static final String VERSION_FIELD = "version";
    /** The version of an index written before versions were introduced (or of no index at all). */
    static final String UNVERSIONED = "";

    private record Copy(String version, Map<List<String>, TenantId> answers) {
    }

    private volatile Copy copy = new Copy(UNVERSIONED, new ConcurrentHashMap<>());

    /** The tenant the index named for {@code fields} when last read, if this instance has read it, with its stamp. */
    Optional<Stamped> named(List<String> fields) {
        Copy held = copy;
        TenantId tenant = held.answers().get(fields);
        return tenant == null ? Optional.empty() : Optional.of(new Stamped(tenant, held.version()));
    }

    /** A tenant the index named, and the version token it was read under. */
    record Stamped(TenantId tenant, String version) {
        /** Whether the index is still at the version this answer was read under. */
        boolean currentAt(String version) {
            return this.version.equals(versionOrUnversioned(version));
        }
    }

    /** Keeps the tenant the index named for {@code fields} when it was at {@code version}. */
    void remember(List<String> fields, String version, TenantId tenant) {
        String stamp = versionOrUnversioned(version);
        Copy held = copy;
        if (held.version().equals(stamp)) {
            held.answers().put(List.copyOf(fields), tenant);
        } else {
            Map<List<String>, TenantId> answers = new ConcurrentHashMap<>();
            answers.put(List.copyOf(fields), tenant);
            copy = new Copy(stamp, answers);
        }
    }

    private static String versionOrUnversioned(String version) {
        return Objects.requireNonNullElse(version, UNVERSIONED);
    }
}
