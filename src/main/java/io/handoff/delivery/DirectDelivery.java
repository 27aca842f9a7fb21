package io.handoff.delivery;

import io.handoff.chat.Delivery;
import io.handoff.chat.Notification;
import io.handoff.chat.PlatformSender;
import io.handoff.chat.SendFailure;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.TenantId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Sends each notification at once through the first platform that reaches the recipient, at most once per
 * idempotency key (a {@code SET NX} marker in Redis, kept 7 days). To be replaced by the durable outbox.
 */
@Component
public class DirectDelivery implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(DirectDelivery.class);
    private static final long KEEP_SECONDS = 7 * 24 * 3600;

    private final GraphStore graph;
    private final List<PlatformSender> senders;
    private final UnifiedJedis redis;

    public DirectDelivery(GraphStore graph, List<PlatformSender> senders, UnifiedJedis redis) {
        this.graph = graph;
        this.senders = List.copyOf(senders);
        this.redis = redis;
    }

    @Override
    public void deliver(TenantId tenant, Notification notification, String idempotencyKey) {
        Optional<Person> recipient = graph.person(tenant, notification.to());
        Optional<PlatformSender> sender = recipient.flatMap(person -> senders.stream()
                .filter(candidate -> candidate.canReach(tenant, person)).findFirst());
        if (sender.isEmpty()) {
            log.warn("no platform reaches {} of tenant {}; message {} not sent", notification.to(), tenant,
                    idempotencyKey);
            return;
        }
        String marker = "handoff:{" + tenant.value() + "}:sent:" + idempotencyKey;
        if (!"OK".equals(redis.set(marker, "1", SetParams.setParams().nx().ex(KEEP_SECONDS)))) {
            return;
        }
        try {
            sender.get().send(tenant, recipient.get(), notification.message());
        } catch (SendFailure failure) {
            redis.del(marker);
            throw failure;
        }
    }
}
