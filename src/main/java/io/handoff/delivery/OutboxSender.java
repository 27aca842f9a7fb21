package io.handoff.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobInfo;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.JobTracing;
import io.handoff.scheduler.Scheduler;

/**
 * Sends one outbox message (a job of type {@value Outbox#JOB_TYPE}): asks the {@link DeliveryRules} (drop, put off,
 * or send), picks the platform ({@link PlatformPreference}), takes a rate-limit token ({@link RateLimits}) and sends.
 * A platform's 429 puts the message off by its Retry-After (clamped) without counting a failure, until the platform
 * has refused for too long or too often ({@link RateLimitedRetries}): then the message goes to the dead letters with
 * the reason. Other failures are retried with exponential backoff and jitter, and after {@code maxFailures} (or at
 * once when permanent) the message goes to the dead letters. Every decision lands in the {@link DecisionLog}.
 *
 * <p>Handoff's own prompts ({@link MessageKind#NUDGE}) are paced per person when a {@link PromptPacing} is given: the
 * prompt that may go out leads one message holding every other prompt waiting for the person that is due within
 * {@link #GATHER} ({@link MergedPrompts}, within the platforms' limits); those are recorded MERGED and finish when
 * their own jobs come round. The weekly cap counts the merged message once (the leader's slot). A prompt message
 * less than the pacing gap after the last one waits for the gap to pass, so prompts never arrive as a burst;
 * prompts that did not fit wait for that next round. A colleague's action ({@link MessageKind#CONFIRMATION}) is
 * timely and neither merged nor paced.
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
    private final Optional<Paced> paced;
    private final JobTracing tracing;

    /** Pacing of prompts: the per-person state and the queue that holds the waiting prompts. */
    public record Paced(PromptPacing pacing, Scheduler scheduler) {
    }

    /** Prompts due within this of the leading one go out in its message. */
    static final Duration GATHER = Duration.ofMinutes(1);
    /** How long a prompt taken into another job's message waits for that message before it looks again. */
    static final Duration WAIT_FOR_LEADER = Duration.ofSeconds(30);

    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures) {
        this(graph, senders, preference, rateLimits, rules, decisions, metrics, clock, maxFailures,
                RateLimitedRetries.defaults());
    }

    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures, RateLimitedRetries rateLimitedRetries) {
        this(graph, senders, preference, rateLimits, rules, decisions, metrics, clock, maxFailures, rateLimitedRetries,
                null);
    }

    /** With the default handling of 429s, and prompts paced and merged per person. */
    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures, Paced paced) {
        this(graph, senders, preference, rateLimits, rules, decisions, metrics, clock, maxFailures,
                RateLimitedRetries.defaults(), paced);
    }

    /** As above, with prompts paced and merged per person ({@code paced} may be null: every prompt on its own). */
    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures, RateLimitedRetries rateLimitedRetries, Paced paced) {
        this(graph, senders, preference, rateLimits, rules, decisions, metrics, clock, maxFailures, rateLimitedRetries,
                paced, JobTracing.none());
    }

    /** As above, each platform call in a child span ({@code send slack}) of the message's job. */
    public OutboxSender(GraphStore graph, List<PlatformSender> senders, PlatformPreference preference,
                        RateLimits rateLimits, DeliveryRules rules, DecisionLog decisions, DeliveryMetrics metrics,
                        Clock clock, int maxFailures, RateLimitedRetries rateLimitedRetries, Paced paced,
                        JobTracing tracing) {
        this.tracing = tracing;
        this.paced = Optional.ofNullable(paced);
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

    /** The trace the message was queued in: its delivery continues it. */
    @Override
    public Optional<String> traceParent(Job job) {
        return OutgoingMessage.fromJson(job.payload()).traceParent();
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
        Optional<Paced> pacedPrompt = paced.filter(p -> out.kind() == MessageKind.NUDGE);
        if (pacedPrompt.isPresent()) {
            Optional<PromptPacing.Lead.Taken> taken = pacedPrompt.get().pacing().takenBy(tenant, out.to(), job.id());
            if (taken.isPresent()) {
                return merged(tenant, out, job, taken.get());
            }
        }
        Optional<Person> person = graph.person(tenant, out.to());
        // a paced prompt reserves its weekly slot only once it leads a message (sendPrompts): one slot per message
        Decision decision = pacedPrompt.isPresent() ? rules.decideBeforeCap(tenant, out.to(), person)
                : rules.decide(tenant, out.to(), person, out.kind(), out.key());
        switch (decision.verdict()) {
            case DROP:
                pacedPrompt.ifPresent(p -> p.pacing().finished(tenant, out.to(), job.id()));
                record(tenant, out, decision);
                metrics.dropped(decision.reason());
                return JobResult.done("dropped: " + decision.reason());
            case DEFER:
                if (pacedPrompt.isPresent()) {
                    // a leader may have taken this prompt while the rules looked at it
                    Optional<PromptPacing.Lead.Taken> taken = pacedPrompt.get().pacing().takenBy(tenant, out.to(), job.id());
                    if (taken.isPresent()) {
                        return merged(tenant, out, job, taken.get());
                    }
                }
                return defer(tenant, out, job, decision);
            default:
                if (pacedPrompt.isPresent()) {
                    return sendPrompts(job, tenant, out, person.orElseThrow(), pacedPrompt.get());
                }
                return send(job, tenant, out, person.orElseThrow(), out.message(), new AfterSend() {
                    @Override
                    public void sent(String where) {
                        record(tenant, out, new Decision(Decision.Verdict.SEND, Optional.empty(), where));
                    }

                    @Override
                    public void notSent() {
                    }
                });
        }
    }

    private JobResult defer(TenantId tenant, OutgoingMessage out, Job job, Decision decision) {
        Instant until = decision.until().orElseThrow();
        if (out.kind() == MessageKind.NUDGE) {
            paced.ifPresent(p -> p.pacing().waiting(tenant, out.to(), job.id(), until));
        }
        record(tenant, out, decision);
        metrics.deferred(decision.reason());
        return JobResult.runAgainAt(until, decision.reason());
    }

    /** This prompt went, or is about to go, in another prompt's message. */
    private JobResult merged(TenantId tenant, OutgoingMessage out, Job job, PromptPacing.Lead.Taken taken) {
        if (taken.sent()) {
            paced.orElseThrow().pacing().finished(tenant, out.to(), job.id());
            return JobResult.done("merged into the message of " + taken.leader());
        }
        return JobResult.runAgainAt(clock.instant().plus(WAIT_FOR_LEADER),
                "merged into a message that is going out now");
    }

    /**
     * Sends the prompt {@code out} with every other prompt waiting for the person that is due by now + {@link #GATHER}
     * and fits ({@link MergedPrompts}), unless a prompt message went to them less than the pacing gap ago.
     */
    private JobResult sendPrompts(Job job, TenantId tenant, OutgoingMessage out, Person person, Paced paced) {
        Instant now = clock.instant();
        List<MergedPrompts.Prompt> prompts = new ArrayList<>();
        prompts.add(new MergedPrompts.Prompt(job.id(), out.key(), out.message()));
        for (String id : paced.pacing().dueBy(tenant, out.to(), now.plus(GATHER))) {
            if (!id.equals(job.id())) {
                companion(tenant, out, id, paced).ifPresent(prompts::add);
            }
        }
        MergedPrompts.Merged merged = MergedPrompts.merge(prompts);
        List<String> companions = merged.held().stream().skip(1).map(MergedPrompts.Prompt::jobId).toList();
        PromptPacing.Lead lead = paced.pacing().lead(tenant, out.to(), job.id(), companions, now);
        if (lead instanceof PromptPacing.Lead.Taken taken) {
            return merged(tenant, out, job, taken);
        }
        if (lead instanceof PromptPacing.Lead.Wait wait) {
            String last = paced.pacing().last(tenant, out.to()).map(at -> " (the last went "
                    + Duration.between(at, now).toMinutes() + " min ago)").orElse("");
            return defer(tenant, out, job, Decision.defer(wait.until(), "paced: one prompt message per "
                    + minutes(paced.pacing().gap()) + last + ", so this waits for the next round"));
        }
        List<String> took = ((PromptPacing.Lead.Leads) lead).companions();
        Decision cap = rules.reserveWeeklySlot(tenant, out.to(), person, out.key());
        if (cap.verdict() != Decision.Verdict.SEND) {
            List<String> all = new ArrayList<>();
            all.add(job.id());
            all.addAll(took);
            paced.pacing().release(tenant, out.to(), all);
            if (cap.verdict() == Decision.Verdict.DROP) {
                paced.pacing().finished(tenant, out.to(), job.id());
                record(tenant, out, cap);
                metrics.dropped(cap.reason());
                return JobResult.done("dropped: " + cap.reason());
            }
            return defer(tenant, out, job, cap);
        }
        if (!took.equals(companions)) {
            merged = MergedPrompts.merge(merged.held().stream()
                    .filter(p -> p.jobId().equals(job.id()) || took.contains(p.jobId())).toList());
        }
        MergedPrompts.Merged message = merged;
        List<String> held = message.held().stream().map(MergedPrompts.Prompt::jobId).toList();
        int left = prompts.size() - message.held().size();
        return send(job, tenant, out, person, message.message(), new AfterSend() {
            @Override
            public void sent(String where) {
                paced.pacing().sent(tenant, out.to(), held, clock.instant());
                if (message.held().size() == 1) {
                    record(tenant, out, new Decision(Decision.Verdict.SEND, Optional.empty(), where
                            + (left > 0 ? "; " + left + " more waiting for the next round (the message was full)" : "")));
                    return;
                }
                List<String> what = message.held().stream().map(p -> PromptWords.describe(p.key())).toList();
                record(tenant, out, new Decision(Decision.Verdict.SEND, Optional.empty(), where
                        + ", one message holding " + String.join(", ", what)
                        + (left > 0 ? "; " + left + " more waiting for the next round (the message was full)" : "")));
                for (MergedPrompts.Prompt prompt : message.held().subList(1, message.held().size())) {
                    List<String> others = new ArrayList<>(what);
                    others.remove(PromptWords.describe(prompt.key()));
                    record(tenant, new OutgoingMessage(out.to(), MessageKind.NUDGE, prompt.key(), prompt.message()),
                            Decision.merged("merged into one message with " + String.join(", ", others) + " ("
                                    + where + ")"));
                }
            }

            @Override
            public void notSent() {
                paced.pacing().release(tenant, out.to(), held);
            }
        });
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() % 60 == 0 && duration.toHours() > 0
                ? (duration.toHours() == 1 ? "hour" : duration.toHours() + " hours")
                : duration.toMinutes() + " min";
    }

    /** The waiting prompt {@code id} for the same person, if it still waits; a stale entry is cleaned up. */
    private Optional<MergedPrompts.Prompt> companion(TenantId tenant, OutgoingMessage out, String id, Paced paced) {
        Optional<JobInfo> info = paced.scheduler().job(tenant, id);
        if (info.isEmpty() || info.get().state() == JobState.DONE || info.get().state() == JobState.DEAD
                || !Outbox.JOB_TYPE.equals(info.get().job().type())) {
            paced.pacing().finished(tenant, out.to(), id);
            return Optional.empty();
        }
        try {
            OutgoingMessage other = OutgoingMessage.fromJson(info.get().job().payload());
            if (other.kind() != MessageKind.NUDGE || !other.to().equals(out.to())) {
                return Optional.empty();
            }
            return Optional.of(new MergedPrompts.Prompt(id, other.key(), other.message()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** What to do once the message went out, or did not. */
    private interface AfterSend {
        void sent(String where);

        void notSent();
    }

    private JobResult send(Job job, TenantId tenant, OutgoingMessage out, Person person, Message message,
                           AfterSend after) {
        Optional<PlatformSender> sender = preference.choose(tenant, person, senders);
        if (sender.isEmpty()) {
            rules.cancelReservation(tenant, out.to(), out.key());
            after.notSent();
            retriedUnlessLast(job);
            return JobResult.failed("no platform reaches " + out.to());
        }
        Optional<Duration> wait = rateLimits.acquire(tenant, sender.get().platform(), out.to().value());
        if (wait.isPresent()) {
            rules.cancelReservation(tenant, out.to(), out.key());
            after.notSent();
            return JobResult.runAgainAt(clock.instant().plus(wait.get()), "rate limit");
        }
        try {
            PlatformSender platform = sender.get();
            tracing.inSpan("send " + platform.platform().code(), () -> platform.send(tenant, person, message));
        } catch (SendFailure failure) {
            rules.cancelReservation(tenant, out.to(), out.key());
            after.notSent();
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
            after.notSent();
            log.warn("Sending {} to {} of tenant {} failed unexpectedly: {}", job.id(), out.to(), tenant, e.toString());
            retriedUnlessLast(job);
            return JobResult.failed(e.toString());
        }
        String where = "sent on " + sender.get().platform().code();
        metrics.sent(sender.get().platform());
        after.sent(where);
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
