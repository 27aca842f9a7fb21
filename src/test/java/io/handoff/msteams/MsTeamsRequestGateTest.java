package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The checks before the SDK, one by one, and how the tenant settings combine. */
class MsTeamsRequestGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String PARTNER = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";
    private static final String BOT_FRAMEWORK_TOKEN = bearer("https://api.botframework.com");

    @Test
    void admitsATeamsActivityAndNamesItsTenant() {
        MsTeamsRequestGate gate = new MsTeamsRequestGate(Set.of(), false, false);

        assertThat(gate.check(activity(), BOT_FRAMEWORK_TOKEN)).isEqualTo(new MsTeamsRequestGate.Verdict.Admit(TENANT));
    }

    @Test
    void serviceUrlsMustBeHttpsOrLoopbackHttpWhenThatIsEnabled() {
        MsTeamsRequestGate strict = new MsTeamsRequestGate(Set.of(), false, false);
        MsTeamsRequestGate local = new MsTeamsRequestGate(Set.of(), true, false);
        for (String url : List.of("http://localhost:8080/teams/", "http://127.0.0.1:1/", "http://[::1]:9/")) {
            assertThat(status(strict, activity().put("serviceUrl", url))).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(local.check(activity().put("serviceUrl", url), BOT_FRAMEWORK_TOKEN)).as(url)
                    .isInstanceOf(MsTeamsRequestGate.Verdict.Admit.class);
        }
        for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "http://localhost.evil.example/",
                "http://127.0.0.1.nip.io/", "https:///nohost", "https://a@smba.trafficmanager.net/", "data:,x",
                "https://smba.trafficmanager.net/x#frag", "https://" + "a".repeat(2100) + ".example/")) {
            assertThat(status(local, activity().put("serviceUrl", url))).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void otherChannelsAndTheEmulatorsTokensOnlyWhenEnabled() {
        String emulatorToken = bearer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/");
        MsTeamsRequestGate strict = new MsTeamsRequestGate(Set.of(), false, false);
        MsTeamsRequestGate development = new MsTeamsRequestGate(Set.of(), false, true);

        assertThat(status(strict, activity().put("channelId", "emulator"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(strict.check(activity(), emulatorToken)).isInstanceOf(MsTeamsRequestGate.Verdict.Refuse.class)
                .extracting(v -> ((MsTeamsRequestGate.Verdict.Refuse) v).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(development.check(activity().put("channelId", "emulator"), emulatorToken))
                .isInstanceOf(MsTeamsRequestGate.Verdict.Admit.class);
        assertThat(development.check(activity(), bearer("https://evil.example/")))
                .isInstanceOf(MsTeamsRequestGate.Verdict.Refuse.class);
        for (String header : new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer not.a.jwt"}) {
            assertThat(strict.check(activity(), header)).as(String.valueOf(header))
                    .isInstanceOf(MsTeamsRequestGate.Verdict.Refuse.class);
        }
    }

    /** The last token's issuer is remembered, and each token is still judged by its own claim. */
    @Test
    void eachTokenIsJudgedByItsOwnIssuerWhateverCameBefore() {
        MsTeamsRequestGate gate = new MsTeamsRequestGate(Set.of(), false, false);
        String forged = bearer("https://evil.example/");
        List<String> tokens = List.of(BOT_FRAMEWORK_TOKEN, BOT_FRAMEWORK_TOKEN, forged, forged, BOT_FRAMEWORK_TOKEN,
                "Bearer not.a.jwt", BOT_FRAMEWORK_TOKEN, "Bearer  " + BOT_FRAMEWORK_TOKEN.substring(7) + " ");
        List<Class<?>> verdicts = tokens.stream().<Class<?>>map(token -> gate.check(activity(), token).getClass())
                .toList();

        assertThat(verdicts).containsExactly(MsTeamsRequestGate.Verdict.Admit.class,
                MsTeamsRequestGate.Verdict.Admit.class, MsTeamsRequestGate.Verdict.Refuse.class,
                MsTeamsRequestGate.Verdict.Refuse.class, MsTeamsRequestGate.Verdict.Admit.class,
                MsTeamsRequestGate.Verdict.Refuse.class, MsTeamsRequestGate.Verdict.Admit.class,
                MsTeamsRequestGate.Verdict.Admit.class);
    }

    @Test
    void tenantsMustBeGuidsAndAgree() {
        MsTeamsRequestGate gate = new MsTeamsRequestGate(Set.of(), false, false);
        ObjectNode placeholder = activity();
        ((ObjectNode) placeholder.path("conversation")).put("tenantId", "<TENANT ID>");
        ObjectNode twoTenants = activity();
        ((ObjectNode) twoTenants.path("channelData").path("tenant")).put("id", PARTNER);
        ObjectNode none = activity();
        ((ObjectNode) none.path("conversation")).remove("tenantId");
        none.remove("channelData");
        ObjectNode onlyChannelData = activity();
        ((ObjectNode) onlyChannelData.path("conversation")).remove("tenantId");

        assertThat(gate.check(placeholder, BOT_FRAMEWORK_TOKEN)).isInstanceOf(MsTeamsRequestGate.Verdict.Unattributable.class);
        assertThat(gate.check(twoTenants, BOT_FRAMEWORK_TOKEN)).isInstanceOf(MsTeamsRequestGate.Verdict.Unattributable.class);
        assertThat(gate.check(none, BOT_FRAMEWORK_TOKEN)).isInstanceOf(MsTeamsRequestGate.Verdict.Unattributable.class);
        assertThat(gate.check(onlyChannelData, BOT_FRAMEWORK_TOKEN))
                .isEqualTo(new MsTeamsRequestGate.Verdict.Admit(TENANT));
    }

    @Test
    void idsOfTheWrongShapeLeaveTheActivityUnattributable() {
        MsTeamsRequestGate gate = new MsTeamsRequestGate(Set.of(), false, false);
        for (String[] field : new String[][] {{"from", "id", "29:<userID>"}, {"from", "aadObjectId", "***"},
                {"conversation", "id", "sample conversation Id@thread.skype"}, {"conversation", "id", ""},
                {"recipient", "id", "28:<BOT ID>"}, {"conversation", "id", "a:" + "x".repeat(MsTeamsIds.MAX_ID)}}) {
            ObjectNode activity = activity();
            ((ObjectNode) activity.path(field[0])).put(field[1], field[2]);
            assertThat(gate.check(activity, BOT_FRAMEWORK_TOKEN)).as(String.join(".", field))
                    .isInstanceOf(MsTeamsRequestGate.Verdict.Unattributable.class);
        }
        ObjectNode member = activity();
        member.putArray("membersAdded").addObject().put("id", "29:ok").put("aadObjectId", "not-a-guid");
        assertThat(gate.check(member, BOT_FRAMEWORK_TOKEN)).isInstanceOf(MsTeamsRequestGate.Verdict.Unattributable.class);
        ObjectNode channelMessage = activity();
        ((ObjectNode) channelMessage.path("conversation"))
                .put("id", "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2;messageid=1575667808184");
        assertThat(gate.check(channelMessage, BOT_FRAMEWORK_TOKEN)).isInstanceOf(MsTeamsRequestGate.Verdict.Admit.class);
    }

    @Test
    void theAcceptedTenantsComeFromTheAppTenantAndTheAllowedList() {
        assertThat(properties(null, List.of()).acceptedTenants()).as("multi-tenant: any").isEmpty();
        assertThat(properties(TENANT, List.of()).acceptedTenants()).containsExactly(TENANT);
        assertThat(properties(TENANT.toUpperCase(), List.of(PARTNER.toUpperCase())).acceptedTenants())
                .containsExactlyInAnyOrder(TENANT, PARTNER);
        assertThat(properties(TENANT, List.of("*")).acceptedTenants()).as("* allows any").isEmpty();
        assertThat(properties(null, List.of(PARTNER)).acceptedTenants()).containsExactly(PARTNER);
        assertThatThrownBy(() -> properties(TENANT, List.of("contoso.onmicrosoft.com")))
                .hasMessageContaining("HANDOFF_TEAMS_ALLOWED_TENANTS");
        assertThatThrownBy(() -> properties("contoso.onmicrosoft.com", List.of()))
                .hasMessageContaining("MICROSOFT_APP_TENANT_ID");

        MsTeamsRequestGate single = new MsTeamsRequestGate(properties(PARTNER, List.of()));
        assertThat(status(single, activity())).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static MsTeamsProperties properties(String appTenantId, List<String> allowed) {
        return new MsTeamsProperties("app", "secret", appTenantId, null, null,
                new MsTeamsProperties.Retry(1, Duration.ofMillis(1), Duration.ofMillis(1)), null, null, false, null,
                allowed, false, false);
    }

    private static HttpStatus status(MsTeamsRequestGate gate, ObjectNode activity) {
        MsTeamsRequestGate.Verdict verdict = gate.check(activity, BOT_FRAMEWORK_TOKEN);
        assertThat(verdict).isInstanceOf(MsTeamsRequestGate.Verdict.Refuse.class);
        return ((MsTeamsRequestGate.Verdict.Refuse) verdict).status();
    }

    private static ObjectNode activity() {
        ObjectNode activity = JSON.createObjectNode().put("type", "message").put("channelId", "msteams")
                .put("serviceUrl", "https://smba.trafficmanager.net/emea/");
        activity.putObject("from").put("id", "29:1wR7IdIRIoerMIWbewMi75JA3sca")
                .put("aadObjectId", "eddfa9d4-346e-4cce-a18f-fa6261ad776b");
        activity.putObject("recipient").put("id", "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0");
        activity.putObject("conversation").put("id", "a:1ftB9").put("conversationType", "personal")
                .put("tenantId", TENANT);
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        return activity;
    }

    private static String bearer(String issuer) {
        return "Bearer " + JWT.create().withIssuer(issuer).withAudience("app").sign(Algorithm.HMAC256("unverified"));
    }
}
