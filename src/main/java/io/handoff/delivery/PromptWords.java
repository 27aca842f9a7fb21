package io.handoff.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a message is, in words, from its key ("a story prompt", "the friction poll"), for the decision log's readers:
 * the log keeps no message text, so this is how a merged message names what it held.
 */
public final class PromptWords {
    private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("prompt:story:", "a story prompt");
        BY_PREFIX.put("prompt:still-true:", "a “still true?” question");
        BY_PREFIX.put("prompt:new-customer:", "a new-customer prompt");
        BY_PREFIX.put("story:", "a story prompt");
        BY_PREFIX.put("friction-poll:", "a friction poll");
        BY_PREFIX.put("friction-digest:", "the friction digest");
        BY_PREFIX.put("survey-reminder:", "a survey reminder");
        BY_PREFIX.put("pause-question:", "the pause question");
        BY_PREFIX.put("report-digest:", "the manager report digest");
        BY_PREFIX.put("signal:fell:", "a journey note");
        BY_PREFIX.put("story-reaction:", "a reaction to a story");
        BY_PREFIX.put("story-talk:", "a “let's talk” request");
        BY_PREFIX.put("story-shadow-", "a shadowing request");
        BY_PREFIX.put("confirm:", "a request to confirm a handoff");
        BY_PREFIX.put("confirmed:", "news that a handoff was confirmed");
        BY_PREFIX.put("disputed:", "news that a handoff was disputed");
    }

    private PromptWords() {
    }

    /** The words for the message with this key; "a message" when the key is not one Handoff knows. */
    public static String describe(String key) {
        for (Map.Entry<String, String> entry : BY_PREFIX.entrySet()) {
            if (key.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "a message";
    }
}
