package io.handoff.playground;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.demo.DemoStory;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground's "platform": messages Handoff sends to a demo person land in their inbox, a capped Redis list
 * ({@code handoff:{depot}:playground:inbox:<person>}, newest first), so you can switch to that colleague and answer.
 */
final class PlaygroundInbox implements PlatformSender {
    static final int KEEP = 100;
    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-f-]{36}");
    /** Sets the entry whose id is ARGV[1] to ARGV[2], wherever it is now (a message may have arrived meanwhile). */
    private static final LuaScript REPLACE = new LuaScript("playground-inbox-replace", """
            local entries = redis.call('LRANGE', KEYS[1], 0, -1)
            for i, entry in ipairs(entries) do
              local ok, decoded = pcall(cjson.decode, entry)
              if ok and type(decoded) == 'table' and decoded.id == ARGV[1] then
                redis.call('LSET', KEYS[1], i - 1, ARGV[2])
                return 1
              end
            end
            return 0
            """);

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

    /**
     * The inbox item {@code messageId} becomes {@code message} (same id, so the page keeps its place); empty when the
     * person has no such item (never an error: the page then shows the message as a new one).
     */
    Optional<View.Message> replace(TenantId tenant, PersonId person, String messageId, Message message) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            return Optional.empty();
        }
        View.Message rendered = ViewRenderer.message(message, clock.instant());
        View.Message replacement = new View.Message(messageId, rendered.summary(), rendered.blocks(),
                rendered.attachments(), rendered.at());
        Object replaced = REPLACE.run(redis, List.of(key(tenant, person)),
                List.of(messageId, json.writeValueAsString(replacement)));
        return Long.valueOf(1).equals(replaced) ? Optional.of(replacement) : Optional.empty();
    }

    void clear(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }

    private static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "playground:inbox:" + person.value());
    }
}
