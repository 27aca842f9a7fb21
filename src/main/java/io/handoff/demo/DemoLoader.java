package io.handoff.demo;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.handoff.config.HandoffProperties;
import io.handoff.config.HandoffProperties.DemoMode;
import io.handoff.friction.FrictionService;
import io.handoff.graph.GraphStore;
import io.handoff.journey.Journeys;

/**
 * Loads the {@link SampleOrganisation} into the {@code demo} tenant at start-up when no chat platform credentials
 * are configured (or when HANDOFF_DEMO_MODE=always), with its {@link SampleJourneys} and {@link SampleFriction}. An existing demo tenant is left
 * as it is, except that sample journeys it does not have yet are added.
 */
@Component
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    /** Environment variables whose presence means a real Slack or Teams installation is configured. */
    static final List<String> CHAT_CREDENTIALS = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID",
            "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD");

    private final GraphStore store;
    private final Journeys journeys;
    private final FrictionService friction;
    private final HandoffProperties properties;
    private final Environment environment;
    private final Clock clock;

    DemoLoader(GraphStore store, Journeys journeys, FrictionService friction, HandoffProperties properties,
               Environment environment) {
        this.store = store;
        this.journeys = journeys;
        this.friction = friction;
        this.properties = properties;
        this.environment = environment;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoMode mode = properties.demo().mode();
        boolean chatConfigured = CHAT_CREDENTIALS.stream()
                .anyMatch(name -> !environment.getProperty(name, "").isBlank());
        if (mode == DemoMode.NEVER || (mode == DemoMode.AUTO && chatConfigured)) {
            return;
        }
        if (store.tenant(SampleOrganisation.TENANT).isPresent()) {
            log.info("Demo tenant '{}' already exists; leaving it as it is", SampleOrganisation.TENANT);
        } else {
            SampleOrganisation.load(store, SampleOrganisation.TENANT, clock.instant());
            log.info("Loaded the sample organisation into tenant '{}' (no chat platform credentials configured)",
                    SampleOrganisation.TENANT);
        }
        // journeys came later than the sample organisation: a demo tenant from before gets the ones it lacks
        SampleJourneys.load(journeys, SampleOrganisation.TENANT, clock.instant());
        // and so did the friction story behind the journeys' falling signal (closed periods are left as they are)
        SampleFriction.load(store, friction, SampleOrganisation.TENANT, clock.instant());
    }
}
