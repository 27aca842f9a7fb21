package io.handoff.slack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.MultiTeamsAuthorization;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.crypto.EncryptionKeys;
import io.handoff.crypto.SecretBox;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;
import io.handoff.map.MapProperties;
import io.handoff.chat.Acknowledgements;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Slack adapter, on when Slack is configured. One workspace: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET. Many
 * workspaces: SLACK_CLIENT_ID + SLACK_CLIENT_SECRET (+ signing secret), installed through {@code /slack/install}.
 * Socket Mode instead of HTTP: SLACK_APP_TOKEN. The Web API base URL comes from SLACK_API_URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);
    /** The bot scopes Handoff uses (same as manifests/slack/manifest.yaml). */
    static final String SCOPES = "commands,chat:write,im:write,im:history,users:read,users:read.email,"
            + "usergroups:read,files:write,users.profile:read,mpim:write";
    static final String EVENTS_PATH = "/slack/events";
    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";

    @Bean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        return Slack.getInstance(config);
    }

    /**
     * Many workspaces (OAuth): their tokens are stored in Redis, sealed with HANDOFF_ENCRYPTION_KEY (required with a
     * shared Redis; a development key in the data folder with the embedded one), and plaintext installations of
     * earlier versions are sealed now. One workspace: the token comes from SLACK_BOT_TOKEN and nothing is stored.
     */
    @Bean
    RedisInstallationService slackInstallations(UnifiedJedis redis, SlackProperties properties, EncryptionKeys keys) {
        if (!properties.oauth()) {
            return new RedisInstallationService(redis, keys.configured().orElseGet(SecretBox::ephemeral));
        }
        RedisInstallationService installations = new RedisInstallationService(redis,
                keys.required("Slack OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"));
        RedisInstallationService.Migration migration = installations.sealStoredInstallations();
        if (migration.sealed() + migration.resealed() + migration.unreadable() > 0) {
            log.info("Slack installations in Redis: {} plaintext sealed, {} re-sealed with the current key, {} unreadable",
                    migration.sealed(), migration.resealed(), migration.unreadable());
        }
        return installations;
    }

    @Bean
    SlackWorkspaces slackWorkspaces(GraphStore graph, SlackProperties properties,
                                    RedisInstallationService installations) {
        return new SlackWorkspaces(graph, properties, installations, Clock.systemUTC());
    }

    @Bean
    SlackPeople slackPeople(GraphStore graph) {
        return new SlackPeople(graph);
    }

    /** Looks up the Slack users a modal names, a few in parallel, within the submission's acknowledgement. */
    @Bean(destroyMethod = "close")
    SlackUserLookups slackUserLookups(GraphStore graph, SlackPeople people) {
        return new SlackUserLookups(graph, people);
    }

    @Bean
    SlackRoster slackRoster(GraphStore graph, SlackPeople people) {
        return new SlackRoster(graph, people);
    }

    @Bean
    SlackSender slackSender(Slack slack, SlackWorkspaces workspaces) {
        return new SlackSender(slack, workspaces);
    }

    /** Out of office from Slack statuses, consulted by the nudge delivery rules. */
    @Bean
    SlackAvailability slackAvailability(Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis) {
        return new SlackAvailability(slack, workspaces, redis, Clock.systemUTC());
    }

    /** Team channels (stories shared with a team, friction digests), set with /handoff team-channel. */
    @Bean
    SlackTeamChannels slackTeamChannels(Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis,
                                        ExecutorService slackChannelPosts) {
        return new SlackTeamChannels(slack, workspaces, redis, slackChannelPosts);
    }

    /** Workspace admins and owners: who may say team-channel and sync-teams on Slack. */
    @Bean
    SlackAdmins slackAdmins(GraphStore graph, Slack slack, SlackWorkspaces workspaces) {
        return new SlackAdmins(graph, slack, workspaces);
    }

    /** /handoff sync-teams: teams from the workspace's user groups, read after the command was answered. */
    @Bean
    SlackTeamSync slackTeamSync(SlackRoster roster, Slack slack, SlackWorkspaces workspaces,
                                ExecutorService slackTeamSyncs) {
        return new SlackTeamSync(roster, slack, workspaces, slackTeamSyncs);
    }

    /** One thread reads user groups for sync-teams (a sync makes a few calls per group). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService slackTeamSyncs() {
        return SlackTracedExecutors.carryingContext(
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "slack-team-syncs")));
    }

    /** "Let's talk": the multi-person DM of the two and the app, with the opening posted in it. */
    @Bean
    SlackGroupChats slackGroupChats(GraphStore graph, Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis,
                                    ExecutorService slackGroupChatCalls, Delivery delivery) {
        return new SlackGroupChats(graph, slack, workspaces, redis, slackGroupChatCalls, delivery);
    }

    /** Runs the group-chat calls after the button is answered, so a slow Slack never holds the answer. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService slackGroupChatCalls() {
        return SlackTracedExecutors.carryingContext(
                Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "slack-group-chats")));
    }

    /** One thread posts to team channels, after the request that caused the post was acknowledged. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService slackChannelPosts() {
        return SlackTracedExecutors.carryingContext(
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "slack-channel-posts")));
    }

    @Bean(destroyMethod = "stop")
    App slackApp(SlackProperties properties, Slack slack, UnifiedJedis redis, RedisInstallationService installations,
                 SlackWorkspaces workspaces, SlackPeople people, SlackRoster roster, ChatBot bot, Delivery delivery,
                 PlatformPreference platformPreference, MapProperties maps, SlackUserLookups lookups) {
        boolean oauth = properties.oauth();
        String botToken = SlackWorkspaces.blankToNull(properties.botToken());
        if (!oauth && botToken == null) {
            throw new IllegalStateException("Slack is configured without a way to call it: set SLACK_BOT_TOKEN (one "
                    + "workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (many workspaces)");
        }
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(SlackWorkspaces.blankToNull(properties.signingSecret()))
                .verificationToken(null)
                .singleTeamBotToken(oauth ? null : botToken)
                .clientId(oauth ? properties.clientId() : null)
                .clientSecret(oauth ? properties.clientSecret() : null)
                .scope(SCOPES)
                .userScope(null)
                .redirectUri(null)
                .oauthInstallPath(INSTALL_PATH)
                .oauthRedirectUriPath(REDIRECT_PATH)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .authTestCacheEnabled(true)
                // SlackHttpServlet verifies every HTTP request over its raw bytes; Socket Mode needs no signature
                .requestVerificationEnabled(false)
                .subtypedMessageEventsAutoAckEnabled(true)
                // events of types Handoff has no listener for (team_join, user_change …): 200 and one debug line
                .allEventsApiAutoAckEnabled(true)
                // every id Slack sends is matched by a listener or a catch-all: what is left lacks its id (no command,
                // no callback_id, several actions at once) and is not a request Slack sends
                .unmatchedRequestHandler(request -> Response.json(400, "{\"error\":\"malformed request\"}"))
                .build();
        // the work after each acknowledgement runs in the request's trace
        config.setExecutorServiceProvider(new SlackTracedExecutors(config.getExecutorServiceProvider()));
        config.setOauthStartPath(INSTALL_PATH);
        config.setOauthCallbackPath(REDIRECT_PATH);
        App app = oauth ? withNotInstalledAnswer(config, installations, slack, maps) : new App(config);
        app.service(installations);
        if (oauth) {
            app.asOAuthApp(true);
            app.service(new RedisOAuthStateService(redis));
            app.oauthPersistenceCallback(args -> {
                Installer installer = args.getInstaller();
                OAuthV2AccessResponse access = args.getApiResponse();
                boolean org = Boolean.TRUE.equals(installer.getIsEnterpriseInstall());
                String name = org ? (access.getEnterprise() == null ? null : access.getEnterprise().getName())
                        : (access.getTeam() == null ? null : access.getTeam().getName());
                SlackWorkspaces.Registration registration = workspaces.register(installer.getEnterpriseId(),
                        installer.getTeamId(), org, name);
                log.info("Slack installed in {} (tenant {})", org ? installer.getEnterpriseId() : installer.getTeamId(),
                        registration.tenant());
                app.executorService().execute(() -> {
                    try {
                        roster.sync(registration.tenant(), slack.methods(installer.getBotAccessToken()));
                    } catch (RuntimeException e) {
                        log.warn("Syncing user groups after the install of tenant {} failed", registration.tenant(), e);
                    }
                });
                args.getResponse().setStatusCode(200);
                args.getResponse().setContentType("text/html; charset=utf-8");
                args.getResponse().setBody(args.getPageRenderer().renderSuccessPage(installer,
                        args.getAppConfig().getOauthCompletionUrl()));
            });
        }
        new SlackListeners(bot, delivery, workspaces, people, roster, new SlackEventDedup(redis), platformPreference,
                app.executorService(), lookups, new SlackModalOrigin(properties.responseUrlBase()), properties.ackWait())
                .registerOn(app);
        SlackIgnoredRequests.registerOn(app);
        app.start(); // one workspace: checks the bot token with auth.test now rather than on the first request
        return app;
    }

    /**
     * Many workspaces: an App whose requests from a workspace without an installation are answered by
     * {@link SlackNotInstalled}, placed just before Bolt's authorization (which would post to the response_url while
     * the request waits, and fail it when that post fails).
     */
    private static App withNotInstalledAnswer(AppConfig config, RedisInstallationService installations, Slack slack,
                                              MapProperties maps) {
        return new App(config) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(AppConfig appConfig) {
                List<Middleware> middlewares = new ArrayList<>(super.buildDefaultMiddlewareList(appConfig));
                int authorization = 0;
                while (authorization < middlewares.size()
                        && !(middlewares.get(authorization) instanceof MultiTeamsAuthorization)) {
                    authorization++;
                }
                middlewares.add(authorization, new SlackNotInstalled(installations, slack, executorService(),
                        maps.publicUrl()));
                return middlewares;
            }
        };
    }

    @Bean
    ServletRegistrationBean<SlackHttpServlet> slackServlet(App app, SlackProperties properties, MeterRegistry meters,
                                                           Acknowledgements acknowledgements) {
        String secret = SlackWorkspaces.blankToNull(properties.signingSecret());
        SlackHttpServlet servlet = new SlackHttpServlet(app,
                new SlackRequestVerifier(secret == null ? "-" : secret, Clock.systemUTC()), meters, acknowledgements);
        List<String> paths = new ArrayList<>(List.of(EVENTS_PATH));
        if (properties.oauth()) {
            paths.addAll(List.of(INSTALL_PATH, REDIRECT_PATH));
        }
        ServletRegistrationBean<SlackHttpServlet> registration =
                new ServletRegistrationBean<>(servlet, paths.toArray(String[]::new));
        registration.setName("slack");
        registration.setLoadOnStartup(1);
        // without a signing secret (Socket Mode only) no request could be verified: Slack's HTTP paths stay off
        registration.setEnabled(secret != null);
        return registration;
    }

    /** On shutdown, lets the work queued after acks (notifications, DMs, Home tabs) finish for a few seconds. */
    @Bean
    DisposableBean slackAfterAckDrain(App app) {
        return () -> {
            app.executorService().shutdown();
            if (!app.executorService().awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Slack work still queued at shutdown was dropped: {} tasks",
                        app.executorService().shutdownNow().size());
            }
        };
    }

    @Bean
    @ConditionalOnExpression("!'${handoff.slack.app-token:}'.isBlank()")
    SlackSocketMode slackSocketMode(SlackProperties properties, App app) {
        return new SlackSocketMode(properties.appToken(), app);
    }
}
