package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.chat.Message;
import io.handoff.empathy.Story;
import io.handoff.empathy.StoryMessages;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Team channels on Teams in the running app: an admin says {@code team-channel <team>} in a channel (a real channel
 * token, through /api/messages), and posts start a new thread there with {@code POST /v3/conversations} (WireMock),
 * once per key, escaped, and again after a refusal.
 */
@ExtendWith(OutputCaptureExtension.class)
class MsTeamsChannelsTest extends MsTeamsAppTest {
    private static final String TEAMS_TEAM = "19:team-depot@thread.tacv2";
    private static final String CHANNEL = "19:ops-handoffs@thread.tacv2";
    /** A message in a channel arrives in the conversation of its thread. */
    private static final String THREAD = CHANNEL + ";messageid=1732540000000";
    private static final String CREATE = "/teams/v3/conversations";

    @Autowired
    MsTeamsChannels channels;

    private TenantId tenant;
    private BotFrameworkFake.TeamsUser ada;
    private BotFrameworkFake.TeamsUser mo;
    private final TeamId ops = TeamId.of("ops");

    @BeforeEach
    void adminsOrganisation() {
        microsoftTenant = ADMINS_MICROSOFT_TENANT;
        ada = user("Ada Mensah", ADMIN_EMAIL);
        mo = user("Mo Member", "mo@contoso.example");
        client.post(fake.text(ada, "home")); // both are known to Handoff, with their email
        client.post(fake.text(mo, "home"));
        tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        graph.saveTeam(tenant, Team.of("ops", "Operations"));
        TestRedis.client().del("handoff:{" + tenant.value() + "}:teams-team-channels");
        fake.server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + CHANNEL + ";messageid=1732549999999\",\"activityId\":\"1732549999999\"}")));
    }

    @Test
    void anAdminSaysItInTheChannelAndTheChannelIsStoredAndConfirmedThere() {
        assertThat(client.post(inChannel(ada, "team-channel Operations")).statusCode()).isEqualTo(200);

        JsonNode stored = BotFrameworkFake.JSON.readTree(
                TestRedis.client().hget("handoff:{" + tenant.value() + "}:teams-team-channels", "ops"));
        assertThat(stored.path("serviceUrl").asString()).isEqualTo(fake.serviceUrl());
        assertThat(stored.path("channelId").asString()).isEqualTo(CHANNEL);
        assertThat(stored.path("teamsTeamId").asString()).isEqualTo(TEAMS_TEAM);
        assertThat(stored.path("microsoftTenant").asString()).isEqualTo(microsoftTenant);
        assertThat(channels.configured(tenant, ops)).isTrue();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD))).contains("**Operations**")
                .contains("now go to this channel");
        assertThat(fake.sentTo(ada.personalConversation())).hasSize(1); // only the home card: nothing went private

        client.post(inChannel(ada, "team-channel ops off"));
        assertThat(channels.configured(tenant, ops)).isFalse();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD))).contains("has no channel any more");

        graph.saveTeam(tenant, Team.of("rnd", "R&D"));
        client.post(inChannel(ada, "team-channel R&amp;D")); // Teams sends the text as HTML
        assertThat(channels.configured(tenant, TeamId.of("rnd"))).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefused() {
        client.post(inChannel(mo, "team-channel Operations"));

        assertThat(channels.configured(tenant, ops)).isFalse();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD))).contains("Only your Handoff admins")
                .doesNotContain("HANDOFF_");
    }

    @Test
    void inAPersonalChatItExplainsWhereToSayIt() {
        client.post(fake.text(ada, "team-channel Operations"));

        assertThat(channels.configured(tenant, ops)).isFalse();
        assertThat(BotFrameworkFake.texts(client.lastCard(ada.personalConversation())))
                .contains("in the channel that team should use");
        assertThat(fake.sentTo(THREAD)).isEmpty();
    }

    @Test
    void anUnknownTeamIsNamedAndNothingIsStored() {
        client.post(inChannel(ada, "team-channel Night Shift"));

        assertThat(TestRedis.client().hlen("handoff:{" + tenant.value() + "}:teams-team-channels")).isZero();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD))).contains("There is no team Night Shift");
    }

    @Test
    void withoutATeamItSaysHowAndStoresNothing() {
        client.post(inChannel(ada, "team-channel"));

        assertThat(TestRedis.client().hlen("handoff:{" + tenant.value() + "}:teams-team-channels")).isZero();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD)))
                .contains("Say team-channel <team> in the channel that team should use") // plain text: no \\-
                .doesNotContain("\\");
    }

    @Test
    void aTeamWhoseNameEndsInOffIsSetAndThenRemovedWithOff() {
        graph.saveTeam(tenant, Team.of("kickoff", "Kick off"));

        client.post(inChannel(ada, "team-channel Kick off"));
        assertThat(channels.configured(tenant, TeamId.of("kickoff"))).isTrue();
        assertThat(BotFrameworkFake.texts(client.lastCard(THREAD))).contains("**Kick off**");

        client.post(inChannel(ada, "team-channel Kick off off"));
        assertThat(channels.configured(tenant, TeamId.of("kickoff"))).isFalse();
    }

    @Test
    void syncTeamsSaysTeamsComeFromTheRosterImportOnTeams() {
        client.post(fake.text(ada, "sync-teams"));

        assertThat(BotFrameworkFake.texts(client.lastCard(ada.personalConversation())))
                .contains("Syncing teams is not available here").contains("roster import");
        assertThat(fake.sentTo(THREAD)).isEmpty();
    }

    @Test
    void aSharedStoryStartsOneThreadInTheChannelShownLiterally() {
        client.post(inChannel(ada, "team-channel Operations"));
        Person teller = person("dana", "Dana <at>Everyone</at>");
        Person upstream = person("pat", "Pat Lee");
        Story story = Story.draft("s-" + UUID.randomUUID(), upstream.id(), teller.id(), "release notes",
                new Story.Written("Friday *deploys* <at>General</at> hurt [x](http://evil.example)", 3, false, true),
                Instant.now()).sentAt(Instant.now());
        String key = "story-channel:" + story.id();

        channels.post(tenant, ops, StoryMessages.channelPost(story, teller, upstream), key);
        await().atMost(Duration.ofSeconds(10)).until(() -> creates().size() == 1);
        channels.post(tenant, ops, StoryMessages.channelPost(story, teller, upstream), key); // a retried share
        channels.post(tenant, ops, Message.text("a later digest"), "digest-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> creates().size() == 2);

        List<LoggedRequest> created = creates();
        assertThat(created.get(0).getHeader("Authorization")).isEqualTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN);
        JsonNode thread = BotFrameworkFake.JSON.readTree(created.get(0).getBodyAsString());
        assertThat(thread.path("isGroup").asBoolean()).isTrue();
        assertThat(thread.path("channelData").path("channel").path("id").asString()).isEqualTo(CHANNEL);
        assertThat(thread.path("tenantId").asString()).isEqualTo(microsoftTenant);
        String card = BotFrameworkFake.texts(BotFrameworkFake.card(thread.path("activity")));
        // shown as typed, in plain text runs no client reads as markdown or a mention; the address cannot link
        JsonNode sharedCard = BotFrameworkFake.card(thread.path("activity"));
        assertThat(card).contains("<at>General</at>").contains("*deploys*")
                .contains("[x](http:\u2060//evil.example)").contains("Dana <at>Everyone</at>");
        assertThat(card).doesNotContain("[x](http://").doesNotContain("\\");
        assertThat(sharedCard.toString()).doesNotContain("\"TextBlock\"").doesNotContain("\"mention\"");
        assertThat(BotFrameworkFake.boldTexts(sharedCard)).noneMatch(bold -> bold.contains("deploys"));
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(
                BotFrameworkFake.JSON.readTree(created.get(1).getBodyAsString()).path("activity"))))
                .contains("a later digest");
    }

    @Test
    void aRefusedPostReleasesItsClaimAndTheRetryPosts() {
        client.post(inChannel(ada, "team-channel Operations"));
        fake.server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(500)));
        String key = "friction-digest:" + UUID.randomUUID() + ":ops";
        String claim = MsTeamsChannels.claimKey(tenant, key);

        channels.post(tenant, ops, Message.text("Friction digest"), key);
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestRedis.client().exists(claim));
        assertThat(creates()).hasSize(1);

        fake.server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + CHANNEL + "\"}")));
        channels.post(tenant, ops, Message.text("Friction digest"), key);
        await().atMost(Duration.ofSeconds(10)).until(() -> creates().size() == 2);
        assertThat(TestRedis.client().exists(claim)).isTrue();
    }

    @Test
    void removingHandoffFromTheTeamForgetsTheChannelsInItOnly() {
        client.post(inChannel(ada, "team-channel Operations"));
        TeamId rnd = TeamId.of("rnd");
        graph.saveTeam(tenant, Team.of("rnd", "R&D"));
        channels.assign(tenant, rnd, new MsTeamsChannels.ChannelPlace(fake.serviceUrl(), "19:rnd@thread.tacv2",
                "19:team-other@thread.tacv2", microsoftTenant));
        String claim = MsTeamsRosterImports.claimKey(tenant, TEAMS_TEAM);
        TestRedis.client().set(claim, "an earlier import");
        assertThat(channels.configured(tenant, ops)).isTrue();

        ObjectNode removed = teamEvent(ada, "teamMemberRemoved");
        removed.putArray("membersRemoved").addObject().put("id", "28:" + BotFrameworkFake.APP_ID);
        assertThat(client.post(removed).statusCode()).isEqualTo(200);

        assertThat(channels.configured(tenant, ops)).isFalse();
        assertThat(channels.channel(tenant, rnd)).as("a channel of another Teams team stays")
                .map(MsTeamsChannels.ChannelPlace::channelId).contains("19:rnd@thread.tacv2");
        assertThat(TestRedis.client().exists(claim)).as("a later install imports the roster again").isFalse();
        assertThat(graph.person(tenant, PersonId.of("mo@contoso.example"))).as("people stay").isPresent();
        assertThat(fake.sentTo(TEAMS_TEAM)).as("nothing is said into a team Handoff left").isEmpty();
    }

    @Test
    void aDeletedTeamIsForgottenToo() {
        client.post(inChannel(ada, "team-channel Operations"));

        assertThat(client.post(teamEvent(ada, "teamDeleted")).statusCode()).isEqualTo(200);

        assertThat(channels.configured(tenant, ops)).isFalse();
        assertThat(TestRedis.client().hlen("handoff:{" + tenant.value() + "}:teams-team-channels")).isZero();
    }

    @Test
    void aColleagueLeavingTheTeamKeepsTheirDataAndIsLogged(CapturedOutput output) {
        client.post(inChannel(ada, "team-channel Operations"));
        Person before = graph.person(tenant, PersonId.of("mo@contoso.example")).orElseThrow();

        ObjectNode left = teamEvent(ada, "teamMemberRemoved");
        left.putArray("membersRemoved").addObject().put("id", mo.userId()).put("aadObjectId", mo.aadObjectId());
        assertThat(client.post(left).statusCode()).isEqualTo(200);

        assertThat(graph.person(tenant, PersonId.of("mo@contoso.example"))).contains(before);
        assertThat(channels.configured(tenant, ops)).isTrue();
        assertThat(output.getOut()).contains("mo@contoso.example left Teams team " + TEAMS_TEAM)
                .contains("Handoff keeps what it knows about them");
    }

    /** A conversationUpdate about the team, as Teams sends it to the team's General channel. */
    private ObjectNode teamEvent(BotFrameworkFake.TeamsUser by, String eventType) {
        ObjectNode update = fake.activity("conversationUpdate", by, TEAMS_TEAM, "channel");
        ObjectNode channelData = (ObjectNode) update.get("channelData");
        channelData.put("eventType", eventType);
        channelData.putObject("team").put("id", TEAMS_TEAM).put("name", "Depot");
        return update;
    }

    private List<LoggedRequest> creates() {
        return fake.requestsTo(CREATE);
    }

    private Person person(String id, String name) {
        Person person = new Person(PersonId.of(id), name, null, null, null, Map.of());
        graph.savePerson(tenant, person);
        return person;
    }

    /** A message to the bot in the channel's thread, as Teams sends it: @mention, channel and team in channelData. */
    private ObjectNode inChannel(BotFrameworkFake.TeamsUser from, String command) {
        ObjectNode message = fake.activity("message", from, THREAD, "channel").put("text", "<at>Handoff</at> " + command);
        ObjectNode entity = message.putArray("entities").addObject().put("type", "mention").put("text", "<at>Handoff</at>");
        entity.putObject("mentioned").put("id", "28:" + BotFrameworkFake.APP_ID).put("name", "Handoff");
        ObjectNode channelData = (ObjectNode) message.get("channelData");
        channelData.putObject("channel").put("id", CHANNEL).put("name", "Ops handoffs");
        channelData.putObject("team").put("id", TEAMS_TEAM).put("name", "Depot");
        return message;
    }
}
