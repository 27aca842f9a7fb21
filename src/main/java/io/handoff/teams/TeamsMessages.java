package io.handoff.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;

import io.handoff.chat.Message;

/** Message activities carrying Adaptive Cards. */
final class TeamsMessages {
    private TeamsMessages() {
    }

    static Activity message(Message message) {
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(AdaptiveCards.message(message));
        activity.setSummary(message.summary());
        return activity;
    }

    static Activity card(ObjectNode card, String summary) {
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(java.util.List.of(AdaptiveCards.attachment(card)));
        activity.setSummary(summary);
        return activity;
    }
}
