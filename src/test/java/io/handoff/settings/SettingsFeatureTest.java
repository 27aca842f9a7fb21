package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Actor;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.Conversation;
import io.handoff.delivery.DeliverySettings;
import io.handoff.empathy.EmpathySettings;
import io.handoff.friction.FrictionSettings;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.map.MapSettings;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The admins' settings command through the real conversation on the real test Redis: "ada" is an admin by person
 * id, "bo" by email address, "pat" is not an admin.
 */
class SettingsFeatureTest {
    private final UnifiedJedis redis = TestRedis.client();
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final RedisGraphStore graph = new RedisGraphStore(redis);
    private final TenantSettingsStore store = AllSettings.store(redis);
    private final Conversation conversation = new Conversation(graph, List.of(new SettingsFeature(store,
            new MapAccess(graph, Map.of(tenant.value(), List.of("ada", "bo@depot.example"))))));

    SettingsFeatureTest() {
        graph.saveTeam(tenant, Team.of("ops", "Operations"));
        for (String id : List.of("ada", "bo", "pat")) {
            graph.savePerson(tenant, new Person(PersonId.of(id), id, id + "@depot.example", TeamId.of("ops"),
                    ZoneId.of("Europe/London"), Map.of()));
        }
    }

    private String say(String person, String text) {
        Outcome outcome = conversation.handle(new Interaction.Command(new Actor(tenant, PersonId.of(person)), text));
        assertThat(outcome.reply()).isInstanceOf(Reply.Show.class);
        return ((Reply.Show) outcome.reply()).message().blocks().stream()
                .map(b -> b instanceof Paragraph p ? p.plainText() : b instanceof Heading h ? "# " + h.text() : "---")
                .collect(Collectors.joining("\n"));
    }

    private Map<String, String> hash() {
        return redis.hgetAll("handoff:{" + tenant.value() + "}:settings");
    }

    @Test
    void anAdminSeesEverySettingInWords() {
        String shown = say("ada", "settings");

        assertThat(shown).contains("# Settings of your organisation",
                "friction-poll-every: 2 weeks", "story-prompt-every: 1 week", "survey-reminder-every: 1 week",
                "working-days: Monday–Friday", "working-hours: 09:00–17:00", "weekly-cap: 3 nudges",
                "min-respondents: 3", "min-comment-respondents: 5", "stale-after: 6 months",
                "manager-report-digest: off", "digest-channel: none");
        assertThat(say("bo", "settings")).as("admin by email address").contains("min-respondents: 3");
        assertThat(hash()).as("viewing stores nothing").isEmpty();
    }

    @Test
    void anAdminChangesOneSettingAndTheRestStay() {
        assertThat(say("ada", "settings min-respondents 4")).startsWith("Saved: min-respondents is now 4.")
                .contains("min-respondents: 4 before");
        say("ada", "settings working-hours 08:00-16:00");
        say("bo", "settings friction-poll-every 3 weeks");
        say("ada", "settings manager-report-digest on");
        say("ada", "settings working-days mon,wed,fri");
        say("ada", "settings stale-after 90 days");

        TenantSettings stored = store.settings(tenant);
        assertThat(stored.get(FrictionSettings.MIN_RESPONDENTS)).isEqualTo(4);
        assertThat(stored.get(DeliverySettings.WORKDAY_START)).isEqualTo(LocalTime.of(8, 0));
        assertThat(stored.get(DeliverySettings.WORKDAY_END)).isEqualTo(LocalTime.of(16, 0));
        assertThat(stored.get(FrictionSettings.POLL_EVERY)).isEqualTo(Period.ofWeeks(3));
        assertThat(stored.get(MapSettings.MANAGER_REPORT_DIGEST)).isTrue();
        assertThat(stored.get(DeliverySettings.WORKING_DAYS))
                .isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        assertThat(stored.get(EmpathySettings.STALE_AFTER)).isEqualTo(Period.ofDays(90));
        assertThat(stored.get(FrictionSettings.MIN_COMMENT_RESPONDENTS)).as("untouched").isEqualTo(5);
        assertThat(stored.get(DeliverySettings.WEEKLY_CAP)).as("untouched").isEqualTo(3);
        assertThat(hash()).containsEntry("min-respondents", "4").containsEntry("workday-start", "08:00")
                .containsEntry("manager-report-digest", "true");
        assertThat(say("ada", "settings")).contains("working-days: Monday, Wednesday, Friday",
                "working-hours: 08:00–16:00", "friction-poll-every: 3 weeks", "manager-report-digest: on");
    }

    @Test
    void anInvalidValueGetsTheValidationMessageAndChangesNothing() {
        say("ada", "settings min-respondents 4");
        Map<String, String> before = hash();

        assertThat(say("ada", "settings min-respondents 1")).startsWith("Nothing was changed:")
                .contains("minRespondents must be at least 2");
        assertThat(say("ada", "settings min-comment-respondents 3"))
                .contains("minCommentRespondents (3) must be at least minRespondents (4)");
        assertThat(say("ada", "settings working-hours 17:00-09:00"))
                .contains("workdayStart (17:00) must be before workdayEnd (09:00)");
        assertThat(say("ada", "settings weekly-cap 500")).contains("weeklyCap must be between 0 (no nudges) and 50");
        assertThat(say("ada", "settings friction-poll-every 0 weeks")).contains("frictionPollEvery must be a positive");
        assertThat(say("ada", "settings min-respondents lots"))
                .isEqualTo("'lots' is not a value for min-respondents. Try for example: settings min-respondents 3");
        assertThat(say("ada", "settings working-days someday")).contains("Try for example: settings working-days mon-fri");
        assertThat(say("ada", "settings manager-report-digest maybe")).contains("settings manager-report-digest on");
        assertThat(say("ada", "settings colour blue")).startsWith("I know no setting called 'colour'")
                .contains("min-respondents", "working-hours");
        assertThat(say("ada", "settings weekly-cap")).startsWith("Say the setting and its new value");

        assertThat(hash()).isEqualTo(before);
    }

    @Test
    void aNonAdminIsToldWhomToAskAndSeesNothing() {
        String refused = say("pat", "settings");
        String refusedChange = say("pat", "settings min-respondents 2");

        assertThat(refused).isEqualTo("Only your Handoff admins can see or change your organisation's settings. "
                + "Your Handoff admins are: ada, bo@depot.example. You can ask one of them to change a setting.")
                .doesNotContain("HANDOFF_");
        assertThat(refusedChange).isEqualTo(refused).doesNotContain("min-respondents");
        assertThat(hash()).isEmpty();
    }

    @Test
    void withoutConfiguredAdminsNobodyMayAndTheReplySaysHowToNameThem() {
        Conversation noAdmins = new Conversation(graph, List.of(new SettingsFeature(store, new MapAccess(graph, Map.of()))));
        Outcome outcome = noAdmins.handle(new Interaction.Command(new Actor(tenant, PersonId.of("ada")), "settings"));

        assertThat(((Reply.Show) outcome.reply()).message().summary())
                .contains("No Handoff admins are named for your organisation", "whoever runs Handoff for you")
                .doesNotContain("HANDOFF_").doesNotContain("workspace");
    }

    @Test
    void theHelpTextListsTheCommand() {
        assertThat(say("pat", "help")).contains("settings [<name> <value>] — for admins: show your organisation's settings");
    }
}
