package io.handoff.nudge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.UnifiedJedis;

/** The engagement policy shared by every feature that prompts people (polls, story prompts, reminders). */
@Configuration(proxyBeanMethods = false)
public class NudgeConfiguration {

    @Bean
    Engagement engagement(UnifiedJedis redis) {
        return new Engagement(redis);
    }
}
