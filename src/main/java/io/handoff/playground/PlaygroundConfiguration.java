package io.handoff.playground;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.handoff.demo.DemoStory;
import io.handoff.empathy.EmpathyTick;
import io.handoff.graph.GraphStore;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Everything of the playground, present only when it is enabled ({@link PlaygroundEnabled}). */
@Configuration(proxyBeanMethods = false)
@Conditional(PlaygroundEnabled.class)
class PlaygroundConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PlaygroundConfiguration.class);

    /** Demo time: the application's clock while the playground is on, so the clock control moves everything. */
    @Bean
    @Primary
    @Conditional(PlaygroundEnabled.DemoClockAllowed.class)
    DemoClock demoClock(UnifiedJedis redis) {
        DemoClockStore store = new DemoClockStore(redis);
        return new DemoClock(Clock.systemUTC(), store.offset(), store::save);
    }

    @Bean
    DemoTime demoTime(Clock clock, ObjectProvider<DemoClock> demoClock, TenantSettingsStore settings) {
        return new DemoTime(clock, Optional.ofNullable(demoClock.getIfAvailable()), settings);
    }

    @Bean
    PlaygroundInbox playgroundInbox(UnifiedJedis redis, JsonMapper json, Clock clock) {
        return new PlaygroundInbox(redis, json, clock);
    }

    /** A fresh playground starts in the demo organisation's working hours. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> playgroundStartsInWorkingHours(DemoTime time, GraphStore graph,
                                                                              EmpathyTick empathyTick) {
        return event -> {
            log.info("Demo time is {} in the demo stories", time.intoWorkingHours(DemoStory.DEPOT.tenant()).local());
            for (DemoStory story : DemoStory.values()) {
                if (graph.tenant(story.tenant()).isPresent()) {
                    empathyTick.scheduleNext(story.tenant());
                }
            }
        };
    }

    /** Tells a newcomer where to go, once the server listens. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> playgroundAnnouncement(PlaygroundProperties properties) {
        return event -> log.info("Playground ready: open http://localhost:{}/ in a browser and pick a story{}",
                event.getWebServer().getPort(), properties.allowRemote() ? " (open to other machines)" : "");
    }
}
