package io.handoff.journey;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.empathy.EmpathySettings;
import io.handoff.graph.GraphStore;
import io.handoff.map.FrictionScores;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/** Customer journeys: their store and service, the blueprint queries, and the my-data/forget-me part. */
@Configuration(proxyBeanMethods = false)
public class JourneyConfiguration {

    @Bean
    Journeys journeys(UnifiedJedis redis, GraphStore graph) {
        return new Journeys(new JourneyStore(redis), graph);
    }

    @Bean
    JourneyQueries journeyQueries(GraphStore graph, Journeys journeys, ObjectProvider<FrictionScores> friction,
                                  TenantSettingsStore settings, JourneyProperties properties, Clock clock) {
        FrictionScores scores = friction.getIfAvailable(() -> FrictionScores.NONE);
        return new JourneyQueries(graph, journeys, scores, scores::minRespondents,
                tenant -> approximate(settings.settings(tenant).get(EmpathySettings.STALE_AFTER)),
                properties.blueprintDepth(), clock);
    }

    @Bean
    JourneyPersonalData journeyPersonalData(Journeys journeys) {
        return new JourneyPersonalData(journeys);
    }

    /** A calendar period as a duration (months of 30 days), as the other features read stale-after. */
    static Duration approximate(java.time.Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }
}
