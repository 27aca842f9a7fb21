package io.handoff.msteams;

import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;

import io.handoff.chat.Actor;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Who is acting in a Teams activity: the Microsoft 365 tenant and the Entra user behind its sender, resolved to a
 * Handoff tenant and person. Resolving stores the person's personal conversation reference and Teams user id and
 * records Teams as the platform they used last; every activity handler of {@link MsTeamsBot} goes through it.
 */
final class ActivityActors {
    private static final Logger log = LoggerFactory.getLogger(ActivityActors.class);

    private final MsTeamsPeople people;
    private final ConversationReferences references;
    private final MsTeamsAddresses addresses;
    private final PlatformPreference platformPreference;

    ActivityActors(MsTeamsPeople people, ConversationReferences references, MsTeamsAddresses addresses,
                   PlatformPreference platformPreference) {
        this.people = people;
        this.references = references;
        this.addresses = addresses;
        this.platformPreference = platformPreference;
    }

    /**
     * The tenant and person behind the activity's sender, or empty when it has no Microsoft 365 tenant or Entra
     * user. Stores their personal conversation reference and records Teams as their latest platform.
     */
    Optional<Actor> actor(TurnContext turn) {
        Activity activity = turn.getActivity();
        String microsoftTenant = microsoftTenant(activity);
        ChannelAccount from = activity.getFrom();
        if (microsoftTenant == null || from == null || from.getAadObjectId() == null
                || from.getAadObjectId().isBlank()) {
            return Optional.empty();
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        String aad = from.getAadObjectId();
        PersonId person = people.known(tenant, aad)
                .orElseGet(() -> people.resolve(tenant, aad, from.getName(), email(turn, from)));
        if (isPersonal(activity)) {
            references.save(tenant, person, activity.getConversationReference());
        }
        addresses.remember(tenant, person, activity.getServiceUrl(), from.getId());
        platformPreference.touched(tenant, person, Platform.TEAMS);
        return Optional.of(new Actor(tenant, person));
    }

    /**
     * The activity's Microsoft 365 tenant: {@code conversation.tenantId}, else {@code channelData.tenant.id}
     * ({@link MsTeamsRequestGate} let the activity in only if they agree and are GUIDs).
     */
    static String microsoftTenant(Activity activity) {
        String id = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        if (id == null || id.isBlank()) {
            TeamsChannelData channelData = activity.teamsGetChannelData();
            id = channelData == null || channelData.getTenant() == null ? null : channelData.getTenant().getId();
        }
        return id == null || id.isBlank() ? null : id.strip();
    }

    /** The sender's email (or user principal name) from Teams, asked once when they are new to Handoff. */
    private static String email(TurnContext turn, ChannelAccount from) {
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turn, from.getId()).join();
            if (member == null) {
                return null;
            }
            return member.getEmail() != null ? member.getEmail() : member.getUserPrincipalName();
        } catch (CompletionException | IllegalStateException | IllegalArgumentException e) {
            log.warn("Could not read the email of Teams user {}: {}", from.getAadObjectId(), e.getMessage());
            return null;
        }
    }

    static boolean isPersonal(Activity activity) {
        return activity.getConversation() != null
                && "personal".equals(activity.getConversation().getConversationType());
    }
}
