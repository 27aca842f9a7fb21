package io.handoff.msteams;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;

import io.handoff.chat.ChatBot;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;

/**
 * Handoff's Teams bot: dispatches each activity by its type to the handler of that kind, as Bolt does for Slack:
 * messages (commands, buttons, forms) to {@link MessageHandler}, conversation and installation
 * updates (install in a team, roster, members joining and leaving, removal) to {@link ConversationUpdateHandler},
 * invokes (people search, Action.Execute, the rest) to {@link InvokeHandler}; other types are ignored. Every handler
 * resolves the sender through {@link ActivityActors}. A handler's exception fails the turn (the adapter's error
 * handler answers it).
 */
final class MsTeamsBot implements Bot {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsBot.class);

    private final MessageHandler messages;
    private final ConversationUpdateHandler updates;
    private final InvokeHandler invokes;

    MsTeamsBot(ChatBot chat, GraphStore graph, MsTeamsPeople people, ConversationReferences references, SentForms forms,
             PlatformPreference platformPreference, MsTeamsNotifications notifications, MsTeamsSender privately,
             MsTeamsFiles files, MsTeamsAddresses addresses, MsTeamsChannels teamChannels,
             MsTeamsRosterImports rosters, Executor afterTurn) {
        ActivityActors actors = new ActivityActors(people, references, addresses, platformPreference, afterTurn);
        this.messages = new MessageHandler(chat, graph, actors, references, forms, notifications, privately, files);
        this.updates = new ConversationUpdateHandler(graph, people, actors, addresses, teamChannels, rosters,
                messages);
        this.invokes = new InvokeHandler(graph, messages);
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        try {
            Activity activity = turn.getActivity();
            String type = activity.getType() == null ? "" : activity.getType();
            switch (type) {
                case ActivityTypes.MESSAGE -> messages.onMessage(turn);
                case ActivityTypes.CONVERSATION_UPDATE -> updates.onConversationUpdate(turn);
                case ActivityTypes.INSTALLATION_UPDATE -> updates.onInstallationUpdate(turn);
                case ActivityTypes.INVOKE -> invokes.onInvoke(turn);
                default -> log.debug("Ignoring a Teams {} activity", type);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
