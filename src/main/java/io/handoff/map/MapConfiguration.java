package io.handoff.map;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.graph.GraphStore;
import io.handoff.map.export.MapExporter;

/** The maps feature's beans. Friction colours come from a {@link FrictionScores} bean when there is one. */
@Configuration(proxyBeanMethods = false)
public class MapConfiguration {

    @Bean
    MapBuilder mapBuilder(ObjectProvider<FrictionScores> friction, MapProperties properties) {
        return new MapBuilder(friction.getIfAvailable(() -> FrictionScores.NONE), properties.collapseAbove(),
                properties.minRespondents());
    }

    @Bean
    MapService mapService(GraphStore store, MapBuilder builder) {
        return new MapService(store, builder);
    }

    @Bean
    MapAccess mapAccess(GraphStore store, MapProperties properties) {
        return new MapAccess(store, properties.adminsByTenant());
    }

    @Bean
    MapExporter mapExporter() {
        return new MapExporter(new MapRenderer());
    }

    @Bean
    MapLinks mapLinks(MapProperties properties) {
        return MapLinks.fromConfiguration(properties, Clock.systemUTC());
    }

    @Bean
    ManagerReport managerReport(GraphStore store, ObjectProvider<FrictionScores> friction, MapProperties properties) {
        return new ManagerReport(store, friction.getIfAvailable(() -> FrictionScores.NONE), properties.minRespondents());
    }

    @Bean
    @Order(100)
    MapConversation mapConversation(MapService maps, MapAccess access, MapExporter exporter, MapLinks links,
                                    ManagerReport report) {
        return new MapConversation(maps, access, exporter, links, report);
    }
}
