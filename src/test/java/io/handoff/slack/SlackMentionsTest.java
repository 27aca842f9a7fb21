package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The Slack adapter turns Slack's user mentions into Handoff people before the core reads a command. */
class SlackMentionsTest {
    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final SlackPeople people = new SlackPeople(graph);

    @Test
    void aMentionOfSomeoneHandoffKnowsBecomesTheirId() {
        graph.savePerson(tenant, new Person(PersonId.of("dana"), "Dana Reyes", null, null, null,
                Map.of(Platform.SLACK, "U0DANA")));
        graph.savePerson(tenant, new Person(PersonId.of("pat"), "Pat Okafor", null, null, null,
                Map.of(Platform.SLACK, "U0PAT")));

        assertThat(people.mentionsAsPeople(tenant, "map <@U0DANA|dana> as mermaid")).isEqualTo("map @dana as mermaid");
        assertThat(people.mentionsAsPeople(tenant, "map <@U0DANA>")).isEqualTo("map @dana");
        assertThat(people.mentionsAsPeople(tenant, "<@U0PAT> and <@U0DANA|d>")).isEqualTo("@pat and @dana");
    }

    @Test
    void aMentionOfSomeoneUnknownStaysAsTypedAndOtherTextIsUntouched() {
        assertThat(people.mentionsAsPeople(tenant, "map <@U0NOBODY|who>")).isEqualTo("map <@U0NOBODY|who>");
        assertThat(people.mentionsAsPeople(tenant, "team-channel night <#C0123|night> $1 \\ @x"))
                .isEqualTo("team-channel night <#C0123|night> $1 \\ @x");
    }

    @Test
    void aChannelMentionBecomesItsIdSoTheCoreReadsNoSlackSyntax() {
        assertThat(SlackTeamChannels.mentionsAsChannels("team-channel Night shift <#C0NIGHT123|night-shift>"))
                .isEqualTo("team-channel Night shift #C0NIGHT123");
        assertThat(SlackTeamChannels.mentionsAsChannels("<#G0PRIVATE1> and <#C0OPS1234|ops> $1 \\ <@U0DANA|dana>"))
                .isEqualTo("#G0PRIVATE1 and #C0OPS1234 $1 \\ <@U0DANA|dana>");
        assertThat(SlackTeamChannels.mentionsAsChannels("#not-a-mention <#lowercase|x>"))
                .isEqualTo("#not-a-mention <#lowercase|x>");
    }
}
