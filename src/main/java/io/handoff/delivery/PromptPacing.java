package io.handoff.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Paces Handoff's own prompts ({@link MessageKind#NUDGE}) per person, so prompts due together go out as one message
 * and never as a burst. Two keys per person, both under the tenant's hash tag:
 * <ul>
 *   <li>{@code handoff:{t}:prompts-waiting:<person>} sorted set: outbox job id → when it is due (epoch ms), the
 *       prompts still waiting for the person (kept by {@link Outbox} and {@link OutboxSender});</li>
 *   <li>{@code handoff:{t}:pacing:<person>} hash: {@code last} → when the last prompt message went out (epoch ms),
 *       {@code taken:<job>} → the job whose message holds (or is about to hold) that prompt, {@code sent:<job>} → 1
 *       once that message went out, {@code leading} → {@code <job>|<ms>} while a led message is on its way (another
 *       prompt for the person waits for it, up to two minutes, instead of leading a second message at once).</li>
 * </ul>
 * Every change is one Lua script over both keys, so two workers sending to the same person at once cannot both lead
 * a message: the first {@link #lead leads} and takes the waiting prompts; the others find themselves taken.
 */
public class PromptPacing {
    static final Duration KEEP = Duration.ofDays(8);

    private static final LuaScript LEAD = new LuaScript("pacing-lead", """
            -- Takes the waiting prompts a message will hold, unless the person is paced or the caller was taken.
            -- KEYS: 1 pacing hash  2 prompts-waiting zset
            -- ARGV: 1 the leading job  2 now (ms)  3 gap (ms)  4 keep (ms)  5.. companion job ids (in order)
            -- Returns {'taken', leader, sent(0/1)} | {'wait', until ms} | {'lead', id1, id2, ...}
            local me, now, gap = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
            local holder = redis.call('HGET', KEYS[1], 'taken:' .. me)
            if holder and holder ~= me then
              local sent = redis.call('HEXISTS', KEYS[1], 'sent:' .. holder)
              return {'taken', holder, sent}
            end
            local last = redis.call('HGET', KEYS[1], 'last')
            if last and now - tonumber(last) < gap then
              return {'wait', tostring(tonumber(last) + gap)}
            end
            -- another job's message is on its way (led, not yet sent): this one waits for it, never a burst
            local leading = redis.call('HGET', KEYS[1], 'leading')
            if leading then
              local who, since = string.match(leading, '^(.*)|(%d+)$')
              if who ~= me and now - tonumber(since) < 120000 then
                return {'wait', tostring(tonumber(since) + 120000)}
              end
            end
            redis.call('HSET', KEYS[1], 'taken:' .. me, me, 'leading', me .. '|' .. ARGV[2])
            local result = {'lead', me}
            for i = 5, #ARGV do
              local id = ARGV[i]
              local taker = redis.call('HGET', KEYS[1], 'taken:' .. id)
              if not taker or taker == me then
                redis.call('HSET', KEYS[1], 'taken:' .. id, me)
                result[#result + 1] = id
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return result
            """);
    private static final LuaScript SENT = new LuaScript("pacing-sent", """
            -- The leader's message went out: remember when, mark it sent, and stop listing its prompts as waiting.
            -- KEYS: 1 pacing hash  2 prompts-waiting zset;  ARGV: 1 leader  2 now (ms)  3 keep (ms)  4.. held ids
            redis.call('HSET', KEYS[1], 'last', ARGV[2], 'sent:' .. ARGV[1], '1')
            redis.call('HDEL', KEYS[1], 'taken:' .. ARGV[1], 'leading')
            for i = 4, #ARGV do redis.call('ZREM', KEYS[2], ARGV[i]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);
    private static final LuaScript RELEASE = new LuaScript("pacing-release", """
            -- The leader's message did not go out: its prompts are free to go in another message.
            -- KEYS: 1 pacing hash;  ARGV: 1 leader  2.. ids it took
            local leading = redis.call('HGET', KEYS[1], 'leading')
            if leading and string.sub(leading, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then
              redis.call('HDEL', KEYS[1], 'leading')
            end
            for i = 2, #ARGV do
              if redis.call('HGET', KEYS[1], 'taken:' .. ARGV[i]) == ARGV[1] then
                redis.call('HDEL', KEYS[1], 'taken:' .. ARGV[i])
              end
            end
            return 1
            """);
    private static final LuaScript FINISHED = new LuaScript("pacing-finished", """
            -- A prompt's job is finished (sent, merged or dropped): it no longer waits, nor is it taken.
            -- KEYS: 1 pacing hash  2 prompts-waiting zset;  ARGV: 1 job id
            redis.call('HDEL', KEYS[1], 'taken:' .. ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """);

    private final UnifiedJedis redis;
    private final Duration gap;

    /** @param gap the shortest time between two prompt messages to one person (prompts due meanwhile wait) */
    public PromptPacing(UnifiedJedis redis, Duration gap) {
        this.redis = Objects.requireNonNull(redis);
        this.gap = Objects.requireNonNull(gap);
    }

    public Duration gap() {
        return gap;
    }

    static String waitingKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "prompts-waiting:" + person.value());
    }

    static String pacingKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "pacing:" + person.value());
    }

    /** The prompt (outbox job {@code jobId}) waits for the person, due at {@code due}. */
    public void waiting(TenantId tenant, PersonId person, String jobId, Instant due) {
        String key = waitingKey(tenant, person);
        redis.zadd(key, due.toEpochMilli(), jobId);
        redis.pexpire(key, KEEP.toMillis());
    }

    /** The job ids of the person's waiting prompts due by {@code dueBy}, earliest first. */
    public List<String> dueBy(TenantId tenant, PersonId person, Instant dueBy) {
        return new ArrayList<>(redis.zrangeByScore(waitingKey(tenant, person), Double.NEGATIVE_INFINITY,
                dueBy.toEpochMilli()));
    }

    /** The message that holds (or is about to hold) this prompt, when another job leads it. */
    public Optional<Lead.Taken> takenBy(TenantId tenant, PersonId person, String jobId) {
        String key = pacingKey(tenant, person);
        String leader = redis.hget(key, "taken:" + jobId);
        if (leader == null || leader.equals(jobId)) {
            return Optional.empty();
        }
        return Optional.of(new Lead.Taken(leader, redis.hexists(key, "sent:" + leader)));
    }

    /** What {@link #lead} found. */
    public sealed interface Lead {
        /** Another job's message holds this prompt; {@code sent} once that message went out. */
        record Taken(String leader, boolean sent) implements Lead {
        }

        /** A prompt message went to the person less than the gap ago: wait until {@code until}. */
        record Wait(Instant until) implements Lead {
        }

        /** The caller leads a message holding itself and the {@code companions} it could take (in order). */
        record Leads(List<String> companions) implements Lead {
        }
    }

    /** Tries to lead a message from {@code leader}, taking those of {@code companions} nobody took yet. */
    public Lead lead(TenantId tenant, PersonId person, String leader, List<String> companions, Instant now) {
        List<String> args = new ArrayList<>(List.of(leader, Long.toString(now.toEpochMilli()),
                Long.toString(gap.toMillis()), Long.toString(KEEP.toMillis())));
        args.addAll(companions);
        List<?> reply = (List<?>) LEAD.run(redis, List.of(pacingKey(tenant, person), waitingKey(tenant, person)), args);
        String verdict = String.valueOf(reply.get(0));
        return switch (verdict) {
            case "taken" -> new Lead.Taken(String.valueOf(reply.get(1)), Long.valueOf(1).equals(reply.get(2)));
            case "wait" -> new Lead.Wait(Instant.ofEpochMilli(Long.parseLong(String.valueOf(reply.get(1)))));
            default -> new Lead.Leads(reply.subList(2, reply.size()).stream().map(String::valueOf).toList());
        };
    }

    /** The leader's message holding {@code held} (the leader first) went out at {@code now}. */
    public void sent(TenantId tenant, PersonId person, List<String> held, Instant now) {
        List<String> args = new ArrayList<>(List.of(held.get(0), Long.toString(now.toEpochMilli()),
                Long.toString(KEEP.toMillis())));
        args.addAll(held);
        SENT.run(redis, List.of(pacingKey(tenant, person), waitingKey(tenant, person)), args);
    }

    /** The leader's message did not go out: gives back what it took (the leader first in {@code taken}). */
    public void release(TenantId tenant, PersonId person, List<String> taken) {
        List<String> args = new ArrayList<>();
        args.add(taken.get(0));
        args.addAll(taken);
        RELEASE.run(redis, List.of(pacingKey(tenant, person)), args);
    }

    /** The prompt's job is finished: dropped, sent or merged into another message. */
    public void finished(TenantId tenant, PersonId person, String jobId) {
        FINISHED.run(redis, List.of(pacingKey(tenant, person), waitingKey(tenant, person)), List.of(jobId));
    }

    /** When the person's last prompt message went out, if within {@link #KEEP}. */
    public Optional<Instant> last(TenantId tenant, PersonId person) {
        return Optional.ofNullable(redis.hget(pacingKey(tenant, person), "last")).map(Long::parseLong)
                .map(Instant::ofEpochMilli);
    }

    /** Forget-me: the person's pacing and waiting list. */
    public void forget(TenantId tenant, PersonId person) {
        redis.del(pacingKey(tenant, person), waitingKey(tenant, person));
    }
}
