package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;

/** The chat command's grammar, against the demo organisation in the real test Redis. */
class MapCommandTest {
    private static final PersonId PAT = PersonId.of("pat");
    private final MapFixture fixture = new MapFixture();
    private final MapCommand.Names names = fixture.maps.names(fixture.tenant);

    private MapCommand parse(String text) {
        return MapCommand.parse(text, PAT, names);
    }

    @Test
    void withoutAScopeItIsTheAskersNeighbourhoodAtDepthTwoAsAPng() {
        assertThat(parse("")).isEqualTo(new MapCommand(new MapScope.Person(PAT, 2), MapFormat.PNG));
        assertThat(parse("me depth 1")).isEqualTo(new MapCommand(new MapScope.Person(PAT, 1), MapFormat.PNG));
        assertThat(parse("depth 3 as svg")).isEqualTo(new MapCommand(new MapScope.Person(PAT, 3), MapFormat.SVG));
    }

    @Test
    void namesAPersonByMentionIdOrEmail() {
        fixture.store.savePerson(fixture.tenant, fixture.store.person(fixture.tenant, PersonId.of("dana")).orElseThrow()
                .withIdentity(Platform.SLACK, "U0DANA"));

        assertThat(parse("@dana").scope()).isEqualTo(new MapScope.Person(PersonId.of("dana"), 2));
        assertThat(parse("dana depth 1 as dot")).isEqualTo(
                new MapCommand(new MapScope.Person(PersonId.of("dana"), 1), MapFormat.DOT));
        // a Slack mention (<@U0DANA|dana>) reaches the core as @dana: the adapter resolves it (SlackMentionsTest)
        assertThat(parse("@dana as mermaid")).isEqualTo(
                new MapCommand(new MapScope.Person(PersonId.of("dana"), 2), MapFormat.MERMAID));
        assertThat(parse("@U0DANA").scope()).isEqualTo(new MapScope.Person(PersonId.of("dana"), 2));
    }

    @Test
    void namesATeamByIdOrByItsNameOfSeveralWords() {
        assertThat(parse("team drivers").scope()).isEqualTo(new MapScope.Team(TeamId.of("drivers"), 1));
        assertThat(parse("team Delivery Drivers depth 2 as csv")).isEqualTo(
                new MapCommand(new MapScope.Team(TeamId.of("drivers"), 2), MapFormat.CSV));
        assertThat(parse("TEAM pre-load (night shift) as graphml")).isEqualTo(
                new MapCommand(new MapScope.Team(TeamId.of("preload"), 1), MapFormat.GRAPHML));
    }

    @Test
    void theOrgMapTakesAFormatButNoDepth() {
        assertThat(parse("org as gexf")).isEqualTo(new MapCommand(new MapScope.Org(), MapFormat.GEXF));
        assertThat(parse("org as json").format()).isEqualTo(MapFormat.JSON);
        assertThatThrownBy(() -> parse("org depth 2")).isInstanceOf(MapRequestException.class)
                .hasMessageContaining("takes no depth");
    }

    @Test
    void explainsWhatWentWrong() {
        assertThatThrownBy(() -> parse("depth 4")).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> parse("depth two")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("depth")).hasMessageContaining("a number after 'depth'");
        assertThatThrownBy(() -> parse("as pdf")).hasMessageContaining("'pdf' is not a map format")
                .hasMessageContaining("mermaid");
        assertThatThrownBy(() -> parse("as")).hasMessageContaining("format after 'as'");
        assertThatThrownBy(() -> parse("team")).hasMessageContaining("name the team");
        assertThatThrownBy(() -> parse("team Astronauts")).isInstanceOf(MapNotFoundException.class)
                .hasMessageContaining("no team called 'Astronauts'");
        assertThatThrownBy(() -> parse("@nobody")).isInstanceOf(MapNotFoundException.class)
                .hasMessageContaining("no one called '@nobody'");
        assertThatThrownBy(() -> parse("@dana org")).hasMessageContaining("one map at a time");
        assertThatThrownBy(() -> parse("as png as svg")).hasMessageContaining("only once");
    }
}
