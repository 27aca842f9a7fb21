package io.handoff.delivery;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.chat.PlatformSender;
import io.handoff.graph.GraphStore;
import io.handoff.nudge.DecisionLog;
import io.handoff.nudge.DeliveryRules;
import io.handoff.nudge.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** The outbox (the application's {@link io.handoff.chat.Delivery}) and what it sends with. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    Outbox outbox(Scheduler scheduler) {
        return new Outbox(scheduler);
    }

    @Bean
    PlatformPreference platformPreference(UnifiedJedis redis) {
        return new PlatformPreference(redis);
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
                              DeliveryMetrics metrics, Clock clock, DeliveryProperties properties) {
        return new OutboxSender(graph, senders.orderedStream().toList(), preference, rateLimits, rules, decisions,
                metrics, clock, properties.maxFailures(), properties.rateLimitedRetries());
    }

    /** my-data and forget-me for delivery's records of a person. */
    @Bean
    DeliveryPersonalData deliveryPersonalData(PlatformPreference preference, DeliveryRules rules,
                                              DecisionLog decisions, Outbox outbox) {
        return new DeliveryPersonalData(preference, rules, decisions, outbox);
    }
}
