package io.handoff.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.settings.AdminsInData;
import redis.clients.jedis.UnifiedJedis;

/**
 * A demo story's admin, kept in its demo data ({@code handoff:{depot}:demo:admins}, a set of person ids). Only
 * {@link DemoStories} writes it, when it loads a story into its own tenant, and it is read only for the story tenants:
 * no setting, command or API names admins here, so nobody becomes an admin of a real tenant through it.
 */
@Component
public class DemoAdmins implements AdminsInData {
    private final UnifiedJedis redis;

    DemoAdmins(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public List<PersonId> admins(TenantId tenant) {
        if (!DemoStory.isDemo(tenant)) {
            return List.of();
        }
        return redis.smembers(key(tenant)).stream().sorted().map(PersonId::of).toList();
    }

    void name(DemoStory story) {
        redis.sadd(key(story.tenant()), story.admin().value());
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "demo:admins");
    }
}
