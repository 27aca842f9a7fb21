package io.handoff.friction;

import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;

/**
 * What a friction aggregate sums. A {@link TeamPair} sums every answer of the downstream team about handoffs from the
 * upstream team; it splits into one {@link PersonToTeam} per upstream person ("Ana's loaded trucks, as the drivers
 * see them"). No aggregate is ever per downstream person: that would be one person's answer.
 */
public sealed interface Scope {

    /** A stable text form, used as a Redis hash field: {@code t:preload>drivers} or {@code p:ana>drivers}. */
    String code();

    TeamId upstreamTeamOrNull();

    TeamId downstreamTeam();

    record TeamPair(TeamId upstream, TeamId downstream) implements Scope {
        @Override
        public String code() {
            return "t:" + upstream.value() + ">" + downstream.value();
        }

        @Override
        public TeamId upstreamTeamOrNull() {
            return upstream;
        }

        @Override
        public TeamId downstreamTeam() {
            return downstream;
        }
    }

    record PersonToTeam(PersonId upstream, TeamId downstream) implements Scope {
        @Override
        public String code() {
            return "p:" + upstream.value() + ">" + downstream.value();
        }

        @Override
        public TeamId upstreamTeamOrNull() {
            return null;
        }

        @Override
        public TeamId downstreamTeam() {
            return downstream;
        }
    }

    static Scope parse(String code) {
        int arrow = code.indexOf('>');
        if (code.length() < 3 || code.charAt(1) != ':' || arrow < 0) {
            throw new Refusal("not a friction scope: " + code);
        }
        String from = code.substring(2, arrow);
        TeamId to = TeamId.of(code.substring(arrow + 1));
        return switch (code.charAt(0)) {
            case 't' -> new TeamPair(TeamId.of(from), to);
            case 'p' -> new PersonToTeam(PersonId.of(from), to);
            default -> throw new Refusal("not a friction scope: " + code);
        };
    }
}
