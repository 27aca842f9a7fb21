package io.handoff.playground;

import java.time.Clock;
import java.util.List;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.demo.DemoStory;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground's "platform": messages Handoff sends to a demo person land in their inbox, a capped Redis list
 * ({@code handoff:{depot}:playground:inbox:<person>}, newest first), so you can switch to that colleague and answer.
 */
final class PlaygroundInbox implements PlatformSender {
    static final int KEEP = 100;

    private final UnifiedJedis redis;
    private final JsonMapper json;
    private final Clock clock;

    PlaygroundInbox(UnifiedJedis redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.PLAYGROUND;
    }

    @Override
    public boolean canReach(TenantId tenant, Person recipient) {
        return DemoStory.isDemo(tenant);
    }

    @Override
    public void send(TenantId tenant, Person recipient, Message message) {
        String key = key(tenant, recipient.id());
        try (AbstractPipeline pipeline = redis.pipelined()) { // one round trip; a crash between them only keeps more
            pipeline.lpush(key, json.writeValueAsString(ViewRenderer.message(message, clock.instant())));
            pipeline.ltrim(key, 0, KEEP - 1);
            pipeline.sync();
        }
    }

    List<View.Message> messages(TenantId tenant, PersonId person) {
        return redis.lrange(key(tenant, person), 0, KEEP - 1).stream()
                .map(entry -> json.readValue(entry, View.Message.class)).toList();
    }

    void clear(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }

    private static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "playground:inbox:" + person.value());
    }
}
