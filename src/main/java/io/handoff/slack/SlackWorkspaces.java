package io.handoff.slack;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;

/**
 * Slack workspaces and Enterprise Grid orgs as Handoff tenants, and the bot token that reaches each. An org-wide
 * (Enterprise Grid) install is one tenant keyed by its enterprise id; a workspace install is keyed by its team id.
 * A new installation gets the tenant {@code slack-<id>}; an existing tenant already mapped to the workspace is kept.
 */
final class SlackWorkspaces {
    private static final Logger log = LoggerFactory.getLogger(SlackWorkspaces.class);

    private final GraphStore graph;
    private final SlackProperties properties;
    private final InstallationService installations;
    private final Clock clock;

    SlackWorkspaces(GraphStore graph, SlackProperties properties, InstallationService installations, Clock clock) {
        this.graph = graph;
        this.properties = properties;
        this.installations = installations;
        this.clock = clock;
    }

    /** A {@link Registration} tells whether the tenant was created just now (then its roster is synced). */
    record Registration(TenantId tenant, boolean created) {
    }

    /** The tenant already installed for the workspace or org and the Slack user's person there, if known. */
    Optional<GraphStore.KnownActor> known(String enterpriseId, String teamId, String slackUserId) {
        return graph.slackActor(blankToNull(enterpriseId), blankToNull(teamId), slackUserId);
    }

    /** The tenant of a workspace or org, created when it is new. */
    Registration register(String enterpriseId, String teamId, boolean enterpriseInstall, String name) {
        String enterprise = blankToNull(enterpriseId);
        String team = blankToNull(teamId);
        Optional<TenantId> existing = graph.tenantForSlack(enterprise, team);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        boolean org = enterpriseInstall && enterprise != null;
        String key = org ? enterprise : team;
        if (key == null || !Identifier.isValid("slack-" + key)) {
            throw new IllegalArgumentException("a Slack installation needs a valid team or enterprise id");
        }
        TenantId id = TenantId.of("slack-" + key.toLowerCase(Locale.ROOT));
        String tenantName = name == null || name.isBlank() ? "Slack " + key : SlackText.truncate(
                name.strip().replaceAll("\\p{Cntrl}", " "), Tenant.MAX_NAME);
        graph.saveTenant(new Tenant(id, tenantName, org ? enterprise : null, org ? null : team, null, clock.instant()));
        log.info("Created tenant {} for Slack {} {}", id, org ? "org" : "workspace", key);
        return new Registration(id, true);
    }

    /** The bot token that reaches the tenant's Slack users, if Slack is installed there. */
    Optional<String> botToken(TenantId tenantId) {
        Optional<Tenant> tenant = graph.tenant(tenantId);
        if (tenant.isEmpty() || !tenant.get().onSlack()) {
            return Optional.empty();
        }
        if (properties.oauth()) {
            Bot bot = installations.findBot(tenant.get().slackEnterpriseId(), tenant.get().slackTeamId());
            return Optional.ofNullable(bot).map(Bot::getBotAccessToken).filter(token -> !token.isBlank());
        }
        return Optional.ofNullable(blankToNull(properties.botToken()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
