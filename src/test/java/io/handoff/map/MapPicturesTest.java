package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Reply;
import io.handoff.conversation.Conversation;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.map.export.MapExporter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * PNG maps under load, on the demo organisation in the real test Redis: a map asked for again while nothing it draws
 * has changed reuses the picture; any change to the graph gives a new one; a viewer who may see less never gets a
 * picture drawn for someone who may see more; and a request that cannot get a drawing slot within the wait limit is
 * answered "busy, try again" (and counted) instead of queueing without bound.
 */
class MapPicturesTest {
    private final MapFixture fixture = new MapFixture();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double drawn() {
        return meters.counter(MapRenderer.PICTURES, "result", "drawn").count();
    }

    private double cached() {
        return meters.counter(MapRenderer.PICTURES, "result", "cached").count();
    }

    private MapScope.Person aroundPat() {
        return new MapScope.Person(PersonId.of("pat"), 2);
    }

    @Test
    void theSameMapIsDrawnOnceAndAGraphChangeGivesANewPicture() {
        MapRenderer renderer = new MapRenderer(new PixelBudget(100, 2), Duration.ofSeconds(30), 8_000_000, meters);

        byte[] first = renderer.png(fixture.maps.build(fixture.tenant, aroundPat()));
        byte[] again = renderer.png(fixture.maps.build(fixture.tenant, aroundPat()));
        assertThat(again).as("the graph did not change: the kept picture").isSameAs(first);
        assertThat(drawn()).isEqualTo(1);
        assertThat(cached()).isEqualTo(1);

        Person pat = fixture.store.person(fixture.tenant, PersonId.of("pat")).orElseThrow();
        fixture.store.savePerson(fixture.tenant, new Person(pat.id(), "Patricia Renamed", pat.email(), pat.team(),
                pat.timeZone(), pat.identities()));
        byte[] renamed = renderer.png(fixture.maps.build(fixture.tenant, aroundPat()));
        assertThat(renamed).as("a name on the map changed: drawn again").isNotEqualTo(first);
        assertThat(drawn()).isEqualTo(2);

        byte[] renamedAgain = renderer.png(fixture.maps.build(fixture.tenant, aroundPat()));
        assertThat(renamedAgain).isSameAs(renamed);
        assertThat(drawn()).isEqualTo(2);
        assertThat(cached()).isEqualTo(2);
    }

    @Test
    void theSameMapInSwimLanesIsADifferentPictureKeptOnItsOwn() {
        MapRenderer renderer = new MapRenderer(new PixelBudget(100, 2), Duration.ofSeconds(30), 8_000_000, meters);
        DependencyMap map = fixture.maps.build(fixture.tenant, aroundPat());

        byte[] usual = renderer.png(map);
        byte[] lanes = renderer.lanePng(map);
        assertThat(lanes).isNotEqualTo(usual);
        assertThat(renderer.lanePng(map)).isSameAs(lanes);
        assertThat(renderer.png(map)).isSameAs(usual);
        assertThat(drawn()).isEqualTo(2);
        assertThat(cached()).isEqualTo(2);
    }

    @Test
    void aViewerWhoMaySeeLessGetsTheirOwnPicture() {
        MapRenderer renderer = new MapRenderer(new PixelBudget(100, 2), Duration.ofSeconds(30), 8_000_000, meters);
        DependencyMap whole = fixture.maps.build(fixture.tenant, aroundPat());
        byte[] wholePicture = renderer.png(whole);
        Set<PersonId> some = Set.of(PersonId.of("pat"), PersonId.of(whole.nodes().stream()
                .filter(n -> !n.id().equals("pat")).findFirst().orElseThrow().id()));

        byte[] within = renderer.png(fixture.maps.buildWithin(fixture.tenant, aroundPat(), some));
        assertThat(within).isNotEqualTo(wholePicture);
        assertThat(drawn()).isEqualTo(2);
        assertThat(cached()).isZero();
    }

    @Test
    void pastTheBoundOnePictureGoesAndTheOtherIsServedFromTheCache() {
        DependencyMap pat = fixture.maps.build(fixture.tenant, aroundPat());
        DependencyMap org = fixture.maps.build(fixture.tenant, new MapScope.Org());
        MapRenderer measure = new MapRenderer(new PixelBudget(100, 2));
        long patWeight = PictureCache.weight(pat, measure.png(pat));
        long orgWeight = PictureCache.weight(org, measure.png(org));
        MapRenderer renderer = new MapRenderer(new PixelBudget(100, 2), Duration.ofSeconds(30),
                Math.max(patWeight, orgWeight) + Math.min(patWeight, orgWeight) / 2, meters);

        renderer.png(pat);
        renderer.png(org); // both do not fit: one of them goes
        renderer.png(pat);
        renderer.png(org);
        assertThat(drawn()).as("both drawn once, and one of them again").isEqualTo(3);
        assertThat(cached()).as("the one kept was served from the cache").isEqualTo(1);
    }

    @Test
    @Timeout(120) // without the wait limit the request would wait for the held slot for ever
    void aMapThatWouldWaitPastTheLimitIsAnsweredBusyAndCounted() {
        PixelBudget budget = new PixelBudget(100, 1);
        MapRenderer renderer = new MapRenderer(budget, Duration.ofMillis(20), 8_000_000, meters);
        DependencyMap map = fixture.maps.build(fixture.tenant, aroundPat());

        try (PixelBudget.Lease everySlot = budget.take(1)) {
            assertThatThrownBy(() -> renderer.png(map)).isInstanceOf(MapBusyException.class)
                    .hasMessage(MapBusyException.TEXT);
            assertThat(meters.counter(MapRenderer.BUSY).count()).isEqualTo(1);
            assertThat(budget.availableMegapixels()).as("a refused request holds nothing").isEqualTo(99);
        }
        assertThat(renderer.png(map)).isNotEmpty();
        assertThat(budget.availableMegapixels()).isEqualTo(100);
        assertThat(meters.counter(MapRenderer.BUSY).count()).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void inChatABusyMapIsAPlainTryAgainNeverAFailure() {
        PixelBudget budget = new PixelBudget(100, 1);
        MapRenderer renderer = new MapRenderer(budget, Duration.ofMillis(20), 8_000_000, meters);
        MapLinks links = new MapLinks("pictures-test-secret-0123456".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(MapFixture.NOW, ZoneOffset.UTC), Duration.ofHours(1), URI.create("https://handoff.example"));
        MapConversation maps = new MapConversation(fixture.maps, new MapAccess(fixture.store, Map.of()),
                new MapExporter(renderer), links, new ManagerReport(fixture.store, FrictionScores.NONE, List.of(),
                List.of()));
        SimpleMeterRegistry chatMeters = new SimpleMeterRegistry();
        Conversation bot = new Conversation(fixture.store, List.of(maps), chatMeters);
        Actor pat = new Actor(fixture.tenant, PersonId.of("pat"));

        Message shown;
        try (PixelBudget.Lease everySlot = budget.take(1)) {
            shown = ((Reply.Show) bot.handle(new Interaction.Command(pat, "map")).reply()).message();
        }
        assertThat(shown.summary()).contains(MapBusyException.TEXT).doesNotContain("Exception");
        assertThat(shown.attachments()).isEmpty();
        assertThat(meters.counter(MapRenderer.BUSY).count()).isEqualTo(1);
        assertThat(chatMeters.find(Conversation.INTERACTIONS).tag("result", "refused").counter().count()).isEqualTo(1);

        Message drawnLater = ((Reply.Show) bot.handle(new Interaction.Command(pat, "map")).reply()).message();
        assertThat(drawnLater.attachments()).hasSize(1);
    }
}
