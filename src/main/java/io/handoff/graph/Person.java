package io.handoff.graph;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An employee. {@code team} is empty until the person's team is known (from the roster or a CSV import).
 * {@code identities} maps each platform the person is reachable on to their id there (Slack user id, Teams AAD id).
 */
public record Person(PersonId id, String displayName, String email, TeamId team, ZoneId timeZone,
                     Map<Platform, String> identities) {
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_EXTERNAL_ID = 256;

    public Person {
        Objects.requireNonNull(id, "person id is required");
        displayName = Text.require("display name", displayName, MAX_NAME);
        email = Text.optional("email", email, MAX_EMAIL);
        email = email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
        if (email != null && !isAddress(email)) {
            throw new Refusal("email '" + email + "' is not an address");
        }
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        if (identities == null || identities.isEmpty()) {
            identities = Map.of();
        } else {
            EnumMap<Platform, String> copy = new EnumMap<>(Platform.class);
            identities.forEach((platform, externalId) -> copy.put(Objects.requireNonNull(platform),
                    Text.require(platform.code() + " id", externalId, MAX_EXTERNAL_ID)));
            identities = Collections.unmodifiableMap(copy);
        }
    }

    /** One '@' with something on each side and no white space: the {@code [^@\\s]+@[^@\\s]+} test, by hand. */
    private static boolean isAddress(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            if (Character.isWhitespace(email.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static Person of(String id, String displayName, String team) {
        return new Person(PersonId.of(id), displayName, null, team == null ? null : TeamId.of(team), null, Map.of());
    }

    public Optional<TeamId> teamId() {
        return Optional.ofNullable(team);
    }

    public Person withTeam(TeamId newTeam) {
        return new Person(id, displayName, email, newTeam, timeZone, identities);
    }

    public Person withIdentity(Platform platform, String externalId) {
        EnumMap<Platform, String> copy = new EnumMap<>(Platform.class);
        copy.putAll(identities);
        copy.put(platform, externalId);
        return new Person(id, displayName, email, team, timeZone, copy);
    }
}
