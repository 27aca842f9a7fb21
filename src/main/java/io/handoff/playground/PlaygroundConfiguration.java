package io.handoff.playground;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Everything of the playground, present only when it is enabled ({@link PlaygroundEnabled}). */
@Configuration(proxyBeanMethods = false)
@Conditional(PlaygroundEnabled.class)
class PlaygroundConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PlaygroundConfiguration.class);

    @Bean
    PlaygroundInbox playgroundInbox(UnifiedJedis redis, JsonMapper json) {
        return new PlaygroundInbox(redis, json, Clock.systemUTC());
    }

    /** Tells a newcomer where to go, once the server listens. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> playgroundAnnouncement(PlaygroundProperties properties) {
        return event -> log.info("Playground ready: open http://localhost:{}/ in a browser and pick a demo person{}",
                event.getWebServer().getPort(), properties.allowRemote() ? " (open to other machines)" : "");
    }

    @Bean
    FilterRegistrationBean<LocalOnlyFilter> playgroundLocalOnly(PlaygroundProperties properties) {
        FilterRegistrationBean<LocalOnlyFilter> registration =
                new FilterRegistrationBean<>(new LocalOnlyFilter(properties.allowRemote()));
        registration.addUrlPatterns("/playground/*", "/");
        return registration;
    }
}
