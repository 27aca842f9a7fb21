package io.handoff.friction;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.graph.GraphStore;
import io.handoff.nudge.Engagement;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/** Friction polls: their store, service, conversation feature, my-data/forget-me part and the maps' scores. */
@Configuration(proxyBeanMethods = false)
public class FrictionConfiguration {

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
}
