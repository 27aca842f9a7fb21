package io.handoff.msteams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Delivery;
import io.handoff.chat.Notification;
import io.handoff.chat.port.PlatformSender;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Hands an outcome's notifications to {@link Delivery} once the actor has been answered, on a small pool of its own
 * so the Bot Framework request is not held up by other people's messages.
 *
 * <p>Before that it checks, while the actor's turn is still open, whether any platform reaches each recipient
 * ({@link PlatformSender#canReach}). A colleague no platform reaches (they never opened Handoff in Teams and are not
 * on Slack) is recorded in {@code handoff:{tenant}:unreachable:<recipient>} (requester → epoch seconds, so they can
 * be followed up when they arrive) and the actor is told at once, instead of the request vanishing silently. The
 * notification still goes to Delivery, which may hold it until the colleague becomes reachable.
 */
final class MsTeamsNotifications implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsNotifications.class);

    private final Delivery delivery;
    private final List<PlatformSender> senders;
    private final GraphStore graph;
    private final UnifiedJedis redis;
    private final Clock clock;
    private final ExecutorService pool;

    MsTeamsNotifications(Delivery delivery, List<PlatformSender> senders, GraphStore graph, UnifiedJedis redis,
                       Clock clock) {
        this.delivery = delivery;
        this.senders = List.copyOf(senders);
        this.graph = graph;
        this.redis = redis;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = MsTeamsContext.carryingContext(Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "teams-notify-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }


    static String unreachableKey(TenantId tenant, PersonId recipient) {
        return TenantKeys.key(tenant, "unreachable:" + recipient.value());
    }

    /** The recipients no platform reaches; they are recorded as waiting for the actor. */
    List<Person> unreachable(Actor actor, List<Notification> notifications) {
        List<Person> unreachable = new ArrayList<>();
        for (Notification notification : notifications) {
            Optional<Person> recipient = graph.person(actor.tenant(), notification.to());
            if (recipient.isEmpty()) {
                continue;
            }
            boolean reachable = senders.stream().anyMatch(s -> s.canReach(actor.tenant(), recipient.get()));
            if (!reachable && unreachable.stream().noneMatch(p -> p.id().equals(recipient.get().id()))) {
                redis.hset(unreachableKey(actor.tenant(), notification.to()), actor.person().value(),
                        Long.toString(clock.instant().getEpochSecond()));
                unreachable.add(recipient.get());
                log.info("No platform reaches {} of {}; told {}", notification.to(), actor.tenant(), actor.person());
            }
        }
        return unreachable;
    }

    /** Delivers each notification after the answer, each under its own idempotency key. */
    void deliverLater(TenantId tenant, List<Notification> notifications) {
        for (Notification notification : notifications) {
            pool.execute(() -> {
                try {
                    delivery.deliver(tenant, notification, notification.key());
                } catch (RuntimeException e) {
                    log.warn("Delivery of {} to {} failed: {}", notification.key(), notification.to(), e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
