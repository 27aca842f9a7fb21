package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.handoff.chat.Actor;
import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.testing.RecordedRedis;
import io.handoff.testing.RoundTripRecorder;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis round trips a Teams message of a known person makes before its turn ends (and the Bot Framework gets its
 * 200), issue 20: counted on the thread that ran the turn by a client that records each round trip. What the activity
 * tells about the person (conversation reference, Teams user id, Teams as the platform used last) is still kept, after
 * the turn; that a forget-me leaves none of it behind is {@code MsTeamsSurveyTest}'s.
 */
@Import(RecordedRedis.class)
class MsTeamsAckRoundTripsTest extends MsTeamsAppTest {
    private static final RoundTripRecorder RECORDER = RecordedRedis.RECORDER;

    @Autowired
    PlatformPreference platformPreference;

    @Autowired
    MsTeamsAddresses addresses;

    @Autowired
    UnifiedJedis redis;

    @Test
    void helpOfAKnownPersonIsAnsweredAfterOneRoundTripAndTheirAddressesAreKeptAfterTheTurn() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        // the first message creates the tenant and the person and keeps their addresses at once; the second is the
        // everyday case
        Actor known = firstHelp(pat);
        TenantId tenant = known.tenant();
        PersonId patId = known.person();
        assertThat(redis.get(ConversationReferences.key(tenant, patId))).contains(pat.personalConversation());
        forgetWhatIsKept(tenant, patId);

        int mark = RECORDER.mark();
        assertThat(client.post(fake.text(pat, "help")).statusCode()).isEqualTo(200);

        // the turn runs on the request's thread or on the SDK's own (Bot-N)
        List<RoundTripRecorder.RoundTrip> turn = RECORDER.since(mark,
                thread -> thread.startsWith("http-nio") || thread.startsWith("Bot-"));
        assertThat(turn).as("the tenant index's version token, the tenant check and the identity in one pipeline: %s",
                turn).hasSize(1);
        assertThat(BotFrameworkFake.texts(client.lastCard(pat.personalConversation()))).contains("What I can do");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(platformPreference.stored(tenant, patId)).containsEntry("last", "teams");
            assertThat(redis.get(ConversationReferences.key(tenant, patId))).contains(pat.personalConversation());
            assertThat(addresses.userId(tenant, patId)).contains(pat.userId());
        });

        // the next activity leaves the stored reference as it is (it does not keep the activity's id)
        String reference = redis.get(ConversationReferences.key(tenant, patId));
        int again = RECORDER.mark();
        assertThat(client.post(fake.text(pat, "help")).statusCode()).isEqualTo(200);
        String lastPlatform = "HSET " + TenantKeys.key(tenant, "platform-choice");
        await().atMost(Duration.ofSeconds(10)).until(() -> RECORDER.since(again, thread -> true).stream()
                .anyMatch(trip -> trip.commands().contains(lastPlatform)));
        assertThat(RECORDER.since(again, thread -> true)).flatMap(RoundTripRecorder.RoundTrip::commands)
                .doesNotContain("SET " + ConversationReferences.key(tenant, patId));
        assertThat(redis.get(ConversationReferences.key(tenant, patId))).isEqualTo(reference);
    }

    @Test
    void aPersonDeletedBetweenTheCheckAndTheWritesLeavesNothingBehind() {
        BotFrameworkFake.TeamsUser kim = user("Kim Lee", "kim@contoso.example");
        Actor known = firstHelp(kim);
        TenantId tenant = known.tenant();
        PersonId kimId = known.person();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platformPreference.stored(tenant, kimId)).containsEntry("last", "teams"));
        // SCIM deletes Kim (and forgets what was kept) between the after-turn's check and its write
        AtomicBoolean deleted = new AtomicBoolean();
        RECORDER.beforeSending("HSET " + TenantKeys.key(tenant, "platform-choice"), () -> {
            graph.deletePerson(tenant, kimId);
            forgetWhatIsKept(tenant, kimId);
            deleted.set(true);
        });

        assertThat(client.post(fake.text(kim, "help")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilTrue(deleted);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(platformPreference.stored(tenant, kimId)).isEmpty();
            assertThat(redis.exists(ConversationReferences.key(tenant, kimId))).isFalse();
            assertThat(addresses.userId(tenant, kimId)).isEmpty();
        });
    }

    /** The user's first message: it creates the tenant and the person, who is returned. */
    private Actor firstHelp(BotFrameworkFake.TeamsUser user) {
        assertThat(client.post(fake.text(user, "help")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        return new Actor(tenant, graph.personByIdentity(tenant, Platform.TEAMS, user.aadObjectId()).orElseThrow());
    }

    /** Removes what the adapter keeps about the person from an activity (as their forget-me does). */
    private void forgetWhatIsKept(TenantId tenant, PersonId person) {
        platformPreference.forget(tenant, person);
        redis.del(ConversationReferences.key(tenant, person), MsTeamsAddresses.userIdKey(tenant, person));
    }
}
