package io.handoff.empathy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * A day-in-the-life story a downstream person (the teller) writes for one upstream person about one handoff. It is a
 * draft until the teller confirms its preview; only then is it relayed. An anonymous story never names its teller to
 * the upstream. {@code revealed} is set when an anonymous teller chose to talk or to agree a shadowing date.
 * Build one with {@link #draft} and change it with the withers ({@link #sentAt}, {@link #withShadowing},
 * {@link #revealedToUpstream}); the canonical constructor is for reading a stored story back.
 */
public record Story(String id, PersonId upstream, PersonId teller, String what, String text, Integer shapesDay,
                    boolean anonymous, boolean shareWithTeam, Status status, Instant createdAt, Instant sentAt,
                    Map<Reaction, Instant> reactions, Shadowing shadowing, boolean revealed, Kind kind,
                    String moment) {
    public static final int MAX_TEXT = 600;

    public enum Status { DRAFT, SENT }

    /**
     * What the story carries: a day in the teller's life ({@code STORY}); a customer's words the teller (a front-line
     * owner of the customer moment {@code moment}) passes up to their supplier ({@code VOICE}); or a leader's walk of
     * the customer moment {@code moment} arranged with its front-line owner, the teller ({@code WALK}, the upstream is
     * the leader). Voices and walks share the reactions, "Let's talk" and shadowing of stories.
     */
    public enum Kind { STORY, VOICE, WALK }

    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(teller, "teller");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        kind = kind == null ? Kind.STORY : kind;
        if ((kind == Kind.STORY) != (moment == null || moment.isBlank())) {
            throw new IllegalArgumentException("a voice or a walk names its customer moment, a story does not");
        }
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new Refusal("a story is 1 to " + MAX_TEXT + " characters");
        }
        if (shapesDay != null && (shapesDay < 1 || shapesDay > 5)) {
            throw new Refusal("how much it shapes the day is 1 to 5");
        }
        if ((status == Status.SENT) != (sentAt != null)) {
            throw new IllegalArgumentException("a story has a sending time exactly when it was sent");
        }
        EnumMap<Reaction, Instant> copy = new EnumMap<>(Reaction.class);
        if (reactions != null) {
            copy.putAll(reactions);
        }
        reactions = Collections.unmodifiableMap(copy);
    }

    /** What the teller wrote in the story form: the text, how much it shapes their day, and how it is shared. */
    public record Written(String text, Integer shapesDay, boolean anonymous, boolean shareWithTeam) {
    }

    /** A new draft of {@code teller}'s story for {@code upstream} about the handoff {@code what}. */
    public static Story draft(String id, PersonId upstream, PersonId teller, String what, Written written,
                              Instant createdAt) {
        return new Story(id, upstream, teller, what, written.text(), written.shapesDay(), written.anonymous(),
                written.shareWithTeam(), Status.DRAFT, createdAt, null, Map.of(), null, false, Kind.STORY, null);
    }

    /**
     * A sent story of {@code kind} ({@link Kind#VOICE} or {@link Kind#WALK}) about {@code moment}, relayed at once
     * without a draft of its own (the feature that made it kept the draft and showed the preview).
     */
    public static Story relayed(String id, Kind kind, String moment, PersonId upstream, PersonId teller, String what,
                                String text, boolean anonymous, Shadowing shadowing, Instant at) {
        if (kind == Kind.STORY) {
            throw new IllegalArgumentException("a day-in-the-life story is drafted first");
        }
        Map<Reaction, Instant> reactions = shadowing == null ? Map.of() : Map.of(Reaction.SHADOW, at);
        return new Story(id, upstream, teller, what, text, null, anonymous, false, Status.SENT, at, at, reactions,
                shadowing, false, kind, moment);
    }

    /** What the teller wrote. */
    public Written written() {
        return new Written(text, shapesDay, anonymous, shareWithTeam);
    }

    /** This draft, sent at {@code at}. */
    public Story sentAt(Instant at) {
        return new Story(id, upstream, teller, what, text, shapesDay, anonymous, shareWithTeam, Status.SENT,
                createdAt, Objects.requireNonNull(at, "at"), reactions, shadowing, revealed, kind, moment);
    }

    /** This story with another shadowing request (or none). */
    public Story withShadowing(Shadowing request) {
        return new Story(id, upstream, teller, what, text, shapesDay, anonymous, shareWithTeam, status, createdAt,
                sentAt, reactions, request, revealed, kind, moment);
    }

    /** This story once its anonymous teller chose to be named to the upstream. */
    public Story revealedToUpstream() {
        return new Story(id, upstream, teller, what, text, shapesDay, anonymous, shareWithTeam, status, createdAt,
                sentAt, reactions, shadowing, true, kind, moment);
    }

    public OptionalInt shapes() {
        return shapesDay == null ? OptionalInt.empty() : OptionalInt.of(shapesDay);
    }

    public Optional<Shadowing> shadowingRequest() {
        return Optional.ofNullable(shadowing);
    }

    public boolean sent() {
        return status == Status.SENT;
    }

    /** Whether the upstream may now know who told it. */
    public boolean named() {
        return !anonymous || revealed;
    }

    /** The key of the handoff in the graph's terms, {@code up>down}. */
    public String edge() {
        return upstream.value() + ">" + teller.value();
    }
}
