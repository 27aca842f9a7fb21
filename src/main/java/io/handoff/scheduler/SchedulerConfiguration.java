package io.handoff.scheduler;

import java.time.Clock;
import java.time.Duration;
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
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import redis.clients.jedis.UnifiedJedis;

/** The durable scheduler and its worker, and the application's clock. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

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

    /** Jobs carry the trace that queued them; none without a tracer (Micrometer Tracing's bridge). */
    @Bean
    JobTracing jobTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return JobTracing.with(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** Runs the jobs of installed tenants (a tenant removed from the graph gets no more jobs run). */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    SchedulerWorker schedulerWorker(Scheduler scheduler, ObjectProvider<JobHandler> handlers,
                                    SchedulerProperties properties, GraphStore graph,
                                    ObjectProvider<MeterRegistry> meters, JobTracing tracing) {
        return new SchedulerWorker(scheduler, handlers.orderedStream().toList(), properties, () -> {
            Set<TenantId> withJobs = new HashSet<>(scheduler.tenants());
            withJobs.retainAll(graph.tenants());
            return withJobs;
        }, meters.getIfAvailable(SimpleMeterRegistry::new), tracing);
    }

    /** The queue's gauges, read every 15 s (on every replica: each reports the same shared queue). */
    @Bean
    QueueMetrics queueMetrics(Scheduler scheduler, ObjectProvider<MeterRegistry> meters) {
        return new QueueMetrics(scheduler, scheduler::tenants, Duration.ofSeconds(15),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
