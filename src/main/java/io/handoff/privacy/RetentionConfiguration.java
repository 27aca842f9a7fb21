package io.handoff.privacy;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.graph.Deprovisioning;
import io.handoff.graph.GraphStore;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.TenantJobStarter;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.TenantSettingsStore;

/** Retention: its settings, the daily job, my-data's section, and the deprovisioned hook's default. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {
    @Bean
    SettingGroup retentionSettingGroup() {
        return RetentionSettings.SETTINGS;
    }

    @Bean
    RetentionPersonalData retentionPersonalData(TenantSettingsStore settings, List<ExpiringData> kinds) {
        return new RetentionPersonalData(settings, kinds);
    }

    @Bean
    Retention retention(GraphStore graph, TenantSettingsStore settings, List<ExpiringData> kinds,
                        List<PersonalData> stores, ObjectProvider<Deprovisioning> deprovisioned, Scheduler scheduler) {
        return new Retention(graph, settings, kinds, stores, deprovisioned.getIfAvailable(() -> Deprovisioning.NONE),
                scheduler);
    }

    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    TenantJobStarter retentionStarter(Retention retention, GraphStore graph) {
        return new TenantJobStarter("retention", retention::scheduleNext, graph, Duration.ofMinutes(10));
    }
}
