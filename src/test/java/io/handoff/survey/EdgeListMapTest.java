package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.T0;
import static io.handoff.survey.SurveyFixture.id;
import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Message;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Side;

/** The text placeholder of the map command. */
class EdgeListMapTest {
    private final SurveyFixture f = new SurveyFixture();

    @Test
    void listsCustomersAndSuppliers() {
        f.survey("pat", List.of("dana", "ravi"), List.of("loaded truck", "daily", "critical", "route sheet", "weekly",
                "routine"), List.of("sam"), List.of("sorted parcels", "daily", "important"));
        f.graph.confirm(f.tenant, id("pat"), id("ravi"), Side.DOWNSTREAM, T0.plusSeconds(5));

        Message map = shown(f.command("pat", "map"));

        assertThat(text(map)).isEqualTo("""
                # Who depends on you
                Dana Kowalski: loaded truck (daily, critical, waiting for Dana)
                Ravi Shah: route sheet (weekly, routine, confirmed)
                # Whose work you depend on
                Sam Reyes: sorted parcels (daily, important, waiting for Sam)
                Type customers to add or change handoffs.""");
    }

    @Test
    void staysWithinFiftyBlocks() {
        for (int i = 0; i < 30; i++) {
            f.person("c" + i, "Customer " + i, "drivers");
            f.graph.claim(f.tenant, id("pat"), id("c" + i), new HandoffTerms("thing " + i, Frequency.DAILY,
                    Criticality.ROUTINE), Side.UPSTREAM, T0);
        }

        Message map = shown(f.command("pat", "map"));

        assertThat(map.blocks()).hasSizeLessThanOrEqualTo(50);
        assertThat(text(map)).contains("…and 10 more (type my-data for all of them).").contains("# Whose work you depend on\nNobody named yet.");
    }
}
