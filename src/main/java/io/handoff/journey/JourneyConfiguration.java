package io.handoff.journey;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.empathy.EmpathySettings;
import io.handoff.empathy.RelayedStories;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.GraphStore;
import io.handoff.map.JourneyPeople;
import io.handoff.map.MapAccess;
import io.handoff.map.MapLinks;
import io.handoff.map.export.MapExporter;
import io.handoff.nudge.Nudges;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.TenantJobStarter;
import io.handoff.settings.SettingGroup;
import io.handoff.map.FrictionScores;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/** Customer journeys: their store and service, the blueprint queries, and the my-data/forget-me part. */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

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
                properties.blueprintDepth(), properties.backstageLimit(), clock);
    }

    /** The tenant settings the journeys own. */
    @Bean
    SettingGroup journeySettingGroup() {
        return JourneySettings.SETTINGS;
    }

    @Bean
    JourneyInsights journeyInsights(Journeys journeys, JourneyQueries queries, TenantSettingsStore settings,
                                    Clock clock) {
        return new JourneyInsights(journeys, queries,
                tenant -> settings.settings(tenant).get(JourneySettings.SIGNAL_FALL), clock);
    }

    /** Where a person's work reaches customers, for the survey's and the stories' prompts (graph's port). */
    @Bean
    CustomerMoments customerMoments(JourneyQueries queries) {
        return queries::moments;
    }

    /** The customer section of the manager's report, with the leaders' walks per touchpoint. */
    @Bean
    CustomerReportSection customerReportSection(GraphStore graph, JourneyInsights insights, WalkStore walks) {
        return new CustomerReportSection(graph, insights, walks::counts);
    }

    @Bean
    VoiceStore voiceStore(UnifiedJedis redis) {
        return new VoiceStore(redis);
    }

    @Bean
    WalkStore walkStore(UnifiedJedis redis) {
        return new WalkStore(redis);
    }

    /** {@code voice}: a front-line owner passes a customer's words up to their suppliers, as stories. */
    @Bean
    @Order(6)
    VoiceFeature voiceFeature(GraphStore graph, Journeys journeys, JourneyQueries queries, VoiceStore voices,
                              RelayedStories relay, Clock clock) {
        return new VoiceFeature(graph, new FrontLineTouchpoints(journeys, queries), voices, relay, clock);
    }

    /** The answers to the leaders' walk invitations. */
    @Bean
    @Order(7)
    WalkFeature walkFeature(GraphStore graph, Journeys journeys, JourneyQueries queries, WalkStore walks,
                            RelayedStories relay, Clock clock) {
        return new WalkFeature(graph, journeys, queries, walks, relay, clock);
    }

    @Bean
    WalkInvitations journeyWalkInvitations(GraphStore graph, JourneyInsights insights, WalkStore walks,
                                           Nudges nudges, Scheduler scheduler, TenantSettingsStore settings) {
        return new WalkInvitations(graph, insights, walks, nudges, scheduler,
                tenant -> settings.settings(tenant).get(JourneySettings.WALK_EVERY));
    }

    /** Keeps every tenant's next daily walk-invitation run scheduled (idempotent, so every replica may run it). */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    TenantJobStarter journeyWalkInvitationsStarter(WalkInvitations invitations, GraphStore graph) {
        return new TenantJobStarter("journey-walk-invitations", invitations::scheduleNext, graph,
                Duration.ofMinutes(10));
    }

    @Bean
    VoicePersonalData voicePersonalData(VoiceStore voices, WalkStore walks) {
        return new VoicePersonalData(voices, walks);
    }

    @Bean
    @Order(5)
    JourneyConversation journeyConversation(GraphStore graph, Journeys journeys, JourneyQueries queries,
                                            JourneyInsights insights, CustomerMoments moments, MapAccess access,
                                            ObjectProvider<FrictionScores> friction, TenantSettingsStore settings,
                                            Clock clock, JourneyForms journeyForms, BlueprintPictures pictures,
                                            MapLinks links) {
        FrictionScores scores = friction.getIfAvailable(() -> FrictionScores.NONE);
        return new JourneyConversation(graph, insights, moments, access, scores::minRespondents,
                tenant -> settings.settings(tenant).get(JourneySettings.SIGNAL_FALL),
                new JourneyConversation.StoryInvitations(graph, journeys, queries, access, clock),
                journeyForms, new BlueprintReply(pictures, links));
    }

    /** {@code journey new} and {@code journey edit <id>}: the admins' forms (their own form prefix). */
    @Bean
    @Order(6)
    JourneyForms journeyForms(Journeys journeys, GraphStore graph, MapAccess access) {
        return new JourneyForms(journeys, graph, access);
    }

    /** The blueprint as a picture and as files, drawn by the maps' renderer. */
    @Bean
    BlueprintPictures blueprintPictures(MapExporter exporter) {
        return new BlueprintPictures(exporter.renderer());
    }

    /** The people behind a journey, for {@code map journey <name>} (the maps' port). */
    @Bean
    JourneyPeople journeyPeople(JourneyInsights insights, JourneyQueries queries) {
        return new JourneyCrew(insights, queries);
    }

    @Bean
    FallNotes journeyFallNotes(GraphStore graph, JourneyInsights insights, Nudges nudges, Scheduler scheduler) {
        return new FallNotes(graph, insights, nudges, scheduler);
    }

    /** Keeps every tenant's next daily fall-note run scheduled (idempotent, so every replica may run it). */
    @Bean
    @ConditionalOnProperty(name = "handoff.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    TenantJobStarter journeyFallNotesStarter(FallNotes notes, GraphStore graph) {
        return new TenantJobStarter("journey-fall-notes", notes::scheduleNext, graph, Duration.ofMinutes(10));
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
