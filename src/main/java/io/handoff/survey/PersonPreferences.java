package io.handoff.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.PersonId;

/** A person's own settings: until when they paused Handoff's questions and reminders (none: not paused). */
public record PersonPreferences(PersonId person, Instant pausedUntil) {
    public PersonPreferences {
        Objects.requireNonNull(person, "person");
    }

    public Optional<Instant> pause() {
        return Optional.ofNullable(pausedUntil);
    }

    /** Whether nudges and reminders must skip the person at {@code now}. */
    public boolean pausedAt(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }
}
