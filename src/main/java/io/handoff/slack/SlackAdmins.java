package io.handoff.slack;

import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.model.User;

import io.handoff.chat.port.PlatformAdmins;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Who administers Handoff on Slack: the workspace's admins and owners, asked of Slack at the moment
 * ({@code users.info} of the person's Slack user with the workspace's bot token), so a demoted admin loses the right
 * at once. Someone without a Slack identity, or whom Slack does not describe, is no admin.
 */
final class SlackAdmins implements PlatformAdmins {
    private final GraphStore graph;
    private final Slack slack;
    private final SlackWorkspaces workspaces;

    SlackAdmins(GraphStore graph, Slack slack, SlackWorkspaces workspaces) {
        this.graph = graph;
        this.slack = slack;
        this.workspaces = workspaces;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public boolean isAdmin(TenantId tenant, PersonId person) {
        Optional<String> slackUser = graph.person(tenant, person).map(Person::identities)
                .map(ids -> ids.get(Platform.SLACK));
        Optional<String> token = workspaces.botToken(tenant);
        if (slackUser.isEmpty() || token.isEmpty()) {
            return false;
        }
        User user = SlackApi.call("users.info",
                () -> slack.methods(token.get()).usersInfo(r -> r.user(slackUser.get()))).getUser();
        return user != null && (user.isAdmin() || user.isOwner());
    }

    @Override
    public String who() {
        return "workspace admins and owners";
    }
}
