package io.handoff.map;

import java.util.Objects;

import io.handoff.graph.InvalidIdentifierException;
import io.handoff.graph.Neighbourhood;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * What a map shows: a person's neighbourhood, a team with its direct neighbours, the organisation by team, or the
 * people behind a customer journey.
 */
public sealed interface MapScope {
    int DEFAULT_DEPTH = 2;

    /** A stable text form, used in signed links and the API: {@code person:pat:2}, {@code team:preload:1}, {@code org}. */
    String encode();

    /** For people: "Pat's neighbourhood (depth 2)". */
    String describe();

    /** Everyone within {@code depth} handoffs of {@code centre}. */
    record Person(PersonId centre, int depth) implements MapScope {
        public Person {
            Objects.requireNonNull(centre, "centre");
            requireDepth(depth);
        }

        @Override
        public String encode() {
            return "person:" + centre.value() + ":" + depth;
        }

        @Override
        public String describe() {
            return "neighbourhood of " + centre.value() + " (depth " + depth + ")";
        }
    }

    /** The team's people and their neighbours up to {@code depth} handoffs away (1: direct neighbours). */
    record Team(TeamId team, int depth) implements MapScope {
        public Team {
            Objects.requireNonNull(team, "team");
            requireDepth(depth);
        }

        @Override
        public String encode() {
            return "team:" + team.value() + ":" + depth;
        }

        @Override
        public String describe() {
            return "team " + team.value() + " and its neighbours (depth " + depth + ")";
        }
    }

    /** Every team and the handoffs between teams. */
    record Org() implements MapScope {
        @Override
        public String encode() {
            return "org";
        }

        @Override
        public String describe() {
            return "the organisation by team";
        }
    }

    /**
     * The people behind a customer journey: its front-line owners and their upstream chain ({@link JourneyPeople}).
     * The same link also opens the journey's blueprint page.
     */
    record Journey(String journey) implements MapScope {
        public Journey {
            Objects.requireNonNull(journey, "journey");
            if (!io.handoff.graph.Identifier.isValid(journey)) {
                throw new MapRequestException("a journey id uses letters, digits and . _ @ + - (was '"
                        + (journey.length() > 60 ? journey.substring(0, 60) + "…" : journey) + "')");
            }
        }

        @Override
        public String encode() {
            return "journey:" + journey;
        }

        @Override
        public String describe() {
            return "the people behind the journey " + journey;
        }
    }

    static int requireDepth(int depth) {
        if (depth < 1 || depth > Neighbourhood.MAX_DEPTH) {
            throw new MapRequestException("depth must be between 1 and " + Neighbourhood.MAX_DEPTH + " (was " + depth + ")");
        }
        return depth;
    }

    /** Reads {@link #encode()}'s form; {@code person:pat} and {@code team:x} without depth take the default depth. */
    static MapScope decode(String text) {
        String[] parts = Objects.requireNonNullElse(text, "").strip().split(":", -1);
        try {
            if (parts.length == 1 && parts[0].equals("org")) {
                return new Org();
            }
            if (parts.length == 2 && parts[0].equals("journey")) {
                return new Journey(parts[1]);
            }
            if ((parts.length == 2 || parts.length == 3) && (parts[0].equals("person") || parts[0].equals("team"))) {
                int depth = parts.length == 3 ? parseDepth(parts[2]) : (parts[0].equals("person") ? DEFAULT_DEPTH : 1);
                return parts[0].equals("person") ? new Person(PersonId.of(parts[1]), depth)
                        : new Team(TeamId.of(parts[1]), depth);
            }
        } catch (InvalidIdentifierException e) {
            throw new MapRequestException(e.getMessage());
        }
        throw new MapRequestException("scope must be person:<id>[:depth], team:<id>[:depth], journey:<id> or org (was '" + text + "')");
    }

    static int parseDepth(String text) {
        try {
            return requireDepth(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new MapRequestException("depth must be a whole number between 1 and " + Neighbourhood.MAX_DEPTH
                    + " (was '" + text + "')");
        }
    }
}
