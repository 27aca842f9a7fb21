package io.handoff.empathy;

import io.handoff.nudge.Nudges;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.chat.GroupChats;
import io.handoff.delivery.GroupChatRouter;
import io.handoff.delivery.Outbox;
import io.handoff.friction.AnonymityPolicy;
import io.handoff.nudge.Engagement;
import io.handoff.friction.FrictionFeature;
import io.handoff.friction.FrictionMapScores;
import io.handoff.friction.FrictionPersonalData;
import io.handoff.friction.FrictionService;
import io.handoff.friction.FrictionSettings;
import io.handoff.friction.FrictionStore;
import io.handoff.friction.PollCadence;
import io.handoff.chat.TeamChannels;
import io.handoff.friction.TenantFrictionSettings;
import io.handoff.graph.GraphStore;
import io.handoff.delivery.MessageKind;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.TenantSettings;
import io.handoff.scheduler.TenantJobStarter;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.survey.PreferencesStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Stories, friction polls and the empathy nudges: their stores, conversation features, my-data/forget-me parts, the
 * friction scores for the maps and the daily tick job. Team channels come from the adapters when they offer them.
 */
@Configuration(proxyBeanMethods = false)
public class EmpathyConfiguration {

    /** A tenant's friction settings from its tenant settings (cadences, thresholds, stale-after). */
    static FrictionSettings frictionSettings(TenantSettings settings) {
        return new FrictionSettings(cadence(settings.frictionPollEvery()),
                new AnonymityPolicy(settings.minRespondents(), settings.minCommentRespondents()),
                approximate(settings.staleAfter()), approximate(settings.storyPromptEvery()),
                approximate(settings.surveyReminderEvery()));
    }

    /** Polls run on calendar periods: up to 10 days is weekly, up to 3 weeks fortnightly, longer monthly. */
    static PollCadence cadence(java.time.Period every) {
        long days = approximate(every).toDays();
        return days <= 10 ? PollCadence.WEEKLY : days <= 21 ? PollCadence.FORTNIGHTLY : PollCadence.MONTHLY;
    }

    static Duration approximate(java.time.Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }

    @Bean
    TenantFrictionSettings tenantFrictionSettings(TenantSettingsStore settings) {
        return tenant -> frictionSettings(settings.settings(tenant));
    }

    @Bean
    FrictionStore frictionStore(UnifiedJedis redis) {
        return new FrictionStore(redis);
    }

    @Bean
    Engagement engagement(UnifiedJedis redis) {
        return new Engagement(redis);
    }

    @Bean
    FrictionService frictionService(GraphStore graph, FrictionStore store, Engagement engagement,
                                    TenantFrictionSettings settings, Clock clock) {
        return new FrictionService(graph, store, engagement, settings, clock, new SecureRandom());
    }

    @Bean
    @Order(20)
    FrictionFeature frictionFeature(FrictionService friction) {
        return new FrictionFeature(friction);
    }

    @Bean
    FrictionMapScores frictionScores(GraphStore graph, FrictionService friction) {
        return new FrictionMapScores(graph, friction);
    }

    @Bean
    FrictionPersonalData frictionPersonalData(GraphStore graph, FrictionStore store, Engagement engagement) {
        return new FrictionPersonalData(graph, store, engagement);
    }

    @Bean
    StoryStore storyStore(UnifiedJedis redis) {
        return new StoryStore(redis);
    }

    @Bean
    StoryPrompts storyPrompts(GraphStore graph, StoryStore stories, Clock clock) {
        return new StoryPrompts(graph, stories, clock);
    }

    @Bean
    @Order(10)
    StoryFeature storyFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                              TeamChannels channels, ObjectProvider<GroupChatRouter> groupChats, Clock clock) {
        GroupChats router = groupChats.getIfAvailable();
        return new StoryFeature(graph, stories, prompts, engagement, channels,
                router == null ? GroupChats.NONE : router, clock);
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

    @Bean
    SignalStore signalStore(UnifiedJedis redis) {
        return new SignalStore(redis);
    }

    @Bean
    EmpathySignals empathySignals(GraphStore graph, StoryStore stories, FrictionService friction, SignalStore store,
                                  Clock clock) {
        return new EmpathySignals(graph, stories, friction, store, clock);
    }

    @Bean
    EmpathyTick empathyTick(GraphStore graph, FrictionService friction, StoryPrompts prompts, EmpathySignals signals,
                            Engagement engagement, Outbox outbox, TeamChannels channels,
                            Scheduler scheduler, Clock clock) {
        Nudges nudges = (tenant, notification, notBefore) ->
                outbox.enqueue(tenant, notification, notification.key(), MessageKind.NUDGE, notBefore);
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
