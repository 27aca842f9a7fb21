package io.handoff.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.handoff.graph.TenantId;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A durable job queue in Redis, shared by every replica. Per tenant, waiting jobs sit in a sorted set by due time and
 * leased ones in a sorted set by lease expiry, each with a hash; every state change is one Lua script on the tenant's
 * slot. A worker {@link #claim claims} due jobs with a lease and a token, then {@link #complete completes},
 * {@link #runAgainAt reschedules} or {@link #fail fails} them; a lease that expires (the worker died) is re-queued by
 * the next claim on that tenant ({@link #reap}). Scheduling an id that is already waiting updates it: one id, one job.
 * Finished jobs are remembered for {@code doneRetention}, so scheduling the same id again meanwhile does nothing.
 * All times come from the injected {@link Clock}.
 */
public class Scheduler {
    private static final LuaScript SCHEDULE = LuaScript.load(Scheduler.class, "schedule.lua");
    private static final LuaScript CLAIM = LuaScript.load(Scheduler.class, "claim.lua");
    private static final LuaScript FINISH = LuaScript.load(Scheduler.class, "finish.lua");
    private static final LuaScript REPLAY = LuaScript.load(Scheduler.class, "replay.lua");
    private static final LuaScript CANCEL = LuaScript.load(Scheduler.class, "cancel.lua");
    private static final LuaScript RENEW = LuaScript.load(Scheduler.class, "renew.lua");
    private static final int MAX_TEXT = 2000;

    private final UnifiedJedis redis;
    private final Clock clock;
    private final Duration doneRetention;

    public Scheduler(UnifiedJedis redis, Clock clock, Duration doneRetention) {
        this.redis = Objects.requireNonNull(redis);
        this.clock = Objects.requireNonNull(clock);
        this.doneRetention = Objects.requireNonNull(doneRetention);
    }

    public Clock clock() {
        return clock;
    }

    /** Schedules the job, or updates the waiting job with the same id (type, payload, due time). */
    public ScheduleResult schedule(Job job) {
        return schedule(job, "upsert");
    }

    /** Schedules the job unless one with the same id is waiting, running, finished (within retention) or dead. */
    public ScheduleResult scheduleIfAbsent(Job job) {
        return schedule(job, "absent");
    }

    private ScheduleResult schedule(Job job, String mode) {
        SchedulerKeys keys = new SchedulerKeys(job.tenant());
        redis.sadd(SchedulerKeys.TENANTS, job.tenant().value());
        Object result = SCHEDULE.run(redis, List.of(keys.job(job.id()), keys.due()), List.of(job.id(), job.type(),
                job.payload(), Long.toString(job.dueAt().toEpochMilli()), now(), mode));
        return ScheduleResult.valueOf(String.valueOf(result).toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Lists {@code tenant} among the tenants whose jobs the workers poll (the global set), as scheduling does: a
     * restored tenant's jobs ({@code io.handoff.backup}) are found again. Idempotent.
     */
    public void adopt(TenantId tenant) {
        redis.sadd(SchedulerKeys.TENANTS, tenant.value());
    }

    /** Removes a waiting or dead job; returns false when there was none or it is running right now. */
    public boolean cancel(TenantId tenant, String id) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        return ((Long) CANCEL.run(redis, List.of(keys.job(id), keys.due(), keys.dead()), List.of(id))) == 1L;
    }

    /** Tenants that have had jobs (the workers poll these). */
    public Set<TenantId> tenants() {
        Set<TenantId> tenants = new TreeSet<>();
        for (String value : redis.smembers(SchedulerKeys.TENANTS)) {
            tenants.add(TenantId.of(value));
        }
        return tenants;
    }

    /**
     * Re-queues the tenant's expired leases, then leases up to {@code max} jobs due by now to {@code worker} until
     * now + {@code lease}. Each claimed job comes with the token that finishes it.
     */
    public List<ClaimedJob> claim(TenantId tenant, String worker, int max, Duration lease) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        Instant now = clock.instant();
        List<?> reply = (List<?>) CLAIM.run(redis, List.of(keys.due(), keys.leased()), List.of(
                Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()), worker,
                Integer.toString(max), keys.jobPrefix()));
        List<ClaimedJob> claimed = new ArrayList<>();
        for (int i = 1; i + 7 < reply.size(); i += 8) {
            claimed.add(new ClaimedJob(new Job(tenant, text(reply.get(i)), text(reply.get(i + 1)),
                    text(reply.get(i + 2)), Instant.ofEpochMilli(Long.parseLong(text(reply.get(i + 3)))),
                    Integer.parseInt(text(reply.get(i + 4))), Integer.parseInt(text(reply.get(i + 6))),
                    epochMillis(text(reply.get(i + 7)))), text(reply.get(i + 5))));
        }
        return claimed;
    }

    /**
     * Extends the leases of running jobs to now + {@code lease}, each only while it is still held under its token
     * (compare-and-set in Lua): one script call per tenant, pipelined across tenants. Returns the jobs whose lease
     * was lost (it expired and was re-queued or taken over); their runs can no longer be finished.
     */
    public List<ClaimedJob> renew(Collection<ClaimedJob> held, Duration lease) {
        Map<TenantId, List<ClaimedJob>> byTenant = new LinkedHashMap<>();
        for (ClaimedJob claimed : held) {
            byTenant.computeIfAbsent(claimed.job().tenant(), t -> new ArrayList<>()).add(claimed);
        }
        if (byTenant.isEmpty()) {
            return List.of();
        }
        String until = Long.toString(clock.instant().plus(lease).toEpochMilli());
        Map<TenantId, List<String>> keysByTenant = new LinkedHashMap<>();
        Map<TenantId, List<String>> argsByTenant = new LinkedHashMap<>();
        Map<TenantId, Response<Object>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            byTenant.forEach((tenant, jobs) -> {
                SchedulerKeys keys = new SchedulerKeys(tenant);
                List<String> args = new ArrayList<>(2 + 2 * jobs.size());
                args.add(until);
                args.add(keys.jobPrefix());
                for (ClaimedJob job : jobs) {
                    args.add(job.job().id());
                    args.add(job.token());
                }
                keysByTenant.put(tenant, List.of(keys.leased()));
                argsByTenant.put(tenant, args);
                replies.put(tenant, RENEW.queue(pipeline, keysByTenant.get(tenant), args));
            });
            pipeline.sync();
        }
        List<ClaimedJob> lost = new ArrayList<>();
        byTenant.forEach((tenant, jobs) -> {
            Object reply;
            try {
                reply = replies.get(tenant).get();
            } catch (JedisDataException noScriptYet) {
                reply = RENEW.run(redis, keysByTenant.get(tenant), argsByTenant.get(tenant));
            }
            Set<String> lostIds = new HashSet<>();
            for (Object id : (List<?>) reply) {
                lostIds.add(text(id));
            }
            jobs.stream().filter(job -> lostIds.contains(job.job().id())).forEach(lost::add);
        });
        return lost;
    }

    /** Re-queues jobs of the tenant whose lease expired; returns how many. Claims do this too. */
    public int reap(TenantId tenant) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        List<?> reply = (List<?>) CLAIM.run(redis, List.of(keys.due(), keys.leased()),
                List.of(now(), now(), "reaper", "0", keys.jobPrefix()));
        return ((Long) reply.get(0)).intValue();
    }

    /** Acknowledges a finished run; idempotent. False when the lease had expired and someone else took the job. */
    public boolean complete(ClaimedJob claimed, String note) {
        return finish(claimed, "done", Long.toString(doneRetention.toMillis()), note);
    }

    /** The job is due again at {@code at}; not counted as a failure. */
    public boolean runAgainAt(ClaimedJob claimed, Instant at, String reason) {
        return finish(claimed, "again", Long.toString(at.toEpochMilli()), reason);
    }

    /**
     * A platform's rate limit put the run off: due again at {@code at}, not counted as a failure but as a
     * rate-limited run (the first one's time is kept), so the handler sees them in the next run's {@link Job}.
     */
    public boolean rateLimited(ClaimedJob claimed, Instant at, String reason) {
        return finish(claimed, "limited", Long.toString(at.toEpochMilli()), reason);
    }

    /** Counts a failure: due again at {@code retryAt}, or to the dead letters when {@code retryAt} is empty. */
    public boolean fail(ClaimedJob claimed, Optional<Instant> retryAt, String error) {
        return retryAt.map(at -> finish(claimed, "retry", Long.toString(at.toEpochMilli()), error))
                .orElseGet(() -> finish(claimed, "dead", "", error));
    }

    /** Hands an unstarted job back (graceful shutdown): due again as before, the run not counted. */
    public boolean release(ClaimedJob claimed) {
        return finish(claimed, "release", "", "");
    }

    private boolean finish(ClaimedJob claimed, String action, String value, String text) {
        SchedulerKeys keys = new SchedulerKeys(claimed.job().tenant());
        String id = claimed.job().id();
        Object result = FINISH.run(redis, List.of(keys.job(id), keys.due(), keys.leased(), keys.dead()),
                List.of(id, claimed.token(), action, now(), value, shorten(text)));
        return ((Long) result) == 1L;
    }

    /** Puts a dead job back in the queue, due now; false when the job is not dead. */
    public boolean replay(TenantId tenant, String id) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        return ((Long) REPLAY.run(redis, List.of(keys.job(id), keys.due(), keys.dead()), List.of(id, now()))) == 1L;
    }

    /** The stored job, if it is waiting, running, dead or finished within the retention. */
    public Optional<JobInfo> job(TenantId tenant, String id) {
        return info(tenant, id, redis.hgetAll(new SchedulerKeys(tenant).job(id)));
    }

    /** The dead letters of a tenant, newest first. */
    public List<JobInfo> deadJobs(TenantId tenant, int limit) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        List<String> ids = redis.zrevrange(keys.dead(), 0, limit - 1L);
        List<Response<Map<String, String>>> hashes = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                hashes.add(pipeline.hgetAll(keys.job(id)));
            }
            pipeline.sync();
        }
        List<JobInfo> dead = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            info(tenant, ids.get(i), hashes.get(i).get()).ifPresent(dead::add);
        }
        return dead;
    }

    /** How many jobs of the tenant wait (due now or later) and how many are leased. */
    public long waiting(TenantId tenant) {
        return redis.zcard(new SchedulerKeys(tenant).due());
    }

    public long leased(TenantId tenant) {
        return redis.zcard(new SchedulerKeys(tenant).leased());
    }

    /** The tenant's queue at {@code now}, in one round trip: due and unclaimed, waiting in all, leased, dead. */
    public QueueCounts counts(TenantId tenant, Instant now) {
        SchedulerKeys keys = new SchedulerKeys(tenant);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<Long> due = pipeline.zcount(keys.due(), Double.NEGATIVE_INFINITY, now.toEpochMilli());
            Response<Long> waiting = pipeline.zcard(keys.due());
            Response<Long> leased = pipeline.zcard(keys.leased());
            Response<Long> dead = pipeline.zcard(keys.dead());
            pipeline.sync();
            return new QueueCounts(due.get(), waiting.get(), leased.get(), dead.get());
        }
    }

    private static Optional<JobInfo> info(TenantId tenant, String id, Map<String, String> hash) {
        if (hash == null || hash.isEmpty() || !hash.containsKey("state")) {
            return Optional.empty();
        }
        Job job = new Job(tenant, id, hash.getOrDefault("type", "unknown"), hash.getOrDefault("payload", ""),
                Instant.ofEpochMilli(Long.parseLong(hash.getOrDefault("due", "0"))),
                Integer.parseInt(hash.getOrDefault("failures", "0")),
                Integer.parseInt(hash.getOrDefault("rate-limited", "0")), epochMillis(hash.get("rate-limited-since")));
        String when = hash.containsKey("finished") ? hash.get("finished") : hash.get("failed");
        return Optional.of(new JobInfo(job, JobState.parse(hash.get("state")),
                Integer.parseInt(hash.getOrDefault("runs", "0")), hash.getOrDefault("error", ""),
                hash.getOrDefault("note", ""), Instant.ofEpochMilli(Long.parseLong(hash.getOrDefault("created", "0"))),
                Optional.ofNullable(when).map(Long::parseLong).map(Instant::ofEpochMilli)));
    }

    private String now() {
        return Long.toString(clock.instant().toEpochMilli());
    }

    private static String shorten(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }

    private static Optional<Instant> epochMillis(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
