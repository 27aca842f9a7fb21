package io.handoff.settings;

import java.util.List;

import io.handoff.graph.Refusal;

/** Tenant settings that cannot be stored; the message lists every problem. */
public class InvalidSettingsException extends Refusal {
    private final transient List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("invalid settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
