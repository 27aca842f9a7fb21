package io.handoff.msteams;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;

import io.handoff.chat.Message;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/** Message activities carrying Adaptive Cards. */
final class MsTeamsMessages {
    private MsTeamsMessages() {
    }

    static Activity message(Message message) {
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(AdaptiveCards.message(message));
        activity.setSummary(message.summary());
        return activity;
    }

    /**
     * A message whose files are sent by {@code files} (large ones as signed links, see {@link MsTeamsFiles}), kept as
     * the recipient's (empty for a team channel post) so forget-me erases them.
     */
    static Activity message(Message message, TenantId tenant, Optional<PersonId> recipient, MsTeamsFiles files) {
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(AdaptiveCards.message(message, files.forMessage(tenant, recipient)));
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
