package io.handoff.playground;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Everything of the playground, present only when it is enabled ({@link PlaygroundEnabled}). */
@Configuration(proxyBeanMethods = false)
@Conditional(PlaygroundEnabled.class)
class PlaygroundConfiguration {

    @Bean
    PlaygroundInbox playgroundInbox(UnifiedJedis redis, JsonMapper json) {
        return new PlaygroundInbox(redis, json, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<LocalOnlyFilter> playgroundLocalOnly(PlaygroundProperties properties) {
        FilterRegistrationBean<LocalOnlyFilter> registration =
                new FilterRegistrationBean<>(new LocalOnlyFilter(properties.allowRemote()));
        registration.addUrlPatterns("/playground/*", "/");
        return registration;
    }
}
