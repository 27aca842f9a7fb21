package io.handoff.journey;

import java.util.List;
import java.util.stream.Collectors;

import io.handoff.graph.Refusal;

/** A signal import refused whole, with every bad row (row number and column). Nothing was written. */
public class SignalRefusal extends Refusal {
    private final List<RowProblem> problems;

    public SignalRefusal(List<RowProblem> problems) {
        super("nothing was imported: " + problems.stream().limit(20).map(RowProblem::toString)
                .collect(Collectors.joining("; ")) + (problems.size() > 20 ? "; …" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
