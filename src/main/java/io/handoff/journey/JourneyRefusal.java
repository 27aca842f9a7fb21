package io.handoff.journey;

import java.util.List;
import java.util.stream.Collectors;

import io.handoff.graph.Refusal;

/** A journey definition refused, with every field that is wrong (a 400 with field-level messages in the API). */
public class JourneyRefusal extends Refusal {
    private final List<FieldProblem> problems;

    public JourneyRefusal(List<FieldProblem> problems) {
        super("the journey is not valid: " + problems.stream().limit(20).map(FieldProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
