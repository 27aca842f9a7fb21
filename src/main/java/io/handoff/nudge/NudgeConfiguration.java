package io.handoff.nudge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.delivery.Outbox;
import redis.clients.jedis.UnifiedJedis;

/**
 * The engagement policy shared by every feature that prompts people (polls, story prompts, reminders, report digests)
 * and the {@link Nudges} port they send through.
 */
@Configuration(proxyBeanMethods = false)
class NudgeConfiguration {

    @Bean
    Engagement engagement(UnifiedJedis redis) {
        return new Engagement(redis);
    }

    /** Every feature's prompts go out through this one port: the outbox, as nudges. */
    @Bean
    Nudges nudges(Outbox outbox) {
        return new OutboxNudges(outbox);
    }
}
