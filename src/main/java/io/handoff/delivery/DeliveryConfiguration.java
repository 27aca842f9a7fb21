package io.handoff.delivery;

import io.handoff.graph.TenantId;
import io.handoff.settings.Setting;
import io.handoff.privacy.RetentionSettings;
import io.handoff.privacy.ExpiringData;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;

import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.chat.port.ChannelAssignments;
import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.PlatformGroupChats;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.TeamChannels;
import io.handoff.chat.port.TeamSync;
import io.handoff.graph.Deprovisioning;
import io.handoff.graph.GraphStore;
import io.handoff.scheduler.JobTracing;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.TenantSettingsStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * The outbox (the application's {@link io.handoff.chat.Delivery}), the per-person delivery rules and what it sends
 * with.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** Prompts due together for one person go out as one message, and prompt messages keep the pacing gap apart. */
    @Bean
    PromptPacing promptPacing(UnifiedJedis redis, DeliveryProperties properties) {
        return new PromptPacing(redis, properties.promptGap());
    }

    @Bean
    Outbox outbox(Scheduler scheduler, PromptPacing pacing, JobTracing tracing) {
        return new Outbox(scheduler, pacing, tracing);
    }

    /** Retention of delivery decisions about you (the tenant's DECISION_LOG), through this module's store. */
    @Bean
    ExpiringData expiringDeliveryDecisions(DecisionLog store) {
        return new ExpiringData() {
            @Override
            public String kind() {
                return "delivery decisions about you";
            }

            @Override
            public Setting<java.time.Period> keptFor() {
                return RetentionSettings.DECISION_LOG;
            }

            @Override
            public int expire(TenantId tenant, java.time.Instant cutoff) {
                return store.expireBefore(tenant, cutoff);
            }
        };
    }

    @Bean
    DecisionLog decisionLog(UnifiedJedis redis) {
        return new DecisionLog(redis);
    }

    /** The tenant settings delivery owns. */
    @Bean
    SettingGroup deliverySettingGroup() {
        return DeliverySettings.SETTINGS;
    }

    /**
     * Availability checks come from the adapters (Slack status, Teams presence); none means everyone is around. The
     * pause comes from the survey's preferences; without one nobody is paused. Deprovisioning comes from the SCIM
     * adapter; without it nobody is deprovisioned.
     */
    @Bean
    DeliveryRules deliveryRules(UnifiedJedis redis, TenantSettingsStore settings,
                                ObjectProvider<AvailabilityCheck> checks, ObjectProvider<PauseCheck> pauses,
                                ObjectProvider<Deprovisioning> deprovisioning, Clock clock) {
        return new DeliveryRules(redis, settings, checks.orderedStream().toList(),
                pauses.getIfAvailable(() -> (tenant, person, now) -> false),
                deprovisioning.getIfAvailable(() -> Deprovisioning.NONE), clock);
    }

    @Bean
    PlatformPreference platformPreference(UnifiedJedis redis) {
        return new PlatformPreference(redis);
    }

    /** Group chats ("Let's talk") on the platform both people use, from the adapters that can open them. */
    @Bean
    GroupChatRouter groupChats(PlatformPreference preference, ObjectProvider<PlatformGroupChats> platforms) {
        return new GroupChatRouter(preference, platforms.orderedStream().toList());
    }

    @Bean
    RateLimits rateLimits(UnifiedJedis redis, DeliveryProperties properties) {
        return new RateLimits(redis, RateLimits.platformDefaults(), properties.maxInlineWait());
    }

    @Bean
    DeliveryMetrics deliveryMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DeliveryMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxSender outboxSender(GraphStore graph, ObjectProvider<PlatformSender> senders, PlatformPreference preference,
                              RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions,
                              DeliveryMetrics metrics, Clock clock, DeliveryProperties properties,
                              PromptPacing pacing, Scheduler scheduler, JobTracing tracing) {
        return new OutboxSender(graph, senders.orderedStream().toList(), preference, rateLimits, rules, decisions,
                metrics, clock, properties.maxFailures(), properties.rateLimitedRetries(),
                new OutboxSender.Paced(pacing, scheduler), tracing);
    }

    /**
     * The one {@link TeamChannels} the core features get: every adapter's team channels (Slack, Teams), none when no
     * chat platform is configured. The adapters' own beans are collected here (Spring leaves this bean out of the
     * list it is built from) and are not injected anywhere else as {@code TeamChannels}.
     */
    @Bean
    @Primary
    AllTeamChannels teamChannels(List<TeamChannels> platforms) {
        return new AllTeamChannels(platforms);
    }

    /** The admins' {@code team-channel} command on every platform whose adapter stores team channels. */
    @Bean
    @Order(120)
    TeamChannelFeature teamChannelFeature(GraphStore graph, ObjectProvider<ChannelAssignments> assignments,
                                          ObjectProvider<PlatformAdmins> admins, ObjectProvider<TeamSync> syncs) {
        return new TeamChannelFeature(graph, assignments.orderedStream().toList(), admins.orderedStream().toList(),
                syncs.orderedStream().toList());
    }

    /** my-data and forget-me for delivery's records of a person. */
    @Bean
    DeliveryPersonalData deliveryPersonalData(PlatformPreference preference, DeliveryRules rules,
                                              DecisionLog decisions, Outbox outbox, GraphStore graph,
                                              PromptPacing pacing) {
        return new DeliveryPersonalData(preference, rules, decisions, outbox, graph, pacing);
    }
}
