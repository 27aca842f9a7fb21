package io.handoff.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.handoff.chat.Delivery;
import io.handoff.chat.Notification;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobInfo;
import io.handoff.scheduler.JobTracing;
import io.handoff.scheduler.ScheduleResult;
import io.handoff.scheduler.Scheduler;

/**
 * Every outgoing message is first stored as a job of the durable {@link Scheduler} (type {@value #JOB_TYPE}), then
 * sent by the workers of any replica ({@link OutboxSender}): per-person rules, the platform the person uses, the
 * platforms' rate limits, retries with backoff and dead letters. The idempotency key names the message: the same key
 * is stored and sent once (within the scheduler's retention of finished jobs, 7 days by default).
 *
 * <p>{@link #deliver} (the chat port's {@link Delivery}) takes notifications a colleague's action triggered
 * ({@link MessageKind#CONFIRMATION}); Handoff's own nudges (stories, friction polls, reminders) use {@link #nudge}.
 */
public class Outbox implements Delivery {
    public static final String JOB_TYPE = "outbox.send";
    private static final String ID_PREFIX = "outbox:";

    private final Scheduler scheduler;
    private final Optional<PromptPacing> pacing;
    private final JobTracing tracing;

    public Outbox(Scheduler scheduler) {
        this(scheduler, null);
    }

    /** With {@code pacing}, every prompt ({@link MessageKind#NUDGE}) is listed as waiting for its person. */
    public Outbox(Scheduler scheduler, PromptPacing pacing) {
        this(scheduler, pacing, JobTracing.none());
    }

    /** As above; each message keeps the trace it was queued in, so its delivery joins that trace. */
    public Outbox(Scheduler scheduler, PromptPacing pacing, JobTracing tracing) {
        this.scheduler = scheduler;
        this.pacing = Optional.ofNullable(pacing);
        this.tracing = tracing;
    }

    @Override
    public void deliver(TenantId tenant, Notification notification, String idempotencyKey) {
        enqueue(tenant, notification, idempotencyKey, MessageKind.CONFIRMATION, scheduler.clock().instant());
    }

    /** The answer to the person's own action, sent after the acknowledgement ({@link MessageKind#REPLY}). */
    @Override
    public void reply(TenantId tenant, Notification notification, String idempotencyKey) {
        enqueue(tenant, notification, idempotencyKey, MessageKind.REPLY, scheduler.clock().instant());
    }

    /** A Handoff-initiated message (counts against the person's weekly cap); false when the key was seen before. */
    public boolean nudge(TenantId tenant, Notification notification, String idempotencyKey) {
        return enqueue(tenant, notification, idempotencyKey, MessageKind.NUDGE, scheduler.clock().instant());
    }

    /**
     * Stores the message to go out at {@code notBefore} or later (the rules may put it off further). Returns true
     * when it was stored, false when a message with this key is already waiting, sending, sent or dead.
     */
    public boolean enqueue(TenantId tenant, Notification notification, String idempotencyKey, MessageKind kind,
                           Instant notBefore) {
        OutgoingMessage message = new OutgoingMessage(notification.to(), kind, idempotencyKey, notification.message(),
                tracing.currentTraceParent());
        ScheduleResult result = scheduler.scheduleIfAbsent(
                Job.of(tenant, jobId(idempotencyKey), JOB_TYPE, message.toJson(), notBefore));
        if (result != ScheduleResult.CREATED) {
            return false;
        }
        if (kind == MessageKind.NUDGE) {
            pacing.ifPresent(p -> p.waiting(tenant, notification.to(), jobId(idempotencyKey), notBefore));
        }
        return true;
    }

    /** Where the message with this key is (waiting, sending, done or dead), if it is known. */
    public Optional<JobInfo> status(TenantId tenant, String idempotencyKey) {
        return scheduler.job(tenant, jobId(idempotencyKey));
    }

    /**
     * The plain-text summary of the message with this key while it waits to go out; empty once it was sent or given
     * up (the scheduler drops a finished job's payload, so no message text outlives its delivery).
     */
    public Optional<String> summary(TenantId tenant, String idempotencyKey) {
        return status(tenant, idempotencyKey)
                .filter(info -> JOB_TYPE.equals(info.job().type()))
                .map(info -> info.job().payload())
                .filter(payload -> payload != null && !payload.isBlank())
                .map(payload -> OutgoingMessage.fromJson(payload).message().summary());
    }

    /** The tenant's dead letters (any job type), newest first. */
    public List<DeadLetter> deadLetters(TenantId tenant, int limit) {
        return scheduler.deadJobs(tenant, limit).stream().map(Outbox::deadLetter).toList();
    }

    /** Sends a dead letter again (due now, failures forgotten); false when there is no such dead letter. */
    public boolean replay(TenantId tenant, String deadLetterId) {
        return scheduler.replay(tenant, deadLetterId);
    }

    /** Forget-me: removes the dead letters addressed to the person; returns how many. */
    public int forgetDeadLetters(TenantId tenant, io.handoff.graph.PersonId person) {
        int removed = 0;
        for (DeadLetter letter : deadLetters(tenant, 10_000)) {
            if (letter.to().filter(person.value()::equals).isPresent() && scheduler.cancel(tenant, letter.id())) {
                removed++;
            }
        }
        return removed;
    }

    /** The job id of a message: a digest of the key, so any key makes a short id that is safe in a URL. */
    public static String jobId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeadLetter deadLetter(JobInfo info) {
        Optional<OutgoingMessage> message = Optional.empty();
        if (JOB_TYPE.equals(info.job().type())) {
            try {
                message = Optional.of(OutgoingMessage.fromJson(info.job().payload()));
            } catch (RuntimeException unreadable) {
                message = Optional.empty();
            }
        }
        return new DeadLetter(info.job().id(), info.job().type(), message.map(m -> m.to().value()),
                message.map(OutgoingMessage::key), message.map(m -> m.message().summary()), info.job().failures(),
                info.lastError(), info.finishedOrFailedAt());
    }
}
