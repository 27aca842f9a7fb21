package io.handoff.slack;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;

import io.handoff.chat.port.TeamSync;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * {@code sync-teams} on Slack: {@link SlackRoster} reads the workspace's user groups into teams, on {@code running}
 * (after Slack got its answer), with the workspace's bot token. A failure is logged; the teams stay as they were.
 */
final class SlackTeamSync implements TeamSync {
    private static final Logger log = LoggerFactory.getLogger(SlackTeamSync.class);

    private final SlackRoster roster;
    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final Executor running;

    SlackTeamSync(SlackRoster roster, Slack slack, SlackWorkspaces workspaces, Executor running) {
        this.roster = roster;
        this.slack = slack;
        this.workspaces = workspaces;
        this.running = running;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public String source() {
        return "Slack user groups";
    }

    @Override
    public void start(TenantId tenant) {
        running.execute(() -> {
            try {
                String token = workspaces.botToken(tenant).orElseThrow(() ->
                        new IllegalStateException("Slack is not installed for tenant " + tenant));
                roster.sync(tenant, slack.methods(token));
            } catch (RuntimeException e) {
                log.warn("Syncing user groups of tenant {} failed", tenant, e);
            }
        });
    }
}
