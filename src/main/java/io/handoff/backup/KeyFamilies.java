package io.handoff.backup;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a tenant export does with each key family under {@code handoff:{tenant}:} (the family is a key name's first
 * segment, as in docs/ARCHITECTURE.md's key tables): {@link Policy#EXPORTED} families are written and restored as they
 * are; {@link Policy#EPHEMERAL} ones (caches, back-offs, rate buckets, short claims, files shown by link) are left out
 * and rebuilt by the app as it runs; {@link Policy#SECRET} ones must never leave the deployment and are left out.
 * {@code BackupFamiliesTest} keeps this table equal to the families the architecture document lists, so a module that
 * adds a family (the SCIM token hash, say) must decide here whether it is exported.
 */
public final class KeyFamilies {
    /** A family's treatment by export and import. */
    public enum Policy { EXPORTED, EPHEMERAL, SECRET }

    private static final Map<String, Policy> FAMILIES = new TreeMap<>();

    static {
        exported("tenant", "people", "adj", "adj-part", "identities", "teams", "team-managers", "teams-version",
                "members", "teamedges", "prefs", "dispute-reasons", "unreachable", "playground", "demo",
                "teams-ref", "teams-service-url", "teams-user", "teams-no-chat", "team-channels",
                "teams-team-channels", "group-chat", "team-channel-post", "teams-team-channel-post",
                "story", "stories", "friction", "engagement", "cadence", "signals",
                "jobs", "job", "platform-choice", "nudges-sent", "prompts-waiting", "pacing", "delivery-decisions",
                "settings", "journeys", "journey", "journey-signals", "voice", "voices-of", "walks", "walk-invited",
                "scim-user", "scim-users", "scim-index", "scim-group", "scim-groups", "scim-members", "deprovisioned");
        ephemeral("slack-event", "slack-away", "slack-profile-backoff", "teams-away", "teams-presence-backoff",
                "teams-presence-forbidden", "teams-forms", "file", "teams-files-of", "teams-roster-import", "rate");
        // the SCIM token's hash: a restore makes the admin issue a new token rather than revive an old one
        FAMILIES.put("scim-token", Policy.SECRET);
    }

    private KeyFamilies() {
    }

    private static void exported(String... families) {
        for (String family : families) {
            FAMILIES.put(family, Policy.EXPORTED);
        }
    }

    private static void ephemeral(String... families) {
        for (String family : families) {
            FAMILIES.put(family, Policy.EPHEMERAL);
        }
    }

    /** Every family this table decides, with its policy, in name order. */
    public static Map<String, Policy> all() {
        return Map.copyOf(FAMILIES);
    }

    /** The family of a key name relative to the tenant prefix ({@code prefs} for {@code prefs:pat}). */
    static String familyOf(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The policy of the family of {@code name} (relative to the tenant prefix); empty for a family not listed. */
    static Optional<Policy> policy(String name) {
        return Optional.ofNullable(FAMILIES.get(familyOf(name)));
    }

    static boolean exported(String name) {
        return policy(name).orElse(null) == Policy.EXPORTED;
    }
}
