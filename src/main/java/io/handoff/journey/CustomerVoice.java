package io.handoff.journey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * A customer's words a front-line owner ({@code sender}) of a touchpoint passes up to the suppliers behind it: the
 * words as masked ({@link ContactMasker}; the unmasked words are never stored), named or anonymous. A draft until
 * the sender confirms its preview; {@code to} names the suppliers it went to once sent.
 */
record CustomerVoice(String id, PersonId sender, JourneyId journey, TouchpointId touchpoint, String moment,
                     String words, boolean anonymous, boolean sent, Instant createdAt, Instant sentAt,
                     List<PersonId> to) {
    static final int MAX_WORDS = io.handoff.empathy.RelayedStories.MAX_WORDS;

    CustomerVoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(createdAt, "createdAt");
        if (words.isBlank() || words.length() > MAX_WORDS) {
            throw new Refusal("a customer's words are 1 to " + MAX_WORDS + " characters");
        }
        if (sent != (sentAt != null)) {
            throw new IllegalArgumentException("a voice has a sending time exactly when it was sent");
        }
        to = to == null ? List.of() : List.copyOf(to);
    }

    static CustomerVoice draft(String id, PersonId sender, Journey journey, Touchpoint touchpoint, String words,
                               boolean anonymous, Instant now) {
        return new CustomerVoice(id, sender, journey.id(), touchpoint.id(), touchpoint.name(), words, anonymous, false,
                now, null, List.of());
    }
}
