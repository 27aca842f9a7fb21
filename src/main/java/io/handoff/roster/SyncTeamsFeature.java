package io.handoff.roster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.TeamSync;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.Platform;

/**
 * The admins' {@code sync-teams} command, the same on every platform: it reads the organisation's teams from the
 * platform's own groups ({@link TeamSync}: Slack user groups) in the background. Only the platform's admins may
 * ({@link PlatformAdmins}); on a platform without such groups (Teams, the playground) it says that teams come from
 * the roster import there.
 */
final class SyncTeamsFeature implements ConversationFeature {
    static final String WORD = "sync-teams";
    private static final Logger log = LoggerFactory.getLogger(SyncTeamsFeature.class);

    private final Map<Platform, TeamSync> syncs;
    private final Map<Platform, PlatformAdmins> admins;

    public SyncTeamsFeature(List<TeamSync> syncs, List<PlatformAdmins> admins) {
        this.syncs = byPlatform(syncs, TeamSync::platform);
        this.admins = byPlatform(admins, PlatformAdmins::platform);
    }

    private static <T> Map<Platform, T> byPlatform(List<T> ports, Function<T, Platform> platform) {
        return ports.stream().collect(Collectors.toUnmodifiableMap(platform, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two adapters claim one platform: " + a + " and " + b);
        }));
    }

    @Override
    public String prefix() {
        return "roster.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp(WORD, WORD, "for admins: read the teams from Slack user groups"));
    }

    @Override
    public Outcome onCommand(Interaction.Command command, String word, String args) {
        Optional<Platform> platform = command.place().platform();
        TeamSync sync = platform.map(syncs::get).orElse(null);
        if (sync == null) {
            return Outcome.show(Message.text("Syncing teams is not available here: teams come from the roster "
                    + "import."));
        }
        Actor actor = command.actor();
        PlatformAdmins platformAdmins = admins.get(platform.get());
        if (platformAdmins == null || !platformAdmins.isAdmin(actor.tenant(), actor.person())) {
            String who = platformAdmins == null ? "admins" : platformAdmins.who();
            return Outcome.show(Message.text("Only " + who + " can sync teams from " + sync.source() + "."));
        }
        sync.start(actor.tenant());
        log.info("admin {} of tenant {} started syncing teams from {}", actor.person(), actor.tenant(),
                platform.get().code());
        return Outcome.show(Message.text("Syncing teams from your " + sync.source() + " now."));
    }
}
