package io.handoff.roster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.TeamSync;

/** The admins' {@code sync-teams} chat command (the CSV import is the web adapter's). */
@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    @Order(130)
    SyncTeamsFeature syncTeamsFeature(ObjectProvider<TeamSync> syncs, ObjectProvider<PlatformAdmins> admins) {
        return new SyncTeamsFeature(syncs.orderedStream().toList(), admins.orderedStream().toList());
    }
}
