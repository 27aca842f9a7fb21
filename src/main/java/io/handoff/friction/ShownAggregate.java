package io.handoff.friction;

import java.util.Objects;

/**
 * An aggregate the {@link AnonymityPolicy} allowed to be shown, as it was when its period closed: how many answers
 * from how many people, their sum, whether a critical handoff is among them, and the handoff's label ("loaded
 * trucks"). {@code upstreamTeam} is the team the aggregate belongs to (for a person aggregate: the person's team).
 */
public record ShownAggregate(Scope scope, String upstreamTeam, int answers, int respondents, long sum, boolean critical,
                             String label) {
    public ShownAggregate {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(upstreamTeam, "upstreamTeam");
        label = label == null ? "" : label;
        if (answers < 1 || respondents < 1 || respondents > answers || sum < answers || sum > 5L * answers) {
            throw new IllegalArgumentException("inconsistent aggregate " + scope.code() + ": " + answers + " answers, "
                    + respondents + " respondents, sum " + sum);
        }
    }

    /** The mean score, 1 to 5. */
    public double mean() {
        return (double) sum / answers;
    }

    /** The mean rounded to one decimal, as shown ("3.7"). */
    public String meanText() {
        return String.format(java.util.Locale.ROOT, "%.1f", mean());
    }
}
