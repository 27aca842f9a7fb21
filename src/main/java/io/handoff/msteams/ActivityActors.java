package io.handoff.msteams;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Who is acting in a Teams activity: the Microsoft 365 tenant and the Entra user behind its sender, resolved to a
 * Handoff tenant and person. Resolving stores the person's personal conversation reference and Teams user id and
 * records Teams as the platform they used last (for a message, after its turn); every activity handler of
 * {@link MsTeamsBot} goes through it.
 */
final class ActivityActors {
    private static final Logger log = LoggerFactory.getLogger(ActivityActors.class);

    private final MsTeamsPeople people;
    private final ConversationReferences references;
    private final MsTeamsAddresses addresses;
    private final PlatformPreference platformPreference;
    private final Executor afterTurn;

    ActivityActors(MsTeamsPeople people, ConversationReferences references, MsTeamsAddresses addresses,
                   PlatformPreference platformPreference, Executor afterTurn) {
        this.people = people;
        this.references = references;
        this.addresses = addresses;
        this.platformPreference = platformPreference;
        this.afterTurn = afterTurn;
    }

    /**
     * Who acts, and whether what the activity tells about them (personal conversation reference, Teams user id,
     * service URL, Teams as the platform used last) was remembered already or is left to {@link #rememberAfterTurn}.
     */
    record Acting(Actor actor, boolean remembered) {
    }

    /**
     * The tenant and person behind the activity's sender, or empty when it has no Microsoft 365 tenant or Entra
     * user. Stores their personal conversation reference and records Teams as their latest platform.
     */
    Optional<Actor> actor(TurnContext turn) {
        Optional<Acting> acting = resolve(turn);
        acting.filter(found -> !found.remembered()).ifPresent(found -> remember(turn.getActivity(), found.actor()));
        return acting.map(Acting::actor);
    }

    /**
     * The tenant and person behind the activity's sender, as {@link #actor}. A known person of a known organisation
     * costs one Redis round trip (the tenant index's version token, the tenant check and the person in one pipeline)
     * and what the activity tells about them is left to {@link #rememberAfterTurn}; a person new to Handoff is
     * remembered at once.
     */
    Optional<Acting> resolve(TurnContext turn) {
        Activity activity = turn.getActivity();
        String microsoftTenant = microsoftTenant(activity);
        ChannelAccount from = activity.getFrom();
        if (microsoftTenant == null || from == null || from.getAadObjectId() == null
                || from.getAadObjectId().isBlank()) {
            return Optional.empty();
        }
        String aad = from.getAadObjectId();
        Optional<GraphStore.KnownActor> known = people.known(microsoftTenant, aad);
        TenantId tenant = known.map(GraphStore.KnownActor::tenant).orElseGet(() -> people.tenant(microsoftTenant, null));
        Optional<PersonId> person = known.flatMap(GraphStore.KnownActor::person);
        if (person.isPresent()) {
            return Optional.of(new Acting(new Actor(tenant, person.get()), false));
        }
        Actor actor = new Actor(tenant, people.known(tenant, aad)
                .orElseGet(() -> people.resolve(tenant, aad, from.getName(), email(turn, from))));
        remember(activity, actor);
        return Optional.of(new Acting(actor, true));
    }

    /**
     * Once the activity is handled, off the turn (the Bot Framework gets its answer without waiting for it): what
     * the activity tells about the person is remembered, unless they are gone by then (the activity was their
     * forget-me, or SCIM deleted them). Written first and checked after: a deletion landing between a check and the
     * writes would leave them behind, while one landing before the check is seen by it and one after it removes them
     * itself.
     */
    void rememberAfterTurn(TurnContext turn, Actor actor) {
        Activity activity = turn.getActivity();
        Runnable remember = () -> {
            remember(activity, actor);
            if (!people.exists(actor.tenant(), actor.person())) {
                references.forget(actor.tenant(), actor.person());
                addresses.forgetUserId(actor.tenant(), actor.person());
                platformPreference.forget(actor.tenant(), actor.person());
            }
        };
        try {
            afterTurn.execute(() -> {
                try {
                    remember.run();
                } catch (RuntimeException e) {
                    log.warn("Remembering the Teams activity of {} of {} failed", actor.person(), actor.tenant(), e);
                }
            });
        } catch (RuntimeException rejected) { // shutting down: done on this thread
            remember.run();
        }
    }

    /** The person's personal conversation reference, Teams user id and service URL; Teams as their latest platform. */
    private void remember(Activity activity, Actor actor) {
        if (isPersonal(activity)) {
            references.save(actor.tenant(), actor.person(), activity.getConversationReference());
        }
        addresses.remember(actor.tenant(), actor.person(), activity.getServiceUrl(), activity.getFrom().getId());
        platformPreference.touched(actor.tenant(), actor.person(), Platform.TEAMS);
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
