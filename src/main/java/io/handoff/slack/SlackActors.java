package io.handoff.slack;

import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.context.Context;
import com.slack.api.methods.MethodsClient;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Place;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Who acts in a Slack request: the tenant of the request's workspace (the first request of a new workspace creates it
 * and syncs its teams after the ack) and the person behind the Slack user, with a Web API client bound to the
 * workspace's bot token. Resolving records Slack as the platform the person used last (after the ack).
 */
final class SlackActors {
    private static final Logger log = LoggerFactory.getLogger(SlackActors.class);

    private final SlackWorkspaces workspaces;
    private final SlackPeople people;
    private final SlackRoster roster;
    private final PlatformPreference platformPreference;
    private final Executor afterAck;

    SlackActors(SlackWorkspaces workspaces, SlackPeople people, SlackRoster roster,
                PlatformPreference platformPreference, Executor afterAck) {
        this.workspaces = workspaces;
        this.people = people;
        this.roster = roster;
        this.platformPreference = platformPreference;
        this.afterAck = afterAck;
    }

    /** The person who acted, in their tenant, with a Web API client bound to the workspace's bot token. */
    record Who(TenantId tenant, PersonId person, String slackUserId, MethodsClient client) {
        Actor actor() {
            return new Actor(tenant, person);
        }

        /** A command this person said on Slack. */
        Interaction.Command command(String text) {
            return new Interaction.Command(actor(), text, Place.on(Platform.SLACK));
        }
    }

    /**
     * The person who acted. A known person of a known workspace costs one Redis round trip (the tenant index's
     * version token, the tenant check and the person in one pipeline). The caller records the platform with
     * {@link #touchedAfterAck} or {@link #touched} once the interaction is handled.
     */
    Optional<Who> resolve(Context ctx, String slackUserId) {
        Optional<GraphStore.KnownActor> known = SlackPeople.isUserId(slackUserId)
                ? workspaces.known(ctx.getEnterpriseId(), ctx.getTeamId(), slackUserId) : Optional.empty();
        TenantId tenant = known.map(GraphStore.KnownActor::tenant).orElseGet(() -> tenant(ctx));
        Optional<PersonId> person = known.flatMap(GraphStore.KnownActor::person);
        if (person.isEmpty()) {
            person = people.resolve(tenant, slackUserId, ctx.client());
        }
        return person.map(found -> new Who(tenant, found, slackUserId, ctx.client()));
    }

    /**
     * Messages go where the person answered last (unless they chose a platform): Slack is recorded as that platform,
     * unless the person is gone by now (the interaction was their forget-me, or SCIM deleted them). Written first and
     * checked after: a deletion landing between a check and the write would leave the field behind, while one landing
     * before the check is seen by it and one after it removes the field itself. Already after the ack (events,
     * follow-ups).
     */
    void touched(Who who) {
        platformPreference.touched(who.tenant(), who.person(), Platform.SLACK);
        if (!people.exists(who.tenant(), who.person())) {
            platformPreference.forget(who.tenant(), who.person());
        }
    }

    /** {@link #touched} on the after-ack executor: called once the interaction is handled, before its ack. */
    void touchedAfterAck(Who who) {
        try {
            afterAck.execute(() -> {
                try {
                    touched(who);
                } catch (RuntimeException e) {
                    log.warn("Recording Slack as the platform {} of tenant {} used last failed", who.person(),
                            who.tenant(), e);
                }
            });
        } catch (RuntimeException rejected) { // the executor is shutting down: done here
            touched(who);
        }
    }

    /** The tenant of the request's workspace; the first request of a new workspace creates it and syncs its teams. */
    TenantId tenant(Context ctx) {
        String teamName = ctx.getAuthTestResponse() == null ? null : ctx.getAuthTestResponse().getTeam();
        SlackWorkspaces.Registration registration = workspaces.register(ctx.getEnterpriseId(), ctx.getTeamId(),
                ctx.isEnterpriseInstall(), teamName);
        if (registration.created()) {
            MethodsClient client = ctx.client();
            afterAck.execute(() -> {
                try {
                    roster.sync(registration.tenant(), client);
                } catch (RuntimeException e) {
                    log.warn("Syncing user groups of the new tenant {} failed", registration.tenant(), e);
                }
            });
        }
        return registration.tenant();
    }

    /**
     * What the person typed, as the core reads it: Slack's escaping undone, user mentions ({@code <@U…|name>})
     * turned into {@code @<person id>} and channel mentions ({@code <#C…|name>}) into {@code #<channel id>}, so no
     * feature parses Slack syntax.
     */
    String commandText(Who who, String typed) {
        return SlackTeamChannels.mentionsAsChannels(
                people.mentionsAsPeople(who.tenant(), SlackEntities.unescape(typed)));
    }
}
