package io.handoff.slack;

import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.delivery.PlatformPreference;

/**
 * Translates Slack requests into the chat port and back, one handler class per kind of request as Bolt registers
 * them: slash commands ({@link SlackSlashCommands}: answered in the ack when quick, else after it), events ({@link SlackEvents}: Home tab, direct messages), button
 * presses and modal submissions ({@link SlackInteractions}). The reply is rendered as Block Kit within Slack's
 * 3-second window, and everything slow (notifications, DMs, uploads, Home tab updates) runs on the executor after the
 * ack ({@link SlackFollowUp}); {@link SlackActors} says who acts.
 */
final class SlackListeners {
    private final SlackSlashCommands commands;
    private final SlackEvents events;
    private final SlackInteractions interactions;

    SlackListeners(ChatBot bot, Delivery delivery, SlackWorkspaces workspaces, SlackPeople people, SlackRoster roster,
                   SlackEventDedup dedup, PlatformPreference platformPreference, Executor afterAck,
                   SlackUserLookups lookups, SlackModalOrigin origins, java.time.Duration ackWait) {
        SlackActors actors = new SlackActors(workspaces, people, roster, platformPreference, afterAck);
        SlackFollowUp followUp = new SlackFollowUp(bot, delivery, people, afterAck);
        this.commands = new SlackSlashCommands(bot, actors, followUp, afterAck, ackWait);
        this.events = new SlackEvents(bot, actors, followUp, dedup, afterAck);
        this.interactions = new SlackInteractions(bot, actors, followUp, people, lookups, origins, afterAck, ackWait);
    }

    void registerOn(App app) {
        app.command(SlackIgnoredRequests.ANY, commands::onCommand);
        app.event(AppHomeOpenedEvent.class, events::onHomeOpened);
        app.event(MessageEvent.class, events::onDirectMessage);
        // every id: a button or modal Handoff does not know (an old message, an unknown action id) is acknowledged
        app.blockAction(SlackIgnoredRequests.ANY, interactions::onButton);
        app.viewSubmission(SlackIgnoredRequests.ANY, interactions::onSubmission);
        app.viewClosed(SlackIgnoredRequests.ANY, (request, ctx) -> ctx.ack());
        app.enableTokenRevocationHandlers();
    }
}
