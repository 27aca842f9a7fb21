package io.handoff.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * The chat platforms' send limits as token buckets in Redis (Bucket4j), so they hold across every replica: one bucket
 * per conversation (a person's DM) and one per tenant (workspace / Microsoft tenant) for each platform. A send takes
 * a token from both, or from neither (a token the tenant's bucket refuses is given back to the conversation's); a
 * short wait (up to {@code maxInlineWait}) is waited out in place, a longer one is returned so
 * the outbox can put the message off without holding a thread. Bucket keys are
 * {@code handoff:{tenant}:rate:<platform>[:<person>]} and expire once full again.
 */
public final class RateLimits {
    private final ProxyManager<byte[]> buckets;
    private final Map<Platform, PlatformLimits> limits;
    private final Duration maxInlineWait;
    private final Map<Platform, BucketConfiguration> perConversation = new EnumMap<>(Platform.class);
    private final Map<Platform, BucketConfiguration> perTenant = new EnumMap<>(Platform.class);
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PROXIES = 10_000;

    /** {@code capacity} tokens at most (the burst), refilled at {@code tokens} per {@code period}. */
    public record Limit(long capacity, long tokens, Duration period) {
        public Limit {
            if (capacity < 1 || tokens < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a limit needs capacity, tokens and period above zero");
            }
        }

        /** At most {@code tokens} in any {@code period}, all of them usable at once. */
        public static Limit of(long tokens, Duration period) {
            return new Limit(tokens, tokens, period);
        }
    }

    /** Limits per conversation (all must hold) and per tenant (all must hold); an empty list means none. */
    public record PlatformLimits(List<Limit> perConversation, List<Limit> perTenant) {
        public PlatformLimits {
            perConversation = List.copyOf(perConversation);
            perTenant = List.copyOf(perTenant);
        }
    }

    public RateLimits(UnifiedJedis redis, Map<Platform, PlatformLimits> limits, Duration maxInlineWait) {
        this.buckets = Bucket4jJedis.casBasedBuilder(redis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.limits = Map.copyOf(limits);
        this.maxInlineWait = maxInlineWait;
        limits.forEach((platform, platformLimits) -> {
            configuration(platformLimits.perConversation()).ifPresent(c -> perConversation.put(platform, c));
            configuration(platformLimits.perTenant()).ifPresent(c -> perTenant.put(platform, c));
        });
    }

    /**
     * The platforms' published limits.
     * <ul>
     *   <li>Slack {@code chat.postMessage}: "generally allows an app to post 1 message per second to a specific
     *       channel", with short bursts above that, and a workspace-wide limit of "several hundred messages per
     *       minute" (Slack API docs, chat.postMessage "Rate limiting" and "Rate limits": Web API tiers 1–4 are 1+,
     *       20+, 50+, 100+ per minute per method per workspace; chat.postMessage has its own special tier). We allow
     *       bursts of 3 per DM at 1/s and 300 per minute per workspace.</li>
     *   <li>Microsoft Teams bots (Microsoft Learn, "Rate limiting for bots": per bot per conversation 7 sends per
     *       second, 60 per 30 seconds, 1800 per hour; across all conversations, 50 requests per second per app per
     *       tenant).</li>
     * </ul>
     */
    public static Map<Platform, PlatformLimits> platformDefaults() {
        Map<Platform, PlatformLimits> defaults = new EnumMap<>(Platform.class);
        defaults.put(Platform.SLACK, new PlatformLimits(
                List.of(new Limit(3, 1, Duration.ofSeconds(1))),
                List.of(Limit.of(300, Duration.ofMinutes(1)))));
        defaults.put(Platform.TEAMS, new PlatformLimits(
                List.of(Limit.of(7, Duration.ofSeconds(1)), Limit.of(60, Duration.ofSeconds(30)),
                        Limit.of(1800, Duration.ofHours(1))),
                List.of(Limit.of(50, Duration.ofSeconds(1)))));
        return defaults;
    }

    public Map<Platform, PlatformLimits> limits() {
        return limits;
    }

    /**
     * Takes a send token for {@code conversation} (a person id) on the platform, waiting up to maxInlineWait.
     * Returns empty when the message may go now, or how long to wait before trying again.
     */
    public Optional<Duration> acquire(TenantId tenant, Platform platform, String conversation) {
        String prefix = TenantKeys.key(tenant, "rate:" + platform.code());
        BucketConfiguration conversationLimits = perConversation.get(platform);
        String conversationKey = prefix + ":" + conversation;
        Optional<Duration> wait = take(conversationLimits, conversationKey);
        if (wait.isPresent()) {
            return wait;
        }
        Optional<Duration> tenantWait = take(perTenant.get(platform), prefix);
        if (tenantWait.isPresent() && conversationLimits != null) {
            // Nothing is sent, so the conversation keeps its token (a bucket never grows past its capacity).
            bucket(conversationKey, conversationLimits).addTokens(1);
        }
        return tenantWait;
    }

    private Optional<Duration> take(BucketConfiguration configuration, String key) {
        if (configuration == null) {
            return Optional.empty();
        }
        BucketProxy bucket = bucket(key, configuration);
        try {
            boolean taken = maxInlineWait.isZero() ? bucket.tryConsume(1)
                    : bucket.asBlocking().tryConsume(1, maxInlineWait);
            if (taken) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Duration.ofSeconds(1));
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, Duration.ofMillis(10).toNanos())));
    }

    /**
     * One proxy per bucket key, so Bucket4j's batching merges the concurrent requests of this replica into one
     * compare-and-swap on Redis instead of letting every thread race for it (exact: it never over-consumes).
     */
    private BucketProxy bucket(String key, BucketConfiguration configuration) {
        if (proxies.size() > MAX_CACHED_PROXIES) {
            proxies.clear();
        }
        return proxies.computeIfAbsent(key, k -> buckets.builder().withOptimization(Optimizations.batching())
                .build(k.getBytes(StandardCharsets.UTF_8), () -> configuration));
    }

    private static Optional<BucketConfiguration> configuration(List<Limit> limits) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (Limit limit : limits) {
            builder.addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                    .refillGreedy(limit.tokens(), limit.period()));
        }
        return Optional.of(builder.build());
    }
}
