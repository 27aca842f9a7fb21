package io.handoff.friction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.graph.Texts;

/**
 * One downstream person's answer about one handoff in one period: how well the upstream's work served them (1 to 5)
 * and, optionally, what got in the way. The teams and the handoff's label and criticality are kept as they were when
 * the answer was given, so later team moves do not reshuffle closed periods.
 */
public record FrictionAnswer(PersonId upstream, PersonId downstream, TeamId upstreamTeam, TeamId downstreamTeam,
                             String what, Criticality criticality, int score, String comment, Instant answeredAt) {
    public static final int MAX_COMMENT = 500;

    public FrictionAnswer {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(answeredAt, "answeredAt");
        what = Texts.clean(Objects.requireNonNull(what, "what"), 200);
        requireScore(score);
        comment = comment == null ? "" : Texts.clean(comment, MAX_COMMENT);
        answeredAt = Instant.ofEpochSecond(answeredAt.getEpochSecond());
    }

    public static int requireScore(int score) {
        if (score < 1 || score > 5) {
            throw new Refusal("a score is 1 to 5 (was " + score + ")");
        }
        return score;
    }

    public Optional<TeamId> upstreamTeamId() {
        return Optional.ofNullable(upstreamTeam);
    }

    public Optional<TeamId> downstreamTeamId() {
        return Optional.ofNullable(downstreamTeam);
    }

    public boolean hasComment() {
        return !comment.isBlank();
    }
}
