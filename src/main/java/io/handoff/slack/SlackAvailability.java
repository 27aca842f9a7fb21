package io.handoff.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;
import com.slack.api.model.User;

import io.handoff.chat.port.Availability;
import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Out of office from a person's Slack status ({@code users.profile.get}, scope {@code users.profile:read}): a status
 * text saying vacation, out of office, holiday, sick or OOO, or the emoji :palm_tree:, :airplane: or
 * :face_with_thermometer:, means away until {@code status_expiration} (indefinitely when it is 0; the delivery rules
 * then re-check later). The answer is cached in {@code handoff:{tenant}:slack-away:<person>} for {@link #CACHE}
 * (never past the status' expiry), so a burst of messages makes one call. A rate limit is not waited out: the
 * workspace is left alone until Slack's Retry-After ({@code handoff:{tenant}:slack-profile-backoff}) and the person
 * counts as available meanwhile, as does anyone without a Slack identity or whose status cannot be read.
 */
final class SlackAvailability implements AvailabilityCheck {
    private static final Logger log = LoggerFactory.getLogger(SlackAvailability.class);
    static final Duration CACHE = Duration.ofMinutes(5);
    private static final Pattern AWAY_TEXT = Pattern.compile(
            "\\b(vacation|vacationing|out of (the )?office|holidays?|sick|ooo|pto|on leave)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> AWAY_EMOJIS = List.of(":palm_tree:", ":airplane:", ":face_with_thermometer:");
    private static final String AVAILABLE = "available";
    private static final String AWAY = "away:";

    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final UnifiedJedis redis;
    private final Clock clock;

    SlackAvailability(Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis, Clock clock) {
        this.slack = slack;
        this.workspaces = workspaces;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Availability availability(TenantId tenant, Person person) {
        String slackUser = person.identities().get(Platform.SLACK);
        if (slackUser == null) {
            return Availability.AVAILABLE; // not ours to say: other platforms' checks decide
        }
        String cacheKey = prefix(tenant) + "slack-away:" + person.id().value();
        Optional<Availability> cached = decode(redis.get(cacheKey));
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<String> token = workspaces.botToken(tenant);
        String backoffKey = prefix(tenant) + "slack-profile-backoff";
        if (token.isEmpty() || redis.exists(backoffKey)) {
            return Availability.AVAILABLE;
        }
        User.Profile profile;
        try {
            profile = SlackApi.once("users.profile.get",
                    () -> slack.methods(token.get()).usersProfileGet(r -> r.user(slackUser))).getProfile();
        } catch (SlackApi.SlackCallFailed failure) {
            failure.retryAfter().ifPresent(wait ->
                    redis.set(backoffKey, "1", SetParams.setParams().ex(Math.max(1, wait.toSeconds()))));
            log.info("Cannot read the Slack status of {} in tenant {} ({}); treating them as available",
                    person.id(), tenant, failure.error());
            return Availability.AVAILABLE;
        }
        Instant now = clock.instant();
        Availability answer = fromStatus(profile, now);
        Duration keep = answer.backAt().map(back -> Duration.between(now, back)).filter(d -> d.compareTo(CACHE) < 0)
                .orElse(CACHE);
        redis.set(cacheKey, encode(answer), SetParams.setParams().ex(Math.max(1, keep.toSeconds())));
        return answer;
    }

    /** Away when the status says so and has not expired. */
    static Availability fromStatus(User.Profile profile, Instant now) {
        if (profile == null || !saysAway(profile.getStatusText(), profile.getStatusEmoji())) {
            return Availability.AVAILABLE;
        }
        long expiration = profile.getStatusExpiration() == null ? 0 : profile.getStatusExpiration();
        if (expiration <= 0) {
            return Availability.awayIndefinitely();
        }
        Instant back = Instant.ofEpochSecond(expiration);
        return back.isAfter(now) ? Availability.awayUntil(back) : Availability.AVAILABLE;
    }

    static boolean saysAway(String text, String emoji) {
        return (text != null && AWAY_TEXT.matcher(text).find())
                || (emoji != null && AWAY_EMOJIS.contains(emoji.strip().toLowerCase(Locale.ROOT)));
    }

    private static String encode(Availability availability) {
        return availability.away() ? AWAY + availability.backAt().map(Instant::getEpochSecond).orElse(0L) : AVAILABLE;
    }

    private static Optional<Availability> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.startsWith(AWAY)) {
            long back = Long.parseLong(value.substring(AWAY.length()));
            return Optional.of(back <= 0 ? Availability.awayIndefinitely()
                    : Availability.awayUntil(Instant.ofEpochSecond(back)));
        }
        return Optional.of(Availability.AVAILABLE);
    }

    private static String prefix(TenantId tenant) {
        return TenantKeys.prefix(tenant);
    }
}
