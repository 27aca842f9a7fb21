package io.handoff.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * Input a feature refuses, carrying what the person who gave it should read: a chat user (the conversation router
 * shows it) or an API client (the problem detail of a 400). Throw it wherever a use case turns input down; any other
 * exception is a fault, logged with a reference and answered with a generic message that never shows its text (a
 * stray {@code NumberFormatException} must not tell a person "For input string: …").
 * <p>
 * It lives in the graph, the domain every module depends on, so the graph's own value checks (ids, names, texts)
 * refuse with it as well. It is an {@link IllegalArgumentException} so code that already catches bad input keeps
 * working; {@link GraphException} (an operation the graph cannot do as asked) is the graph's other refusal.
 */
public class Refusal extends IllegalArgumentException {
    public Refusal(String message) {
        super(Objects.requireNonNull(message, "a refusal says why"));
    }

    /** What a person may read of a failure: the text of a refusal or a graph refusal; empty for anything else. */
    public static Optional<String> shownText(Throwable failure) {
        return failure instanceof Refusal || failure instanceof GraphException
                ? Optional.ofNullable(failure.getMessage()) : Optional.empty();
    }
}
