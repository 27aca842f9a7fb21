package io.handoff.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;

/**
 * Sends one outbox message (a job of type {@value Outbox#JOB_TYPE}): asks the {@link DeliveryRules} (drop, put off,
 * or send), picks the platform ({@link PlatformPreference}), takes a rate-limit token ({@link RateLimits}) and sends.
 * A platform's 429 puts the message off by its Retry-After (clamped) without counting a failure, until the platform
 * has refused for too long or too often ({@link RateLimitedRetries}): then the message goes to the dead letters with
 * the reason. Other failures are retried with exponential backoff and jitter, and after {@code maxFailures} (or at
 * once when permanent) the message goes to the dead letters. Every decision lands in the {@link DecisionLog}.
 */
public class OutboxSender implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final GraphStore graph;
    private final List<PlatformSender> senders;
    private final PlatformPreference preference;
    private final RateLimits rateLimits;
    private final DeliveryRules rules;
    private final DecisionLog decisions;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final int maxFailures;
    private final RateLimitedRetries rateLimitedRetries;

    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures) {
        this(graph, senders, preference, rateLimits, rules, decisions, metrics, clock, maxFailures,
                RateLimitedRetries.defaults());
    }

    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures, RateLimitedRetries rateLimitedRetries) {
        this.graph = graph;
        this.senders = List.copyOf(senders);
        this.preference = preference;
        this.rateLimits = rateLimits;
        this.rules = rules;
        this.decisions = decisions;
        this.metrics = metrics;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.rateLimitedRetries = rateLimitedRetries;
    }

    @Override
    public String type() {
        return Outbox.JOB_TYPE;
    }

    @Override
    public int maxFailures() {
        return maxFailures;
    }

    @Override
    public void deadLettered(Job job, String error) {
        metrics.deadLettered();
    }

    @Override
    public JobResult handle(Job job) {
        OutgoingMessage out;
        try {
            out = OutgoingMessage.fromJson(job.payload());
        } catch (RuntimeException unreadable) {
            return JobResult.failedPermanently("unreadable outbox message: " + unreadable.getMessage());
        }
        TenantId tenant = job.tenant();
        Optional<Person> person = graph.person(tenant, out.to());
        Decision decision = rules.decide(tenant, out.to(), person, out.kind(), out.key());
        switch (decision.verdict()) {
            case DROP:
                record(tenant, out, decision);
                metrics.dropped(decision.reason());
                return JobResult.done("dropped: " + decision.reason());
            case DEFER:
                record(tenant, out, decision);
                metrics.deferred(decision.reason());
                return JobResult.runAgainAt(decision.until().orElseThrow(), decision.reason());
            default:
                return send(job, tenant, out, person.orElseThrow());
        }
    }

    private JobResult send(Job job, TenantId tenant, OutgoingMessage out, Person person) {
        Optional<PlatformSender> sender = preference.choose(tenant, person, senders);
        if (sender.isEmpty()) {
            rules.cancelReservation(tenant, out.to(), out.key());
            retriedUnlessLast(job);
            return JobResult.failed("no platform reaches " + out.to());
        }
        Optional<Duration> wait = rateLimits.acquire(tenant, sender.get().platform(), out.to().value());
        if (wait.isPresent()) {
            rules.cancelReservation(tenant, out.to(), out.key());
            return JobResult.runAgainAt(clock.instant().plus(wait.get()), "rate limit");
        }
        try {
            sender.get().send(tenant, person, out.message());
        } catch (SendFailure failure) {
            rules.cancelReservation(tenant, out.to(), out.key());
            if (failure.permanent()) {
                return JobResult.failedPermanently(failure.getMessage());
            }
            if (failure.retryAfter().isPresent()) {
                return rateLimited(job, tenant, out, sender.get(), failure.retryAfter().get());
            }
            retriedUnlessLast(job);
            return JobResult.failed(failure.getMessage());
        } catch (RuntimeException e) {
            rules.cancelReservation(tenant, out.to(), out.key());
            log.warn("Sending {} to {} of tenant {} failed unexpectedly: {}", job.id(), out.to(), tenant, e.toString());
            retriedUnlessLast(job);
            return JobResult.failed(e.toString());
        }
        String where = "sent on " + sender.get().platform().code();
        metrics.sent(sender.get().platform());
        record(tenant, out, new Decision(Decision.Verdict.SEND, Optional.empty(), where));
        return JobResult.done(where);
    }

    /** The platform answered 429: put the message off by its (clamped) Retry-After, or give it up at last. */
    private JobResult rateLimited(Job job, TenantId tenant, OutgoingMessage out, PlatformSender sender,
                                  Duration retryAfter) {
        Instant now = clock.instant();
        Optional<String> givenUp = rateLimitedRetries.giveUp(sender.platform(), job, now);
        if (givenUp.isPresent()) {
            log.warn("Giving up message {} to {} of tenant {}: {}", job.id(), out.to(), tenant, givenUp.get());
            return JobResult.failedPermanently(givenUp.get());
        }
        metrics.retried("rate-limited");
        Duration wait = rateLimitedRetries.clamp(retryAfter);
        return JobResult.rateLimited(now.plus(wait), sender.platform().code() + " asked to retry after "
                + wait.toMillis() + " ms" + (wait.equals(retryAfter) ? "" : " (it asked for " + retryAfter + ")"));
    }

    private void retriedUnlessLast(Job job) {
        if (job.failures() + 1 < maxFailures) {
            metrics.retried("failed");
        }
    }

    private void record(TenantId tenant, OutgoingMessage out, Decision decision) {
        try {
            decisions.record(tenant, new DecisionLog.Entry(clock.instant(), out.to(), out.key(), out.kind(),
                    decision.verdict(), decision.until(), decision.reason()));
        } catch (RuntimeException e) {
            log.warn("Could not record a delivery decision for tenant {}: {}", tenant, e.toString());
        }
    }
}
