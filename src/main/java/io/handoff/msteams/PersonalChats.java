package io.handoff.msteams;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;

import io.handoff.chat.port.SendFailure;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;

/**
 * Starts the personal (1:1) chat between the bot and someone who never wrote to it, so Handoff can reach everyone in
 * a team where the app is installed, or everyone in an organisation that installed it for all its users.
 *
 * <p>The Bot Connector's "Create conversation" call, as Microsoft documents it for Teams proactive messages
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages, "Create the
 * conversation"; Bot Framework REST API reference, {@code ConversationParameters}):
 * <pre>
 * POST {serviceUrl}/v3/conversations
 * {"bot":{"id":"28:&lt;app id&gt;"},"members":[{"id":"29:&lt;user id&gt; or &lt;Entra object id&gt;"}],
 *  "channelData":{"tenant":{"id":"&lt;tenant id&gt;"}},"isGroup":false,"tenantId":"&lt;tenant id&gt;"}
 * → {"id":"a:…"}   (the conversation id; Teams returns the same chat if it exists)
 * </pre>
 * The {@code 29:} user id (from the team roster) is used when known: Teams accepts the Entra object id only where the
 * app is installed for the user personally, and answers 403 otherwise. The serviceUrl is the organisation's last
 * known one, else the configured global default ({@code https://smba.trafficmanager.net/teams/}). The new chat is
 * stored like one the person opened ({@link ConversationReferences}), so the next message goes straight to it.
 */
final class PersonalChats {
    private static final Logger log = LoggerFactory.getLogger(PersonalChats.class);
    static final String CHANNEL = "msteams";

    private final MsTeamsAdapter adapter;
    private final String botId;
    private final GraphStore graph;
    private final ConversationReferences references;
    private final MsTeamsAddresses addresses;
    private final String defaultServiceUrl;

    PersonalChats(MsTeamsAdapter adapter, String appId, GraphStore graph, ConversationReferences references,
                  MsTeamsAddresses addresses, String defaultServiceUrl) {
        this.adapter = adapter;
        this.botId = "28:" + appId;
        this.graph = graph;
        this.references = references;
        this.addresses = addresses;
        this.defaultServiceUrl = defaultServiceUrl;
    }

    /**
     * Whether a chat could be started: the person has a Teams identity, their organisation is a Microsoft 365 one,
     * and Teams has not recently refused.
     */
    boolean canStart(TenantId tenant, Person person) {
        return person.identities().containsKey(Platform.TEAMS) && !addresses.refusedChat(tenant, person.id())
                && microsoftTenant(tenant).isPresent();
    }

    /**
     * Creates the chat with the connector and stores its reference.
     *
     * @throws SendFailure permanent when Teams refuses (403/404: the app is not installed for the person; 400:
     *                     the request, with Teams' error code and message), else as {@link MsTeamsSender#failure} says
     */
    ConversationReference start(TenantId tenant, Person person) {
        String aadObjectId = person.identities().get(Platform.TEAMS);
        String member = addresses.userId(tenant, person.id()).orElse(aadObjectId);
        String microsoftTenant = microsoftTenant(tenant).orElse(null);
        if (member == null || microsoftTenant == null) {
            throw SendFailure.permanentFailure(person.id() + " has no Teams account in a Microsoft 365 organisation");
        }
        String serviceUrl = addresses.serviceUrl(tenant).orElse(defaultServiceUrl);
        ConversationResourceResponse created;
        try {
            created = adapter.createConversation(serviceUrl, parameters(member, microsoftTenant)).join();
        } catch (CompletionException | IllegalArgumentException e) {
            throw refused(tenant, person, e);
        }
        if (created == null || created.getId() == null || created.getId().isBlank()) {
            throw SendFailure.transientFailure("Teams started no chat with " + person.id(), null);
        }
        ConversationReference reference = reference(created, serviceUrl, member, aadObjectId, microsoftTenant);
        references.save(tenant, person.id(), reference);
        log.info("Started a personal Teams chat with {} of {} through {}", person.id(), tenant,
                reference.getServiceUrl());
        return reference;
    }

    ConversationParameters parameters(String member, String microsoftTenant) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(botId));
        parameters.setMembers(List.of(new ChannelAccount(member)));
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(microsoftTenant));
        parameters.setChannelData(channelData);
        parameters.setTenantId(microsoftTenant);
        return parameters;
    }

    /** The reference as an activity in the new chat would carry it. */
    private ConversationReference reference(ConversationResourceResponse created, String serviceUrl, String member,
                                            String aadObjectId, String microsoftTenant) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId(CHANNEL);
        reference.setServiceUrl(created.getServiceUrl() == null || created.getServiceUrl().isBlank() ? serviceUrl
                : created.getServiceUrl());
        reference.setBot(new ChannelAccount(botId));
        ChannelAccount user = new ChannelAccount(member);
        user.setAadObjectId(aadObjectId);
        reference.setUser(user);
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("personal");
        conversation.setTenantId(microsoftTenant);
        reference.setConversation(conversation);
        return reference;
    }

    private SendFailure refused(TenantId tenant, Person person, RuntimeException thrown) {
        SendFailure failure = MsTeamsSender.failure(thrown, person.id().value());
        if (!failure.permanent() || MsTeamsSender.status(thrown) == 400) {
            return failure; // a 400 is a bad request, not a missing app: dead-lettered with Teams' reason
        }
        String why = "Teams would not start a chat between Handoff and " + person.id() + " (" + failure.getMessage()
                + "): the app is not installed for them. Install it for the organisation (Teams admin center, app "
                + "setup policy) or add it to a team they are in.";
        addresses.noChat(tenant, person.id(), why);
        log.warn("{} (tenant {})", why, tenant);
        return SendFailure.permanentFailure(why);
    }

    private Optional<String> microsoftTenant(TenantId tenant) {
        return graph.tenant(tenant).map(Tenant::microsoftTenantId);
    }
}
