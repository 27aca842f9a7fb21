package io.handoff.chat.port;

import java.util.Optional;

import io.handoff.chat.ChannelRef;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * One chat platform's store of which channel is a team's (stories shared with the team and its friction digests are
 * posted there through {@link TeamChannels}), written by the core's {@code team-channel} command said on that
 * platform. The core parses the command, checks the admin ({@link PlatformAdmins}) and the team; the adapter only
 * reads its platform's channel references and stores them.
 */
public interface ChannelAssignments {

    /** How an admin picks the channel on a platform. */
    enum Naming {
        /** They name it in the command: {@code team-channel <team> #channel} (Slack). */
        IN_THE_COMMAND,
        /** They say {@code team-channel <team>} in the channel itself (Teams). */
        WHERE_SAID
    }

    Platform platform();

    Naming naming();

    /**
     * The channel a typed word names ({@link Naming#IN_THE_COMMAND}: a channel mention, which the adapter turned
     * into {@code #<id>}, or a bare id), or empty when the word is no channel of this platform.
     */
    Optional<ChannelRef> channel(String typed);

    void assign(TenantId tenant, TeamId team, ChannelRef channel);

    void unassign(TenantId tenant, TeamId team);
}
