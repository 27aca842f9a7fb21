package io.handoff.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Heading;
import io.handoff.chat.Reply;
import io.handoff.demo.SampleFriction;
import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.friction.FrictionMapScores;
import io.handoff.friction.FrictionService;
import io.handoff.friction.FrictionSettings;
import io.handoff.friction.FrictionStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.nudge.Engagement;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The demo organisation with its journeys, signals and friction story in a fresh tenant on the real test Redis, and
 * the journeys' chat feature wired as in production: real friction store and map scores, the tenant's thresholds.
 * {@code bea} is the tenant's admin (she manages no team).
 */
final class JourneyChatFixture {
    /** A Wednesday; the demo's signals are the 12 ISO weeks before this one. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final UnifiedJedis redis = TestRedis.client();
    final TenantId tenant = TestRedis.uniqueTenant();
    final RedisGraphStore graph = new RedisGraphStore(redis);
    final MutableClock clock = new MutableClock(NOW);
    FrictionSettings frictionSettings = FrictionSettings.defaults();
    int threshold = 5;
    final FrictionService friction = new FrictionService(graph, new FrictionStore(redis), new Engagement(redis),
            t -> frictionSettings, clock, new Random(7));
    final FrictionMapScores scores = new FrictionMapScores(graph, friction);
    final Journeys journeys = Journeys.onRedis(redis, graph);
    final JourneyQueries queries = new JourneyQueries(graph, journeys, scores, scores::minRespondents,
            t -> Duration.ofDays(180), 4, clock);
    final JourneyInsights insights = new JourneyInsights(journeys, queries, t -> threshold, clock);
    final MapAccess access = new MapAccess(graph, Map.of(tenant.value(), List.of("bea")));
    final JourneyForms forms = new JourneyForms(journeys, graph, access);
    final JourneyConversation feature = new JourneyConversation(graph, insights, queries::moments, access,
            scores::minRespondents, t -> threshold,
            new JourneyConversation.StoryInvitations(graph, journeys, queries, access, clock), forms);

    JourneyChatFixture() {
        SampleOrganisation.load(graph, tenant, NOW);
        SampleJourneys.load(journeys, tenant, NOW);
        SampleFriction.load(graph, friction, tenant, NOW);
    }

    Actor actor(String person) {
        return new Actor(tenant, PersonId.of(person));
    }

    Outcome command(String person, String args) {
        return feature.onCommand(actor(person), "journey", args);
    }

    Outcome press(String person, String actionId, String value) {
        return feature.onButton(new Interaction.ButtonPressed(actor(person), new io.handoff.chat.Action(actionId, value)));
    }

    static Message shown(Outcome outcome) {
        return ((Reply.Show) outcome.reply()).message();
    }

    /** Every block as text: headings, paragraphs (bold kept as *x*), one per line. */
    static String text(List<Block> blocks) {
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                lines.add("# " + h.text());
            } else if (block instanceof Paragraph p) {
                StringBuilder line = new StringBuilder();
                p.spans().forEach(s -> line.append(s.strong() ? "*" + s.text() + "*" : s.text()));
                lines.add(line.toString());
            }
        }
        return String.join("\n", lines);
    }

    static String text(Message message) {
        return text(message.blocks());
    }
}
