package io.handoff.msteams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.handoff.chat.Acknowledgements;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.chat.port.PlatformSender;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;
import io.handoff.map.MapAccess;
import io.handoff.map.MapLinks;
import io.handoff.map.MapProperties;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** The Teams adapter; present only when MICROSOFT_APP_ID is set, so Handoff starts without Teams credentials. */
@Configuration(proxyBeanMethods = false)
@Conditional(MsTeamsConfiguration.TeamsConfigured.class)
class MsTeamsConfiguration {

    @Bean
    MsTeamsAdapter teamsAdapter(MsTeamsProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ClientCredentialsToken credentials = new ClientCredentialsToken(properties.appId().strip(),
                properties.appPassword(), URI.create(properties.tokenUrl()), http, Clock.systemUTC());
        return new MsTeamsAdapter(credentials, properties);
    }

    /**
     * The keys that sign incoming tokens, loaded while the app starts rather than on the first activity; then the
     * outgoing token and the activity code path, once.
     */
    @Bean
    SigningKeysWarmUp teamsSigningKeysWarmUp(MsTeamsProperties properties, MsTeamsAdapter adapter) {
        return new SigningKeysWarmUp(properties.openIdMetadataUrl(), new ActivityWarmUp(adapter.credentials()));
    }

    /** The request path and the connector calls of a first answer, run once over loopback when the app is ready. */
    @Bean
    LoopbackWarmUp teamsLoopbackWarmUp(MsTeamsAdapter adapter) {
        return new LoopbackWarmUp(adapter);
    }

    /** The checks of /api/messages that run before the SDK (channel, serviceUrl, token issuer, tenant, ids). */
    @Bean
    MsTeamsRequestGate teamsRequestGate(MsTeamsProperties properties) {
        return new MsTeamsRequestGate(properties);
    }

    /** The messaging endpoint, a plain servlet (see {@link MsTeamsHttpServlet} for why not a controller). */
    @Bean
    ServletRegistrationBean<MsTeamsHttpServlet> teamsServlet(MsTeamsAdapter adapter, MsTeamsBot bot,
                                                             MsTeamsRequestGate gate, MeterRegistry meters,
                                                             Acknowledgements acknowledgements) {
        ServletRegistrationBean<MsTeamsHttpServlet> registration = new ServletRegistrationBean<>(
                new MsTeamsHttpServlet(adapter, bot, gate, meters, acknowledgements), MsTeamsHttpServlet.PATH);
        registration.setName("teams");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ConversationReferences teamsConversationReferences(UnifiedJedis redis) {
        return new ConversationReferences(redis);
    }

    @Bean
    MsTeamsPersonalData teamsPersonalData(UnifiedJedis redis, ConversationReferences references) {
        return new MsTeamsPersonalData(redis, references);
    }

    @Bean
    MsTeamsFiles teamsFiles(UnifiedJedis redis, MapLinks links, MapProperties maps) {
        return new MsTeamsFiles(redis, links, maps.publicUrl(), Clock.systemUTC());
    }

    @Bean
    MsTeamsAddresses teamsAddresses(UnifiedJedis redis) {
        return new MsTeamsAddresses(redis);
    }

    @Bean
    MsTeamsSender teamsSender(MsTeamsAdapter adapter, MsTeamsProperties properties, ConversationReferences references,
                            MsTeamsFiles files, GraphStore graph, MsTeamsAddresses addresses) {
        String appId = properties.appId().strip();
        return new MsTeamsSender(adapter, appId, references, files, new PersonalChats(adapter, appId, graph, references,
                addresses, properties.defaultServiceUrl()));
    }

    @Bean(destroyMethod = "close")
    MsTeamsNotifications teamsNotifications(Delivery delivery, List<PlatformSender> senders, GraphStore graph,
                                          UnifiedJedis redis) {
        return new MsTeamsNotifications(delivery, senders, graph, redis, Clock.systemUTC());
    }

    /** Team channels (stories shared with a team, friction digests), set with team-channel in a Teams channel. */
    @Bean
    MsTeamsChannels msTeamsChannels(MsTeamsAdapter adapter, UnifiedJedis redis, MsTeamsFiles files,
                                        ExecutorService teamsChannelPosts) {
        return new MsTeamsChannels(adapter, redis, files, teamsChannelPosts);
    }

    /** Handoff admins: who may say team-channel on Teams. */
    @Bean
    MsTeamsAdmins msTeamsAdmins(MapAccess access) {
        return new MsTeamsAdmins(access);
    }

    /** One thread posts to team channels, after the activity that caused the post was answered. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService teamsChannelPosts() {
        return MsTeamsContext.carryingContext(
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "teams-channel-posts")));
    }

    /**
     * One thread remembers what a message activity told about its sender (conversation reference, addresses, Teams as
     * the platform used last) once the activity was handled, so the Bot Framework's answer does not wait for it.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService teamsAfterTurn() {
        return MsTeamsContext.carryingContext(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "teams-after-turn");
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Bean
    MsTeamsBot teamsBot(ChatBot chat, GraphStore graph, UnifiedJedis redis, ConversationReferences references,
                      PlatformPreference platformPreference, MsTeamsNotifications notifications, MsTeamsSender sender,
                      MsTeamsFiles files, MsTeamsAddresses addresses, MsTeamsChannels teamChannels,
                      MsTeamsRosterImports teamsRosterImports, ExecutorService teamsAfterTurn) {
        return new MsTeamsBot(chat, graph, new MsTeamsPeople(graph, Clock.systemUTC()), references, new SentForms(redis),
                platformPreference, notifications, sender, files, addresses, teamChannels, teamsRosterImports,
                teamsAfterTurn);
    }

    /**
     * Team rosters (install) and joiners read from the connector after Teams got its answer: two threads, at most
     * 100 queued jobs; running imports get 10 s to finish at shutdown.
     */
    @Bean(destroyMethod = "close")
    MsTeamsRosterImports teamsRosterImports(MsTeamsAdapter adapter, MsTeamsProperties properties, GraphStore graph,
                                          MsTeamsAddresses addresses, UnifiedJedis redis) {
        return new MsTeamsRosterImports(adapter, properties.appId().strip(), new MsTeamsPeople(graph, Clock.systemUTC()),
                addresses, redis, 2, 100);
    }

    /** Out of office from Teams presence (Graph, Presence.Read.All); off with handoff.teams.presence-enabled=false. */
    @Bean
    @ConditionalOnProperty(name = "handoff.teams.presence-enabled", havingValue = "true", matchIfMissing = true)
    MsTeamsAvailability teamsAvailability(MsTeamsProperties properties, GraphStore graph, UnifiedJedis redis,
                                        MeterRegistry meters) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        GraphTokens tokens = new GraphTokens(properties.appId().strip(), properties.appPassword(),
                properties.loginUrl(), http, Clock.systemUTC());
        return new MsTeamsAvailability(graph, tokens, properties.graphUrl(), http, redis, meters);
    }

    /** "Let's talk" on Teams: each of the two gets a deep link that starts the chat. */
    @Bean
    MsTeamsGroupChats teamsGroupChats() {
        return new MsTeamsGroupChats();
    }

    /** True when handoff.teams.app-id (MICROSOFT_APP_ID) is set to something other than blanks. */
    static class TeamsConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String appId = context.getEnvironment().getProperty("handoff.teams.app-id", "");
            return appId.isBlank() ? ConditionOutcome.noMatch("MICROSOFT_APP_ID is not set")
                    : ConditionOutcome.match("MICROSOFT_APP_ID is set");
        }
    }
}
