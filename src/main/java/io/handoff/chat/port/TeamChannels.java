package io.handoff.chat.port;

import io.handoff.chat.Message;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * A team's shared channel, when the tenant configured one (digests and shared stories go there too). A port: each
 * chat adapter provides one, and the core gets them all as one ({@code io.handoff.delivery.AllTeamChannels});
 * without any, nothing is posted to channels.
 */
public interface TeamChannels {

    boolean configured(TenantId tenant, TeamId team);

    /** Posts to the team's channel once per {@code idempotencyKey}. */
    void post(TenantId tenant, TeamId team, Message message, String idempotencyKey);

    TeamChannels NONE = new TeamChannels() {
        @Override
        public boolean configured(TenantId tenant, TeamId team) {
            return false;
        }

        @Override
        public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
            throw new IllegalStateException("no team channel is configured for " + team);
        }
    };
}
