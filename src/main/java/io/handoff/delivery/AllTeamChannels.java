package io.handoff.delivery;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * The team channels the core features use: every chat platform's at once. A team may have a Slack channel and a
 * Teams channel; it counts as {@link #configured} when any platform has one, and a post goes to each platform that
 * has one (each platform keeps its own once-per-key claim, so a retried post repeats on neither). A platform whose
 * post fails is logged and does not keep the others from posting.
 */
public final class AllTeamChannels implements TeamChannels {
    private static final Logger log = LoggerFactory.getLogger(AllTeamChannels.class);

    private final List<TeamChannels> platforms;

    public AllTeamChannels(List<TeamChannels> platforms) {
        // never itself (nor another composite) among its platforms: that would post twice
        this.platforms = platforms.stream().filter(channels -> !(channels instanceof AllTeamChannels)).toList();
    }

    @Override
    public boolean configured(TenantId tenant, TeamId team) {
        return platforms.stream().anyMatch(channels -> channels.configured(tenant, team));
    }

    @Override
    public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
        List<TeamChannels> configured = platforms.stream().filter(channels -> channels.configured(tenant, team))
                .toList();
        if (configured.isEmpty()) {
            throw new IllegalStateException("no team channel is configured for " + team + " of " + tenant);
        }
        for (TeamChannels channels : configured) {
            try {
                channels.post(tenant, team, message, idempotencyKey);
            } catch (RuntimeException e) {
                log.warn("Posting {} to a channel of team {} in tenant {} failed ({})", idempotencyKey, team, tenant,
                        channels.getClass().getSimpleName(), e);
            }
        }
    }

    /** How many platforms can have team channels here. */
    int platforms() {
        return platforms.size();
    }
}
