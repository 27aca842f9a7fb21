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
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;

/**
 * Loads each {@link DemoStory} (the parcel depot, the hospital ward) into its own tenant at start-up when no chat
 * platform credentials are configured (or when HANDOFF_DEMO_MODE=always), with its journey and the depot's friction.
 * An existing story tenant is left as it is, except that sample journeys it does not have yet are added; a tenant
 * that is not there yet gets its admin named in its data ({@link DemoAdmins}), never an existing one.
 */
@Component
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    /** Environment variables whose presence means a real Slack or Teams installation is configured. */
    static final List<String> CHAT_CREDENTIALS = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID",
            "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD");
    /** The single demo tenant of earlier versions, which held both stories. */
    static final TenantId EARLIER_DEMO = TenantId.of("demo");

    private final GraphStore store;
    private final DemoStories stories;
    private final HandoffProperties properties;
    private final Environment environment;
    private final Clock clock;

    DemoLoader(GraphStore store, DemoStories stories, HandoffProperties properties, Environment environment) {
        this.store = store;
        this.stories = stories;
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
        for (DemoStory story : DemoStory.values()) {
            if (store.tenant(story.tenant()).isPresent()) {
                log.info("Demo tenant '{}' already exists; leaving it as it is", story.tenant());
                // journeys came later than the sample organisation: a demo tenant from before gets the ones it lacks
                stories.journeys(story, clock.instant());
            } else {
                stories.load(story, clock.instant());
                log.info("Loaded {} into tenant '{}' (no chat platform credentials configured)", story.title(),
                        story.tenant());
            }
        }
        if (store.tenant(EARLIER_DEMO).isPresent()) {
            log.info("Tenant '{}' holds the demo of an earlier version; the playground now serves '{}' and '{}' and "
                    + "leaves it as it is", EARLIER_DEMO, DemoStory.DEPOT.tenant(), DemoStory.WARD.tenant());
        }
    }
}
