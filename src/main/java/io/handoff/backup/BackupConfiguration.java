package io.handoff.backup;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.graph.GraphStore;
import io.handoff.scheduler.Scheduler;
import redis.clients.jedis.UnifiedJedis;

/** Tenant export and import ({@code handoff.backup.*}). */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {
    @Bean
    TenantExport tenantExport(UnifiedJedis redis, Clock clock, BackupProperties properties) {
        return new TenantExport(redis, clock, properties);
    }

    @Bean
    TenantImport tenantImport(UnifiedJedis redis, GraphStore graph, Scheduler scheduler, BackupProperties properties) {
        return new TenantImport(redis, graph, scheduler, properties);
    }
}
