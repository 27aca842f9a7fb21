package io.handoff.slack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;

import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Who the Slack users of a people picker are, within a modal submission's acknowledgement: the users Handoff knows
 * in one Redis read, the others with {@code users.info} in parallel for at most {@link #BUDGET}.
 * A lookup still running then is left to finish in the background (it adopts the person, so the next submission
 * finds them) and the user counts as pending: the form asks the person to submit again rather than keep Slack
 * waiting past its 3 seconds.
 */
final class SlackUserLookups implements AutoCloseable {
    /** How long a submission waits for Slack to say who new users are. */
    static final Duration BUDGET = Duration.ofMillis(700);
    /** As many as a form may name (24), so one round of calls answers for a whole picker. */
    private static final int PARALLEL = 24;
    private static final Logger log = LoggerFactory.getLogger(SlackUserLookups.class);

    private final GraphStore graph;
    private final SlackPeople people;
    private final ExecutorService pool;
    private final Duration budget;

    SlackUserLookups(GraphStore graph, SlackPeople people) {
        this(graph, people, BUDGET);
    }

    SlackUserLookups(GraphStore graph, SlackPeople people, Duration budget) {
        this.graph = graph;
        this.people = people;
        this.budget = budget;
        this.pool = SlackTracedExecutors.carryingContext(Executors.newFixedThreadPool(PARALLEL, runnable -> {
            Thread thread = new Thread(runnable, "slack-user-lookups");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Slack user id → person for those known or found in time; {@code pending}: still being looked up. */
    record Resolved(Map<String, PersonId> people, Set<String> pending) {
    }

    Resolved resolve(TenantId tenant, List<String> slackUserIds, MethodsClient client) {
        List<String> ids = slackUserIds.stream().filter(id -> id != null && !id.isBlank()
                && id.length() <= io.handoff.graph.Person.MAX_EXTERNAL_ID).distinct().toList();
        Map<String, PersonId> found = new LinkedHashMap<>(graph.peopleByIdentity(tenant, Platform.SLACK, ids));
        Map<String, CompletableFuture<Optional<PersonId>>> lookups = new LinkedHashMap<>();
        for (String id : ids) {
            if (!found.containsKey(id)) {
                lookups.put(id, CompletableFuture.supplyAsync(() -> people.resolve(tenant, id, client), pool));
            }
        }
        Set<String> pending = new LinkedHashSet<>();
        if (!lookups.isEmpty()) {
            try {
                CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new))
                        .get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException slowOrFailed) {
                // what finished is used below; the rest is pending (or failed: looked up again next time)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lookups.forEach((id, lookup) -> {
                if (!lookup.isDone()) {
                    pending.add(id);
                } else if (!lookup.isCompletedExceptionally()) {
                    lookup.join().ifPresent(person -> found.put(id, person));
                } else {
                    pending.add(id);
                }
            });
            if (!pending.isEmpty()) {
                log.info("Slack users {} of tenant {} not looked up within {} ms", pending, tenant, budget.toMillis());
            }
        }
        Map<String, PersonId> ordered = new LinkedHashMap<>();
        ids.stream().filter(found::containsKey).forEach(id -> ordered.put(id, found.get(id)));
        return new Resolved(ordered, pending);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
