package io.handoff.msteams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;

import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Conversation updates and installation updates: installing the app in a team creates the tenant, answers with a
 * welcome and leaves the roster import to {@link MsTeamsRosterImports} (in the background, which then says how many
 * colleagues it added); colleagues added to the team later are fetched and saved the same way. When Handoff is
 * removed from a team (or the team is deleted) the team channels chosen in it are forgotten; a colleague leaving a
 * team is only logged. Installing the app for oneself only records the installer.
 */
final class ConversationUpdateHandler {
    private static final Logger log = LoggerFactory.getLogger(ConversationUpdateHandler.class);

    private final GraphStore graph;
    private final MsTeamsPeople people;
    private final ActivityActors actors;
    private final MsTeamsAddresses addresses;
    private final MsTeamsChannels teamChannels;
    private final MsTeamsRosterImports rosters;
    private final MessageHandler messages;

    ConversationUpdateHandler(GraphStore graph, MsTeamsPeople people, ActivityActors actors, MsTeamsAddresses addresses,
                              MsTeamsChannels teamChannels, MsTeamsRosterImports rosters, MessageHandler messages) {
        this.graph = graph;
        this.people = people;
        this.actors = actors;
        this.addresses = addresses;
        this.teamChannels = teamChannels;
        this.rosters = rosters;
        this.messages = messages;
    }

    void onConversationUpdate(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (isBot(activity, activity.getMembersRemoved()) || teamDeleted(activity)) {
            onRemovedFromTeam(activity);
            return;
        }
        if (isBot(activity, activity.getMembersAdded())) {
            onInstalled(turn);
        } else {
            actors.actor(turn);
            onMembersRemoved(activity);
            onMembersAdded(turn);
        }
    }

    /** Whether the bot itself (the activity's recipient) is among {@code members}. */
    private static boolean isBot(Activity activity, List<ChannelAccount> members) {
        return members != null && activity.getRecipient() != null && activity.getRecipient().getId() != null
                && members.stream().anyMatch(m -> m != null && activity.getRecipient().getId().equals(m.getId()));
    }

    private static boolean teamDeleted(Activity activity) {
        TeamsChannelData channelData = activity.teamsGetChannelData();
        String event = channelData == null ? null : channelData.getEventType();
        return "teamDeleted".equals(event) || "teamHardDeleted".equals(event);
    }

    /**
     * Handoff was removed from a team, or the team was deleted: forgets what points into it (the team channels chosen
     * there, the roster import's claim) so Handoff stops posting there. People stay: they are still colleagues.
     */
    private void onRemovedFromTeam(Activity activity) {
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = ActivityActors.microsoftTenant(activity);
        Optional<TenantId> tenant = microsoftTenant == null ? Optional.empty()
                : graph.tenantForMicrosoft(microsoftTenant);
        if (team == null || team.getId() == null || tenant.isEmpty()) {
            log.debug("Handoff left a Teams conversation outside any known team");
            return;
        }
        List<TeamId> forgotten = teamChannels.forgetMsTeamsTeam(tenant.get(), team.getId());
        rosters.forget(tenant.get(), team.getId());
        log.info("Handoff was removed from Teams team {} of {}: forgot the channels of teams {}", team.getId(),
                tenant.get(), forgotten);
    }

    /** Someone left a team: they are still an employee, so their graph data stays; only noted. */
    private void onMembersRemoved(Activity activity) {
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = ActivityActors.microsoftTenant(activity);
        if (activity.getMembersRemoved() == null || microsoftTenant == null) {
            return;
        }
        Optional<TenantId> tenant = graph.tenantForMicrosoft(microsoftTenant);
        if (tenant.isEmpty()) {
            return;
        }
        for (ChannelAccount removed : activity.getMembersRemoved()) {
            if (removed == null || removed.getId() == null || !removed.getId().startsWith("29:")) {
                continue;
            }
            String aad = removed.getAadObjectId();
            Optional<PersonId> known = aad == null || aad.isBlank() ? Optional.empty()
                    : people.known(tenant.get(), aad);
            log.info("{} left Teams team {} of {}; Handoff keeps what it knows about them",
                    known.map(PersonId::value).orElse("A colleague unknown to Handoff"),
                    team == null ? "?" : team.getId(), tenant.get());
        }
    }

    /**
     * Colleagues added to a team after Handoff was installed there: Teams names them by id only, so each one's details
     * are asked of the connector ({@code GET /v3/conversations/{team}/members/{member}}) in the background, after
     * Teams got its answer, and saved exactly as the roster import saves a member. Someone already linked is not
     * asked again (a repeated activity changes nothing); a connector error skips that member and is logged.
     */
    private void onMembersAdded(TurnContext turn) {
        Activity activity = turn.getActivity();
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = ActivityActors.microsoftTenant(activity);
        if (team == null || team.getId() == null || microsoftTenant == null || activity.getMembersAdded() == null) {
            return;
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        List<String> unknown = new ArrayList<>();
        for (ChannelAccount added : activity.getMembersAdded()) {
            if (added == null || added.getId() == null || !added.getId().startsWith("29:")) {
                continue; // bots (28:) and blanks are not colleagues
            }
            String aad = added.getAadObjectId();
            Optional<PersonId> known = aad == null || aad.isBlank() ? Optional.empty() : people.known(tenant, aad);
            if (known.isPresent()) {
                addresses.rememberUserId(tenant, known.get(), added.getId());
            } else {
                unknown.add(added.getId());
            }
        }
        if (!unknown.isEmpty()) {
            rosters.fetchJoiners(tenant, activity.getConversationReference(), team.getId(), unknown);
        }
    }

    void onInstallationUpdate(TurnContext turn) {
        String action = turn.getActivity().getAction();
        if (action != null && action.toLowerCase(Locale.ROOT).startsWith("add")) {
            actors.actor(turn);
        }
    }

    private void onInstalled(TurnContext turn) {
        Activity activity = turn.getActivity();
        TeamInfo team = activity.teamsGetTeamInfo();
        String microsoftTenant = ActivityActors.microsoftTenant(activity);
        if (microsoftTenant == null) {
            return;
        }
        TenantId tenant = people.tenant(microsoftTenant, null);
        addresses.rememberServiceUrl(tenant, activity.getServiceUrl());
        if (team == null || team.getId() == null) {
            actors.actor(turn).ifPresent(installer ->
                    messages.sendHome(reply -> turn.sendActivity(reply).join(), installer));
            return;
        }
        // Someone new to Handoff is resolved by the import (with their email from the roster), not here: asking the
        // connector for them would hold Teams' answer up again.
        ChannelAccount from = activity.getFrom();
        if (from != null && from.getAadObjectId() != null && !from.getAadObjectId().isBlank()
                && people.known(tenant, from.getAadObjectId()).isPresent()) {
            actors.actor(turn);
        }
        String name = team.getName() == null || team.getName().isBlank() ? "this team" : team.getName();
        // the import's own note ("added N colleagues") is posted only once this welcome has gone (or failed)
        CompletableFuture<Void> welcomed = new CompletableFuture<>();
        try {
            MsTeamsRosterImports.Start start = rosters.importRoster(tenant, activity.getConversationReference(),
                    team.getId(), name, welcomed);
            if (start == MsTeamsRosterImports.Start.ALREADY_CLAIMED) {
                return; // Teams sent the install again: the first one is being answered
            }
            Paragraph roster = start == MsTeamsRosterImports.Start.STARTED
                    ? Paragraph.of("Handoff is adding the team's colleagues now and will say here when they are in.")
                    : Paragraph.of("Handoff is adding many teams at once and could not add this team's colleagues "
                            + "now: remove Handoff from the team and add it again in a few minutes.");
            MessageHandler.send(turn, MsTeamsMessages.message(new Message("Handoff is installed", List.of(
                    Paragraph.builder().plain("Handoff is installed in ").strong(name).plain(".").build(),
                    roster,
                    Paragraph.builder().plain("Open a personal chat with Handoff and say ").strong("customers")
                            .plain(" to name who depends on your work.").build()))));
        } finally {
            welcomed.complete(null);
        }
    }
}
