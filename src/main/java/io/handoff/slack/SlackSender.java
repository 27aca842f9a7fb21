package io.handoff.slack;

import java.util.Optional;

import com.slack.api.Slack;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Sends a message to a person's Slack DM with the app. Rate limits are not waited out here: HTTP 429 becomes
 * {@link SendFailure#rateLimited} with Slack's Retry-After, gone users and revoked installs become permanent failures.
 */
final class SlackSender implements PlatformSender {
    private final Slack slack;
    private final SlackWorkspaces workspaces;

    SlackSender(Slack slack, SlackWorkspaces workspaces) {
        this.slack = slack;
        this.workspaces = workspaces;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public boolean canReach(TenantId tenant, Person recipient) {
        return recipient.identities().containsKey(Platform.SLACK) && workspaces.botToken(tenant).isPresent();
    }

    @Override
    public void send(TenantId tenant, Person recipient, Message message) {
        String slackUser = recipient.identities().get(Platform.SLACK);
        Optional<String> token = workspaces.botToken(tenant);
        if (slackUser == null || token.isEmpty()) {
            throw SendFailure.permanentFailure("Slack does not reach " + recipient.id() + " of tenant " + tenant);
        }
        try {
            SlackMessenger.postToUser(slack.methods(token.get()), slackUser, message, SlackMessenger.RateLimits.REPORT);
        } catch (SlackApi.SlackCallFailed failure) {
            if (failure.retryAfter().isPresent()) {
                throw SendFailure.rateLimited(failure.retryAfter().get());
            }
            if (failure.permanent()) {
                throw SendFailure.permanentFailure(failure.getMessage());
            }
            throw SendFailure.transientFailure(failure.getMessage(), failure);
        }
    }
}
