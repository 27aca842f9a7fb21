package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.get;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubOk;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.util.JsonOps;

import io.handoff.crypto.SecretBox;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestEncryption;
import io.handoff.testing.TestRedis;

/** Many workspaces: OAuth installs through /slack/install and /slack/oauth_redirect, each its own tenant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SlackOAuthTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final String FORM = "application/x-www-form-urlencoded";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSlackApp(registry, SLACK);
        registry.add("handoff.slack.client-id", () -> "1234.5678");
        registry.add("handoff.slack.client-secret", () -> "test-client-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Test
    void installsTwoWorkspacesAsTwoTenantsAndServesEachWithItsOwnToken() throws Exception {
        Workspace one = Workspace.random("Northside Depot");
        Workspace two = Workspace.random("St Brigid's Ward");
        one.stub(SLACK);
        two.stub(SLACK);
        SLACK.stubFor(post(urlEqualTo("/api/usergroups.list")).withHeader("Authorization", equalTo("Bearer " + one.token))
                .willReturn(okJson("""
                        {"ok":true,"usergroups":[{"id":"S0NIGHT","team_id":"%s","name":"Night shift",
                         "handle":"night-shift","date_delete":0}]}""".formatted(one.team))));
        SLACK.stubFor(post(urlEqualTo("/api/usergroups.list")).withHeader("Authorization", equalTo("Bearer " + two.token))
                .willReturn(okJson("{\"ok\":true,\"usergroups\":[]}")));
        stubOk(SLACK, "usergroups.users.list", "{\"ok\":true,\"users\":[\"" + one.installer + "\"]}");

        HttpResponse<String> first = install(one);
        HttpResponse<String> second = install(two);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        // tokens are sealed at rest: what Redis holds (a dump, a replica, MONITOR) names no token
        for (Workspace workspace : new Workspace[] {one, two}) {
            assertThat(TestRedis.client().get("handoff:slack:bot:-:" + workspace.team))
                    .startsWith("v1:" + TestEncryption.box().currentKeyId() + ":").doesNotContain("xoxb-");
            assertThat(TestRedis.client().get("handoff:slack:installer:-:" + workspace.team + ":" + workspace.installer))
                    .startsWith("v1:").doesNotContain("xoxb-");
        }
        TenantId tenantOne = graph.tenantForSlack(null, one.team).orElseThrow();
        TenantId tenantTwo = graph.tenantForSlack(null, two.team).orElseThrow();
        assertThat(tenantOne).isEqualTo(TenantId.of("slack-" + one.team.toLowerCase(Locale.ROOT)));
        assertThat(tenantTwo).isNotEqualTo(tenantOne);
        assertThat(graph.tenant(tenantTwo).map(Tenant::name)).hasValue("St Brigid's Ward");

        // the install synced the first workspace's user groups into teams
        await().atMost(Duration.ofSeconds(10)).until(() -> graph.personByIdentity(tenantOne, Platform.SLACK,
                one.installer).flatMap(id -> graph.person(tenantOne, id)).flatMap(Person::teamId),
                team -> team.equals(Optional.of(TeamId.of("night-shift"))));
        assertThat(graph.teamMap(tenantOne).teamName(TeamId.of("night-shift"))).isEqualTo("Night shift");

        // a command from the second workspace is served with the second workspace's token, in its own tenant
        HttpResponse<String> help = postSigned(port, slashCommand(two.team, two.installer, "help", "trig-2"), FORM,
                Map.of());
        assertThat(help.statusCode()).isEqualTo(200);
        assertThat(help.body()).contains("What I can do");
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + two.installer)))).isNotEmpty()
                .allMatch(request -> request.getHeader("Authorization").equals("Bearer " + two.token));
        PersonId person = graph.personByIdentity(tenantTwo, Platform.SLACK, two.installer).orElseThrow();
        assertThat(graph.personByIdentity(tenantOne, Platform.SLACK, two.installer)).isEmpty();
        assertThat(graph.person(tenantTwo, person).orElseThrow().displayName()).isEqualTo("Installer of St Brigid's Ward");
    }

    @Test
    void forgetsTheInstallationWhenTheAppIsUninstalled() throws Exception {
        Workspace leaving = Workspace.random("Leaving Ltd");
        leaving.stub(SLACK);
        stubOk(SLACK, "usergroups.list", "{\"ok\":true,\"usergroups\":[]}");
        assertThat(install(leaving).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForSlack(null, leaving.team).orElseThrow();
        assertThat(TestRedis.client().exists("handoff:slack:bot:-:" + leaving.team)).isTrue();

        HttpResponse<String> uninstalled = postSigned(port, """
                {"token":"x","team_id":"%s","api_app_id":"A0HANDOFF","type":"event_callback","event_id":"Ev%s",
                 "event_time":1700000000,"event":{"type":"app_uninstalled","event_ts":"1700000000.000400"}}"""
                .formatted(leaving.team, SlackTestSupport.slackId('X')), "application/json", Map.of());

        assertThat(uninstalled.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !TestRedis.client().exists("handoff:slack:bot:-:" + leaving.team));
        assertThat(TestRedis.client().exists("handoff:slack:installer:-:" + leaving.team + ":" + leaving.installer))
                .isFalse();
        assertThat(graph.tenant(tenant)).isPresent(); // the graph stays; only Slack's tokens are gone
    }

    @Test
    void refusesAnInstallWithAForgedState() throws Exception {
        Workspace forged = Workspace.random("Forged Inc");
        forged.stub(SLACK);

        HttpResponse<String> callback = get(port, "/slack/oauth_redirect?code=" + forged.code + "&state=forged-state",
                Map.of("Cookie", "slack-app-oauth-state=forged-state"));

        assertThat(callback.body()).doesNotContain("Exception");
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                .withRequestBody(containing("code=" + forged.code)))).isEmpty();
        assertThat(TestRedis.client().exists("handoff:slack:bot:-:" + forged.team)).isFalse();
        assertThat(graph.tenantForSlack(null, forged.team)).isEmpty();
    }

    @Test
    void installsAnEnterpriseGridOrgAsOneTenantForAllItsWorkspaces() throws Exception {
        String enterprise = SlackTestSupport.slackId('E');
        String code = "code-" + enterprise;
        String token = "xoxb-org-" + enterprise;
        SLACK.stubFor(post(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("""
                        {"ok":true,"app_id":"A0HANDOFF","authed_user":{"id":"UORGADMIN"},"scope":"commands,chat:write",
                         "token_type":"bot","access_token":"%s","bot_user_id":"UBOTORG","team":null,
                         "enterprise":{"id":"%s","name":"Grid Org"},"is_enterprise_install":true}"""
                        .formatted(token, enterprise))));
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("""
                        {"ok":true,"url":"https://grid.enterprise.slack.com/","team":"Grid Org","user":"handoff",
                         "team_id":"%s","enterprise_id":"%s","user_id":"UBOTORG","bot_id":"BORG",
                         "is_enterprise_install":true}""".formatted(enterprise, enterprise))));
        SLACK.stubFor(post(urlEqualTo("/api/usergroups.list")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"ok\":true,\"usergroups\":[]}")));

        HttpResponse<String> installed = install(code);

        assertThat(installed.statusCode()).isEqualTo(200);
        assertThat(TestRedis.client().get("handoff:slack:bot:" + enterprise + ":-")).startsWith("v1:")
                .doesNotContain(token);
        TenantId tenant = graph.tenantForSlack(enterprise, SlackTestSupport.slackId('T')).orElseThrow();
        assertThat(tenant).isEqualTo(TenantId.of("slack-" + enterprise.toLowerCase(Locale.ROOT)));
        assertThat(graph.tenant(tenant).orElseThrow().slackEnterpriseId()).isEqualTo(enterprise);
    }

    @Test
    void aWorkspaceWhoseInstallationDoesNotDecryptIsAnsweredAsAWorkspaceNeverInstalled(CapturedOutput output)
            throws Exception {
        String broken = SlackTestSupport.slackId('T');
        String neverInstalled = SlackTestSupport.slackId('T');
        String user = SlackTestSupport.slackId('U');
        String key = "handoff:slack:bot:-:" + broken;
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(broken);
        bot.setBotAccessToken("xoxb-" + broken);
        SecretBox lostKey = SecretBox.ephemeral(); // e.g. sealed before HANDOFF_ENCRYPTION_KEY was replaced
        TestRedis.client().set(key, lostKey.seal(JsonOps.toJsonString(bot), key));

        SLACK.stubFor(post(urlEqualTo("/commands/" + broken)).willReturn(okJson("{\"ok\":true}")));
        SLACK.stubFor(post(urlEqualTo("/commands/" + neverInstalled)).willReturn(okJson("{\"ok\":true}")));

        HttpResponse<String> answer = postSigned(port, command(broken, user), FORM, Map.of());
        HttpResponse<String> unknown = postSigned(port, command(neverInstalled, user), FORM, Map.of());

        // the answer to a workspace without an installation (SlackNotInstalled): the same status and body
        assertThat(answer.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(unknown.body()).contains("Handoff is not installed")
                .doesNotContain("Exception").doesNotContain("key id").doesNotContain("What I can do");
        assertThat(output.getAll()).contains(key + " cannot be decrypted (key id " + lostKey.currentKeyId() + ")");
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + user)))).isEmpty();
        assertThat(graph.tenantForSlack(null, broken)).isEmpty();
    }

    /** {@code /handoff help} whose response_url is WireMock, to see what Bolt tells the workspace. */
    private static String command(String team, String user) {
        return slashCommand(team, user, "help", "trig-" + team).replace(
                URLEncoder.encode("https://hooks.slack.invalid/commands/1", StandardCharsets.UTF_8),
                URLEncoder.encode("http://localhost:" + SLACK.port() + "/commands/" + team,
                        StandardCharsets.UTF_8));
    }

    private HttpResponse<String> install(Workspace workspace) throws Exception {
        return install(workspace.code);
    }

    /** The browser's way through: /slack/install sets the state cookie, Slack redirects back with the code. */
    private HttpResponse<String> install(String code) throws Exception {
        HttpResponse<String> start = get(port, "/slack/install", Map.of());
        assertThat(start.statusCode()).isEqualTo(200);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow();
        String state = cookie.substring("slack-app-oauth-state=".length(), cookie.indexOf(';'));
        assertThat(start.body()).contains("https://slack.com/oauth/v2/authorize").contains("state=" + state)
                .contains("client_id=1234.5678");
        return get(port, "/slack/oauth_redirect?code=" + code + "&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));
    }

    private record Workspace(String team, String name, String code, String token, String installer) {
        static Workspace random(String name) {
            String team = SlackTestSupport.slackId('T');
            return new Workspace(team, name, "code-" + team, "xoxb-" + team.toLowerCase(Locale.ROOT),
                    SlackTestSupport.slackId('U'));
        }

        void stub(WireMockServer slack) {
            slack.stubFor(post(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                    .willReturn(okJson("""
                            {"ok":true,"app_id":"A0HANDOFF","authed_user":{"id":"%s"},"scope":"commands,chat:write",
                             "token_type":"bot","access_token":"%s","bot_user_id":"UBOT%s","team":{"id":"%s","name":"%s"},
                             "enterprise":null,"is_enterprise_install":false}"""
                            .formatted(installer, token, team, team, name))));
            slack.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(okJson("""
                            {"ok":true,"url":"https://x.slack.com/","team":"%s","user":"handoff","team_id":"%s",
                             "user_id":"UBOT%s","bot_id":"B%s","is_enterprise_install":false}"""
                            .formatted(name, team, team, team))));
            stubUser(slack, installer, team, "Installer of " + name, null);
        }
    }
}
