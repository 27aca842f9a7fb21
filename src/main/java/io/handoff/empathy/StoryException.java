package io.handoff.empathy;

import io.handoff.graph.Refusal;

/**
 * A story action that cannot go ahead, with a message for the person: the story feature shows it as is, and one that
 * escapes it (the {@code story} command) is a refusal the conversation router shows.
 */
final class StoryException extends Refusal {
    StoryException(String message) {
        super(message);
    }
}
