package io.handoff.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/** A team-channel adapter for tests: some teams have a channel, and every post is kept. */
final class RecordingChannels implements TeamChannels {
    record Post(TeamId team, Message message, String key) {
    }

    private final Set<TeamId> configured;
    final List<Post> posts = new ArrayList<>();

    RecordingChannels(TeamId... configured) {
        this.configured = Set.of(configured);
    }

    @Override
    public boolean configured(TenantId tenant, TeamId team) {
        return configured.contains(team);
    }

    @Override
    public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
        posts.add(new Post(team, message, idempotencyKey));
    }
}
