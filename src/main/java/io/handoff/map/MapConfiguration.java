package io.handoff.map;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.graph.GraphStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.handoff.settings.AdminsInData;
import io.handoff.map.export.MapExporter;
import io.handoff.nudge.Nudges;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.TenantJobStarter;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.TenantSettingsStore;

/** The maps feature's beans. Friction colours come from a {@link FrictionScores} bean when there is one. */
@Configuration(proxyBeanMethods = false)
class MapConfiguration {

    /** The tenant settings the maps own. */
    @Bean
    SettingGroup mapSettingGroup() {
        return MapSettings.SETTINGS;
    }

    /** Maps show friction only from aggregates over at least the tenant's own minimum (friction's setting). */
    @Bean
    MapBuilder mapBuilder(ObjectProvider<FrictionScores> friction, MapProperties properties) {
        FrictionScores scores = friction.getIfAvailable(() -> FrictionScores.NONE);
        return new MapBuilder(scores, properties.collapseAbove(), scores::minRespondents);
    }

    /** The people behind a customer journey come from a {@link JourneyPeople} bean when there is one. */
    @Bean
    MapService mapService(GraphStore store, MapBuilder builder, ObjectProvider<JourneyPeople> journeys) {
        return new MapService(store, builder, journeys.getIfAvailable(() -> JourneyPeople.NONE));
    }

    @Bean
    MapAccess mapAccess(GraphStore store, MapProperties properties, ObjectProvider<AdminsInData> adminsInData) {
        return new MapAccess(store, properties.adminsByTenant(), adminsInData.orderedStream().toList());
    }

    /** The pictures: drawn within the heap's pixel budget, refused after the wait limit, the latest kept. */
    @Bean
    MapExporter mapExporter(MapProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new MapExporter(new MapRenderer(properties.drawWait(), properties.pictureCache().toBytes(),
                meters.getIfAvailable(SimpleMeterRegistry::new)));
    }

    @Bean
    MapLinks mapLinks(MapProperties properties) {
        return MapLinks.fromConfiguration(properties, Clock.systemUTC());
    }

    @Bean
    ManagerReport managerReport(GraphStore store, ObjectProvider<FrictionScores> friction,
                                ObjectProvider<ReportSection> sections, ObjectProvider<ReportStep> steps) {
        FrictionScores scores = friction.getIfAvailable(() -> FrictionScores.NONE);
        return new ManagerReport(store, scores, sections.orderedStream().toList(), steps.orderedStream().toList());
    }

    @Bean
    ReportDigest reportDigest(GraphStore store, MapAccess access, ManagerReport report, TenantSettingsStore settings,
                              Nudges nudges, Scheduler scheduler) {
        return new ReportDigest(store, access, report, settings, nudges, scheduler);
    }

    /** Keeps every tenant's next weekly report digest scheduled (idempotent, so every replica may run it). */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    TenantJobStarter reportDigestStarter(ReportDigest digest, GraphStore store) {
        return new TenantJobStarter("report-digest", digest::scheduleNext, store, Duration.ofMinutes(10));
    }

    @Bean
    @Order(100)
    MapConversation mapConversation(MapService maps, MapAccess access, MapExporter exporter, MapLinks links,
                                    ManagerReport report) {
        return new MapConversation(maps, access, exporter, links, report);
    }
}
