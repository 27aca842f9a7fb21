package io.handoff.empathy;

import io.handoff.graph.TenantId;
import io.handoff.settings.Setting;
import io.handoff.privacy.RetentionSettings;
import io.handoff.privacy.ExpiringData;
import io.handoff.nudge.Engagement;
import io.handoff.nudge.Nudges;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.chat.GroupChats;
import io.handoff.delivery.GroupChatRouter;
import io.handoff.friction.FrictionService;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.GraphStore;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.TenantJobStarter;
import io.handoff.survey.PreferencesStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Stories and the empathy nudges: their stores, conversation features, my-data/forget-me parts and the daily tick
 * job. Team channels come from the adapters when they offer them; friction polls are configured in
 * {@link io.handoff.friction.FrictionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class EmpathyConfiguration {

    /** Retention of stories (the tenant's STORIES), through this module's store. */
    @Bean
    ExpiringData expiringStories(StoryStore store) {
        return new ExpiringData() {
            @Override
            public String kind() {
                return "stories";
            }

            @Override
            public Setting<java.time.Period> keptFor() {
                return RetentionSettings.STORIES;
            }

            @Override
            public int expire(TenantId tenant, java.time.Instant cutoff) {
                return store.expireSentBefore(tenant, cutoff);
            }
        };
    }

    @Bean
    StoryStore storyStore(UnifiedJedis redis) {
        return new StoryStore(redis);
    }

    @Bean
    StoryPrompts storyPrompts(GraphStore graph, StoryStore stories, Clock clock,
                              ObjectProvider<CustomerMoments> moments) {
        return new StoryPrompts(graph, stories, clock, moments.getIfAvailable(() -> CustomerMoments.NONE));
    }

    @Bean
    @Order(10)
    StoryFeature storyFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                              TeamChannels channels, ObjectProvider<GroupChatRouter> groupChats, Clock clock) {
        GroupChats router = groupChats.getIfAvailable();
        return new StoryFeature(graph, stories, prompts, engagement, channels,
                router == null ? GroupChats.NONE : router, clock);
    }

    /** Voices and walks of other features, relayed as stories (reactions, Let's talk, shadowing). */
    @Bean
    RelayedStories relayedStories(GraphStore graph, StoryStore stories, TeamChannels channels,
                                  ObjectProvider<GroupChatRouter> groupChats) {
        GroupChats router = groupChats.getIfAvailable();
        return new RelayedStories(graph, stories, channels, router == null ? GroupChats.NONE : router);
    }

    @Bean
    @Order(30)
    NudgeAnswersFeature nudgeAnswersFeature(GraphStore graph, Engagement engagement, PreferencesStore preferences,
                                            Clock clock) {
        return new NudgeAnswersFeature(graph, engagement, preferences, clock);
    }

    @Bean
    StoryPersonalData storyPersonalData(GraphStore graph, StoryStore stories) {
        return new StoryPersonalData(graph, stories);
    }

    /** The manager report's "ask for a story" step. */
    @Bean
    StoryRequestStep storyRequestStep(GraphStore graph, StoryStore stories, Clock clock,
                                      ObjectProvider<CustomerMoments> moments) {
        return new StoryRequestStep(graph, stories, clock, moments.getIfAvailable(() -> CustomerMoments.NONE));
    }

    /** The manager report's "arrange a shadowing" step. */
    @Bean
    ShadowSuggestionStep shadowSuggestionStep(GraphStore graph, StoryStore stories, Clock clock) {
        return new ShadowSuggestionStep(graph, stories, clock);
    }

    @Bean
    SignalStore signalStore(UnifiedJedis redis) {
        return new SignalStore(redis);
    }

    @Bean
    EmpathySignals empathySignals(GraphStore graph, StoryStore stories, FrictionService friction, SignalStore store,
                                  Clock clock, TenantSettingsStore settings, ObjectProvider<CustomerMoments> moments) {
        return new EmpathySignals(graph, stories, friction, store, clock,
                tenant -> EmpathySettings.of(settings.settings(tenant)),
                moments.getIfAvailable(() -> CustomerMoments.NONE));
    }

    /** The tenant settings the empathy nudges own. */
    @Bean
    SettingGroup empathySettingGroup() {
        return EmpathySettings.SETTINGS;
    }

    @Bean
    EmpathyTick empathyTick(GraphStore graph, FrictionService friction, StoryPrompts prompts, EmpathySignals signals,
                            Engagement engagement, Nudges nudges, TeamChannels channels,
                            Scheduler scheduler, Clock clock) {
        return new EmpathyTick(graph, friction, prompts, signals, engagement, nudges, channels, scheduler, clock);
    }

    /**
     * Makes sure every tenant has its next daily tick (07:00 UTC): at start and every ten minutes, so a tenant
     * installed while the app runs gets its ticks without a restart. Scheduling is idempotent, so every replica may
     * do it.
     */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    TenantJobStarter empathyTickStarter(EmpathyTick tick, GraphStore graph) {
        return new TenantJobStarter("empathy-tick", tick::scheduleNext, graph, Duration.ofMinutes(10));
    }
}
