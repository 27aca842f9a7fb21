package io.handoff.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the queue: whoever stores a job may keep the W3C {@code traceparent} of the span that caused
 * it ({@link #currentTraceParent}), and the {@link SchedulerWorker} runs each job in a span named for its type whose
 * parent is that trace when the job's {@link JobHandler#traceParent handler} names one, else in a new trace; work
 * within a job may open child spans ({@link #inSpan}). Without a tracer ({@link #none()}, e.g. in code built without
 * Spring) every method just runs the work.
 */
public final class JobTracing {
    /** The W3C Trace Context header that names a span: {@code 00-<trace id>-<span id>-<flags>}. */
    public static final String TRACEPARENT = "traceparent";
    private static final JobTracing NONE = new JobTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    private JobTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No spans: every method runs the work as it is. */
    public static JobTracing none() {
        return NONE;
    }

    /** Spans from {@code tracer}, trace contexts written and read as W3C {@code traceparent} by {@code propagator}. */
    public static JobTracing with(Tracer tracer, Propagator propagator) {
        if (tracer == null || propagator == null || tracer == Tracer.NOOP || propagator == Propagator.NOOP) {
            return NONE;
        }
        return new JobTracing(tracer, propagator);
    }

    /** The {@code traceparent} of the span current on this thread, to be stored with the work it causes. */
    public Optional<String> currentTraceParent() {
        if (tracer == null) {
            return Optional.empty();
        }
        Span current = tracer.currentSpan();
        if (current == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(current.context(), headers, Map::put);
        return Optional.ofNullable(headers.get(TRACEPARENT)).filter(value -> !value.isBlank());
    }

    /** Runs {@code job}'s work in a span named for its type, a child of {@code traceParent} or else a new trace. */
    JobResult run(Job job, Optional<String> traceParent, Supplier<JobResult> work) {
        if (tracer == null) {
            return work.get();
        }
        Span.Builder builder = traceParent.isPresent()
                ? propagator.extract(Map.of(TRACEPARENT, traceParent.get()), Map::get)
                : tracer.spanBuilder().setNoParent();
        Span span = builder.name(job.type()).kind(Span.Kind.CONSUMER).tag("handoff.job.type", job.type())
                .tag("handoff.job.id", job.id()).tag("handoff.tenant", job.tenant().value()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            JobResult result = work.get();
            span.tag("handoff.job.result", result == null ? "Done" : result.getClass().getSimpleName());
            return result;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Runs {@code work} in a child span of the current one named {@code name} (e.g. {@code send slack}). */
    public void inSpan(String name, Runnable work) {
        if (tracer == null) {
            work.run();
            return;
        }
        Span span = tracer.nextSpan().name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
