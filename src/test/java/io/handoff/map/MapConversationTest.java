package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Actor;
import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.Health;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.export.MapExporter;

/** The map and report commands as a person sees them in chat, on the demo organisation in the real test Redis. */
class MapConversationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] SECRET = "conversation-test-secret-0123".getBytes(StandardCharsets.UTF_8);

    /** Friction on sam → pat (bad, rising) and lee → ravi (mild); too few answers on pat → dana. */
    private static final FrictionScores FRICTION = new FrictionScores() {
        @Override
        public Optional<FrictionAggregate> handoff(TenantId tenant, PersonId up, PersonId down) {
            return switch (up.value() + ">" + down.value()) {
                case "sam>pat" -> Optional.of(new FrictionAggregate(0.8, 6, List.of(0.3, 0.5, 0.8)));
                case "lee>ravi" -> Optional.of(new FrictionAggregate(0.2, 7, List.of(0.2, 0.2)));
                case "pat>dana" -> Optional.of(new FrictionAggregate(0.9, 2, List.of(0.9)));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<FrictionAggregate> teams(TenantId tenant, TeamId up, TeamId down) {
            return Optional.empty();
        }
    };

    private final MapFixture fixture = new MapFixture(FRICTION);
    private final MapLinks links = new MapLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24),
            java.net.URI.create("https://handoff.example"));
    private final MapConversation conversation = new MapConversation(fixture.maps,
            new MapAccess(fixture.store, Map.of()), new MapExporter(new MapRenderer()), links,
            new ManagerReport(fixture.store, FRICTION, List.of(), List.of()));

    private Message say(String person, String word, String args) {
        Reply reply = conversation.onCommand(new Actor(fixture.tenant, PersonId.of(person)), word, args).reply();
        return ((Reply.Show) reply).message();
    }

    private static String text(Message message) {
        StringBuilder text = new StringBuilder();
        for (Block block : message.blocks()) {
            if (block instanceof Paragraph p) {
                text.append(p.plainText()).append('\n');
            } else if (block instanceof io.handoff.chat.Heading h) {
                text.append(h.text()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void mapAnswersWithThePictureASummaryAndASignedLink() throws Exception {
        Message message = say("pat", "map", "");

        Attachment png = message.attachments().get(0);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.fileName()).isEqualTo("handoff-map-" + fixture.tenant + "-person-pat-2.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.content()));
        assertThat(image.getWidth()).isGreaterThan(600);
        String text = text(message);
        assertThat(text).contains("Handoffs around Pat Okafor (depth 2)")
                .contains("Critical handoffs to watch:\n• Sam Reyes → Pat Okafor: parcels sorted by route (confirmed, friction 80%)")
                .contains("• Pat Okafor → Dana Kowalski: truck loaded in delivery order (unconfirmed)")
                .contains("Dana Kowalski depends on Pat Okafor for “truck loaded in delivery order”, but Pat Okafor has not named them");
        assertThat(text).doesNotContain("90%");
        Link link = message.blocks().stream().filter(Link.class::isInstance).map(Link.class::cast).findFirst().orElseThrow();
        assertThat(link.label()).isEqualTo("Open interactive map");
        assertThat(link.url().toString()).startsWith("https://handoff.example/maps/");
        MapGrant grant = links.verify(link.url().getPath().substring("/maps/".length()));
        assertThat(grant.viewer()).isEqualTo(PersonId.of("pat"));
        assertThat(grant.scope()).isEqualTo(new MapScope.Person(PersonId.of("pat"), 2));
        assertThat(message.summary()).contains("Critical handoffs to watch");
    }

    @Test
    void mapAsAnExportSendsThatFile() {
        Message dot = say("pat", "map", "depth 1 as dot");
        Message csv = say("pat", "map", "as csv");

        assertThat(dot.attachments().get(0).fileName()).endsWith("person-pat-1.dot");
        assertThat(new String(dot.attachments().get(0).content(), StandardCharsets.UTF_8))
                .contains("\"sam\" -> \"pat\"");
        assertThat(csv.attachments().get(0).mediaType()).startsWith("text/csv");
    }

    @Test
    void refusesWithWhatMayBeAskedInsteadAndExplainsBadInput() {
        Message org = say("pat", "map", "org");
        Message typo = say("pat", "map", "depth 9");

        assertThat(org.attachments()).isEmpty();
        assertThat(text(org)).contains("Only managers and admins").contains("You may ask for: your own neighbourhood");
        assertThat(text(typo)).contains("depth must be between 1 and 3");
    }

    @Test
    void reportPutsTheBlockingHandoffFirstDefinesBlockingAndSaysWhoNamedWhom() {
        fixture.store.update(fixture.tenant, PersonId.of("lee"), PersonId.of("ravi"),
                edge -> edge.map(e -> e.withHealth(Health.BLOCKING, NOW)));
        Message report = say("lee", "report", "");
        Message notAManager = say("pat", "report", "");

        String text = text(report);
        assertThat(text).startsWith("Handoff report for Pre-load (night shift)\n").containsSubsequence(
                "The three handoffs that need attention most (into and out of your team):",
                "1. You → Ravi Shah: truck loaded in delivery order (critical, confirmed). Blocking",
                "2. Noor Haddad → you: parcels sorted by route (critical, named by you only)",
                "3. Pat Okafor → Dana Kowalski: truck loaded in delivery order (critical, named by Dana only)",
                "Named by one side only:",
                "• You say you count on Noor Haddad's parcels sorted by route; Noor has not named you yet",
                "• Dana Kowalski says they count on Pat Okafor's truck loaded in delivery order; Pat has not named "
                        + "Dana yet",
                "Blocking means a critical handoff that is disputed or rated 2 of 5 or worse",
                "Coverage: ");
        // friction aggregates of the map are not report figures: without readings no rating is claimed
        assertThat(text).doesNotContain("friction", "of 5 by", "Ratings are");
        assertThat(report.blocks()).filteredOn(Link.class::isInstance).extracting(b -> ((Link) b).label())
                .containsExactly("Open the map");
        assertThat(text(notAManager)).contains("The report is for managers");
    }
}
