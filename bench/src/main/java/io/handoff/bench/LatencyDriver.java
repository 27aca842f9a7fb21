package io.handoff.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Sends HTTP requests to one side of a comparison from {@code concurrency} threads at once, each thread sending its
 * next request as soon as its last was answered, and times each from the send to the last byte of the answer. The
 * request is made (and signed) before its clock starts. Two sides are measured in alternating rounds, the first side
 * of each round changing every round, so that drift on a busy machine hits both alike.
 */
final class LatencyDriver implements AutoCloseable {
    /** One side: a name, its own HTTP client (its own connections), and its {@code i}-th request. */
    record Side(String name, HttpClient http, IntFunction<HttpRequest> request) {
        Side(String name, IntFunction<HttpRequest> request) {
            this(name, client(), request);
        }
    }

    /** What one side's requests measured: latencies in nanoseconds, and answers that were not 200. */
    record Result(Samples latencies, int failures, String firstFailure) {
        long p50() {
            return latencies.percentile(50);
        }

        long p99() {
            return latencies.percentile(99);
        }

        String brief() {
            return String.format("p50 %s, p99 %s, max %s (%d requests%s)", Samples.micros(p50()),
                    Samples.micros(p99()), Samples.micros(latencies.max()), latencies.size(),
                    failures == 0 ? "" : ", " + failures + " not 200, first: " + firstFailure);
        }
    }

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** {@code requests} requests of one side at {@code concurrency}, added to {@code into}. */
    Result run(Side side, int concurrency, int requests, Samples into) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<Samples>> running = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            running.add(threads.submit(() -> {
                Samples mine = new Samples();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest request = side.request().apply(i);
                    long start = System.nanoTime();
                    String failure;
                    try {
                        HttpResponse<String> response = side.http().send(request, HttpResponse.BodyHandlers.ofString());
                        failure = response.statusCode() == 200 ? null
                                : response.statusCode() + " " + abbreviated(response.body());
                    } catch (IOException e) {
                        failure = e.toString();
                    }
                    mine.add(System.nanoTime() - start);
                    if (failure != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                }
                return mine;
            }));
        }
        Samples all = new Samples();
        for (Future<Samples> thread : running) {
            Samples mine = thread.get();
            for (int i = 0; i < mine.size(); i++) {
                long value = mine.get(i);
                all.add(value);
                into.add(value);
            }
        }
        return new Result(all, failures.get(), firstFailure.get());
    }

    /**
     * Both sides at {@code concurrency}: a warm-up of {@code warmup} requests each, then {@code rounds} rounds of
     * {@code perRound} requests each, alternating which side goes first.
     */
    Map<String, Result> alternate(Side a, Side b, int concurrency, int warmup, int rounds, int perRound)
            throws Exception {
        run(a, concurrency, warmup, new Samples());
        run(b, concurrency, warmup, new Samples());
        Map<String, Samples> samples = new LinkedHashMap<>();
        Map<String, int[]> failures = new LinkedHashMap<>();
        Map<String, String> firstFailures = new LinkedHashMap<>();
        for (Side side : List.of(a, b)) {
            samples.put(side.name(), new Samples());
            failures.put(side.name(), new int[1]);
        }
        for (int round = 0; round < rounds; round++) {
            for (Side side : round % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                Result result = run(side, concurrency, perRound, samples.get(side.name()));
                failures.get(side.name())[0] += result.failures();
                if (result.firstFailure() != null) {
                    firstFailures.putIfAbsent(side.name(), result.firstFailure());
                }
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        samples.forEach((name, s) -> results.put(name, new Result(s, failures.get(name)[0], firstFailures.get(name))));
        return results;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
