package io.handoff.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.handoff.chat.port.PlatformSender;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Which platform reaches a person: the one they chose, else the one they last answered on, else any that can reach
 * them. Adapters call {@link #touched} whenever a person interacts (message, button, form), so a person who uses both
 * Slack and Teams hears from Handoff where they actually are. Kept in the hash {@code handoff:{tenant}:platform-choice}
 * (fields {@code <person>:preferred} and {@code <person>:last}).
 */
public class PlatformPreference {
    private final UnifiedJedis redis;

    public PlatformPreference(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "platform-choice");
    }

    /** The person just used Handoff on {@code platform}. Cheap; call it on every interaction. */
    public void touched(TenantId tenant, PersonId person, Platform platform) {
        redis.hset(key(tenant), person.value() + ":last", platform.code());
    }

    /** The person chose where Handoff should reach them; empty clears the choice. */
    public void prefer(TenantId tenant, PersonId person, Optional<Platform> platform) {
        if (platform.isPresent()) {
            redis.hset(key(tenant), person.value() + ":preferred", platform.get().code());
        } else {
            redis.hdel(key(tenant), person.value() + ":preferred");
        }
    }

    /** Forget-me: removes what is kept about the person here. */
    public void forget(TenantId tenant, PersonId person) {
        redis.hdel(key(tenant), person.value() + ":preferred", person.value() + ":last");
    }

    /** What is kept about the person: "preferred" and/or "last" → platform code. */
    public java.util.Map<String, String> stored(TenantId tenant, PersonId person) {
        List<String> stored = redis.hmget(key(tenant), person.value() + ":preferred", person.value() + ":last");
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        if (stored.get(0) != null) {
            result.put("preferred", stored.get(0));
        }
        if (stored.get(1) != null) {
            result.put("last", stored.get(1));
        }
        return result;
    }

    /**
     * Where the person is: the platform they chose, else the one they last used, else the only platform they have an
     * identity on; empty when none of these tells.
     */
    public Optional<Platform> current(TenantId tenant, Person person) {
        List<String> stored = redis.hmget(key(tenant), person.id().value() + ":preferred", person.id().value() + ":last");
        for (String code : stored) {
            Optional<Platform> platform = platform(code);
            if (platform.isPresent()) {
                return platform;
            }
        }
        return person.identities().size() == 1 ? Optional.of(person.identities().keySet().iterator().next())
                : Optional.empty();
    }

    /** The sender to use for the person, or empty when no platform reaches them. */
    public Optional<PlatformSender> choose(TenantId tenant, Person person, List<PlatformSender> senders) {
        List<String> stored = redis.hmget(key(tenant), person.id().value() + ":preferred", person.id().value() + ":last");
        List<Platform> order = new ArrayList<>();
        for (String code : stored) {
            platform(code).filter(p -> !order.contains(p)).ifPresent(order::add);
        }
        for (Platform platform : order) {
            for (PlatformSender sender : senders) {
                if (sender.platform() == platform && sender.canReach(tenant, person)) {
                    return Optional.of(sender);
                }
            }
        }
        return senders.stream().filter(sender -> sender.canReach(tenant, person)).findFirst();
    }

    private static Optional<Platform> platform(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Platform platform : Platform.values()) {
            if (platform.code().equals(code.toLowerCase(Locale.ROOT))) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
