package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.map.FrictionAggregate;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapNode;
import io.handoff.map.MapRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blueprint's exports of a small hand-made journey against golden files (JSON, CSV, Mermaid, SVG), the PNG
 * decoded, the picture's lanes in order, and every person-typed text escaped for its format. Names carry quotes,
 * angle brackets, a pipe, a hash and a leading '=' on purpose. Run with -Dhandoff.golden.update=true to rewrite the
 * golden files after a deliberate change (src/test/resources/io/handoff/journey/golden).
 */
class BlueprintExportGoldenTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    private static final Path GOLDEN = Path.of("src/test/resources/io/handoff/journey/golden");
    static final String HOSTILE_WHAT = "=HYPERLINK(\"x\") <b>loaded</b> | #1";

    private final MapRenderer renderer = new MapRenderer();
    private final BlueprintPictures pictures = new BlueprintPictures(renderer);

    /**
     * Pat (pre-load) hands Dana (drivers, owner of the game-over "Parcel delivered") a critical, confirmed handoff
     * whose friction 4 people rated; Sam (sort) hands Pat a handoff only 2 rated (below the minimum of 3: not
     * shown); Kim claims to hand Sam something (unconfirmed, support lane). "Invoice" has no owner.
     */
    static Blueprint parcels() {
        List<Person> people = List.of(Person.of("ann", "Ann Shop", "shop"), Person.of("dana", "Dana <Driver>", "drivers"),
                Person.of("pat", "Pat \"Pre-load\" O'Neil", "preload"), Person.of("sam", "Sam | Sort", "sort"),
                Person.of("kim", "=Kim #1", "sort"));
        List<Team> teams = List.of(Team.of("shop", "Web shop"), Team.of("drivers", "Drivers & <vans>"),
                Team.of("preload", "Pre-load"), Team.of("sort", "Sorting"));
        List<Handoff> edges = new ArrayList<>();
        edges.add(confirmed("pat", "dana", HOSTILE_WHAT, Criticality.CRITICAL, 10));
        edges.add(confirmed("sam", "pat", "sorted cages", Criticality.IMPORTANT, 200));
        edges.add(Handoff.claimed(PersonId.of("kim"), PersonId.of("sam"),
                new HandoffTerms("scanner batteries", Frequency.WEEKLY, Criticality.ROUTINE), Side.UPSTREAM,
                NOW.minus(Duration.ofDays(3))));
        Blueprints.Friction friction = (up, down) -> up.value().equals("pat")
                ? Optional.of(new FrictionAggregate(0.625, 4, List.of(0.25, 0.625)))
                : Optional.of(new FrictionAggregate(0.9, 2, List.of(0.9)));
        Journey journey = new Journey(JourneyId.of("parcels"), "Parcel <delivery>", "someone \"expecting\" a parcel",
                List.of(new Stage("Order", List.of(touchpoint("order-placed", "Order placed", Channel.APP,
                                Weight.ROUTINE, List.of("shop"), List.of()))),
                        new Stage("Delivery | doorstep", List.of(touchpoint("delivered", "Parcel delivered <signed>",
                                Channel.IN_PERSON, Weight.GAME_OVER, List.of(), List.of("dana")))),
                        new Stage("After", List.of(touchpoint("invoice", "Invoice #2", Channel.LETTER,
                                Weight.IMPORTANT, List.of(), List.of())))));
        return new Blueprints(OrgGraph.of(people, teams, edges), 4, NOW, Duration.ofDays(180), friction, 3)
                .blueprint(journey);
    }

    private static Handoff confirmed(String up, String down, String what, Criticality criticality, int daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        return Handoff.claimed(PersonId.of(up), PersonId.of(down), new HandoffTerms(what, Frequency.DAILY, criticality),
                Side.DOWNSTREAM, at).confirmedBy(Side.UPSTREAM, at);
    }

    private static Touchpoint touchpoint(String id, String name, Channel channel, Weight weight, List<String> teams,
                                         List<String> persons) {
        return new Touchpoint(TouchpointId.of(id), name, channel, teams.stream().map(TeamId::of).toList(),
                persons.stream().map(PersonId::of).toList(), weight);
    }

    static final Function<TeamId, String> TEAM_NAMES = team -> Map.of("shop", "Web shop", "drivers",
            "Drivers & <vans>", "preload", "Pre-load", "sort", "Sorting").getOrDefault(team.value(), team.value());

    private String export(BlueprintFormat format) {
        return new String(pictures.export(parcels(), TEAM_NAMES, format).content(), StandardCharsets.UTF_8);
    }

    @Test
    void jsonMatchesTheGoldenFileAndShowsFrictionOnlyAboveTheMinimum() throws Exception {
        String json = export(BlueprintFormat.JSON);

        assertGolden("parcels-blueprint.json", json);
        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertThat(root.get("name").asString()).isEqualTo("Parcel <delivery>");
        JsonNode delivered = root.get("stages").get(1).get("touchpoints").get(0);
        assertThat(delivered.get("gameOver").asBoolean()).isTrue();
        List<JsonNode> backstage = new ArrayList<>();
        delivered.get("backstage").forEach(backstage::add);
        assertThat(backstage).extracting(h -> h.get("upstream").asString() + ">" + h.get("lane").asString()
                + ">" + h.has("friction")).containsExactly("pat>backstage>true", "sam>support>false", "kim>support>false");
        assertThat(backstage.get(0).get("friction").get("respondents").asInt()).isEqualTo(4);
        assertThat(root.get("stages").get(2).get("touchpoints").get(0).get("ownerless").asBoolean()).isTrue();
    }

    @Test
    void csvMatchesTheGoldenFileReadsBackAndNeverStartsACellWithAFormula() throws Exception {
        String csv = export(BlueprintFormat.CSV);

        assertGolden("parcels-blueprint.csv", csv);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("touchpoint_id") + "/" + r.get("lane") + "/" + r.get("person_id"))
                .containsExactly("order-placed/customer/", "order-placed/front stage/ann", "delivered/customer/",
                        "delivered/front stage/dana", "delivered/backstage/pat", "delivered/support/sam",
                        "delivered/support/kim", "invoice/customer/");
        CSVRecord pat = rows.get(4);
        assertThat(pat.get("what")).isEqualTo("'" + HOSTILE_WHAT);
        assertThat(pat.get("friction")).isEqualTo("0.63");
        assertThat(rows.get(5).get("friction")).isEmpty();
        assertThat(rows.get(6).get("person")).isEqualTo("'=Kim #1");
        assertThat(rows.get(7).get("what")).isEqualTo("no owner");
    }

    @Test
    void mermaidMatchesTheGoldenFileWithEveryLaneAndTheGameOverMomentAsAHexagon() throws Exception {
        String mermaid = export(BlueprintFormat.MERMAID);

        assertGolden("parcels-blueprint.mmd", mermaid);
        assertThat(mermaid).startsWith("flowchart TB\n")
                .contains("subgraph customer[", "subgraph front[", "subgraph backstage[", "subgraph support[")
                .contains("t2{{\"GAME OVER: Parcel delivered #lt;signed#gt; (Delivery #124; doorstep)\"}}:::gameOver")
                .contains("[\"No owner: Invoice #35;2\"]:::vacant")
                .contains("==> ", " .-> ")
                .doesNotContain("<b>", "<signed>", "\"expecting\"");
    }

    @Test
    void svgMatchesTheGoldenFileIsWellFormedXmlAndCarriesTheLanesInWords() throws Exception {
        String svg = export(BlueprintFormat.SVG);

        assertGolden("parcels-blueprint.svg", svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("Customer: someone \"expecting\" a parcel", "Front stage", "Backstage", "Support",
                "GAME OVER", "No owner", "Parcel delivered <signed>");
        assertThat(svg).doesNotContain("<signed>", "<b>", "<vans>");
    }

    @Test
    void pngDecodesAtASensibleSize() throws Exception {
        byte[] png = pictures.export(parcels(), TEAM_NAMES, BlueprintFormat.PNG).content();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isBetween(1200, 3000);
        assertThat(image.getHeight()).isBetween(500, 2500);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/blueprint-parcels.png"), png);
    }

    @Test
    void theLanesRunTopToBottomAndTheTouchpointsLeftToRightInStageOrder() {
        MapDrawing drawing = pictures.drawing(parcels(), TEAM_NAMES);

        List<String> lanes = drawing.groups().stream().sorted(Comparator.comparingDouble(MapDrawing.GroupBox::y))
                .map(g -> g.group().id()).toList();
        assertThat(lanes).containsExactly("customer", "front-stage", "backstage", "support");
        for (int i = 1; i < drawing.groups().size(); i++) {
            MapDrawing.GroupBox above = drawing.groups().get(i - 1);
            assertThat(drawing.groups().get(i).y()).as("lanes do not overlap").isGreaterThanOrEqualTo(above.y() + above.height());
        }
        List<MapDrawing.NodeBox> moments = drawing.nodes().stream().filter(n -> n.node().group().equals("customer"))
                .toList();
        assertThat(moments).extracting(n -> n.node().id())
                .containsExactly("touchpoint:order-placed", "touchpoint:delivered", "touchpoint:invoice");
        assertThat(moments.get(0).x()).isLessThan(moments.get(1).x());
        assertThat(moments.get(1).x()).isLessThan(moments.get(2).x());
        assertThat(moments.get(1).node().kind()).isEqualTo(MapNode.Kind.GAME_OVER);
        assertThat(moments.get(1).node().note()).startsWith("GAME OVER");
        Map<String, String> laneOf = drawing.nodes().stream()
                .collect(Collectors.toMap(n -> n.node().id(), n -> n.node().group()));
        assertThat(laneOf).containsEntry("person:dana", "front-stage").containsEntry("person:ann", "front-stage")
                .containsEntry("vacant:invoice", "front-stage").containsEntry("person:pat", "backstage")
                .containsEntry("person:sam", "support").containsEntry("person:kim", "support");
        // Friction only where shown: Pat > Dana (4 respondents) is coloured, Sam > Pat (2) is not.
        Map<String, Boolean> coloured = drawing.routes().stream().collect(Collectors.toMap(
                r -> r.edge().from() + ">" + r.edge().to(), r -> r.edge().friction().isPresent()));
        assertThat(coloured).containsEntry("person:pat>person:dana", true).containsEntry("person:sam>person:pat", false);
        // Every arrow runs up towards the customer.
        drawing.routes().forEach(r -> assertThat(r.points().get(r.points().size() - 1).y())
                .as(r.edge().from() + ">" + r.edge().to()).isLessThan(r.points().get(0).y()));
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("handoff.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
