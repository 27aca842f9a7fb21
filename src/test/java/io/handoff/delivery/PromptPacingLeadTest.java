package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * Two prompts for one person that do not know of each other (neither is the other's companion) never both lead a
 * message at once: while one message is on its way the other waits, then the gap applies (the burst CI once saw: two
 * messages to Ravi 11 ms apart).
 */
class PromptPacingLeadTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private final PromptPacing pacing = new PromptPacing(TestRedis.client(), Duration.ofHours(1));
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PersonId ravi = PersonId.of("ravi");

    @Test
    void aSecondLeaderWaitsForTheMessageOnItsWayThenForTheGap() {
        assertThat(pacing.lead(tenant, ravi, "job-a", List.of(), NOW)).isInstanceOf(PromptPacing.Lead.Leads.class);

        PromptPacing.Lead second = pacing.lead(tenant, ravi, "job-b", List.of(), NOW.plusMillis(11));
        assertThat(second).isEqualTo(new PromptPacing.Lead.Wait(NOW.plus(Duration.ofMinutes(2))));

        pacing.sent(tenant, ravi, List.of("job-a"), NOW.plusSeconds(1));
        assertThat(pacing.lead(tenant, ravi, "job-b", List.of(), NOW.plusSeconds(2)))
                .isEqualTo(new PromptPacing.Lead.Wait(NOW.plusSeconds(1).plus(Duration.ofHours(1))));
    }

    @Test
    void aMessageThatDidNotGoOutFreesTheNextLeader() {
        pacing.lead(tenant, ravi, "job-a", List.of(), NOW);
        pacing.release(tenant, ravi, List.of("job-a"));

        assertThat(pacing.lead(tenant, ravi, "job-b", List.of(), NOW.plusSeconds(1)))
                .isInstanceOf(PromptPacing.Lead.Leads.class);
    }
}
