package io.handoff.scheduler;

import io.handoff.nudge.Availability;
import io.handoff.nudge.AvailabilityCheck;
import io.handoff.nudge.DecisionLog;
import io.handoff.nudge.DeliveryRules;
import io.handoff.settings.TenantSettingsStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** The durable scheduler and its worker, the per-person delivery rules and the tenant settings. */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    /** The application's time; a playground may replace it with a clock it can move forward. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Scheduler scheduler(UnifiedJedis redis, Clock clock, SchedulerProperties properties) {
        return new Scheduler(redis, clock, properties.doneRetention());
    }

    /** Runs the jobs of installed tenants (a tenant removed from the graph gets no more jobs run). */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    SchedulerWorker schedulerWorker(Scheduler scheduler, ObjectProvider<JobHandler> handlers,
                                    SchedulerProperties properties, GraphStore graph,
                                    ObjectProvider<MeterRegistry> meters) {
        return new SchedulerWorker(scheduler, handlers.orderedStream().toList(), properties, () -> {
            Set<TenantId> withJobs = new HashSet<>(scheduler.tenants());
            withJobs.retainAll(graph.tenants());
            return withJobs;
        }, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    TenantSettingsStore tenantSettingsStore(UnifiedJedis redis) {
        return new TenantSettingsStore(redis);
    }

    @Bean
    DecisionLog decisionLog(UnifiedJedis redis) {
        return new DecisionLog(redis);
    }

    /** Availability checks come from the adapters (Slack status, Teams presence); none means everyone is around. */
    @Bean
    DeliveryRules deliveryRules(UnifiedJedis redis, TenantSettingsStore settings,
                                ObjectProvider<AvailabilityCheck> checks, Clock clock) {
        return new DeliveryRules(redis, settings, checks.orderedStream().toList(), clock);
    }
}
