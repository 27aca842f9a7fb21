package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.T0;
import static io.handoff.survey.SurveyFixture.button;
import static io.handoff.survey.SurveyFixture.form;
import static io.handoff.survey.SurveyFixture.id;
import static io.handoff.survey.SurveyFixture.notificationTo;
import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Attachment;
import io.handoff.chat.Button;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** my-data shows everything stored about a person; forget-me deletes it, and only after the confirm step. */
class PersonalDataTest {
    private final SurveyFixture f = new SurveyFixture();

    /** Pat: linked to Slack, paused, customer Dana (disputed with a reason), supplier Sam (confirmed). */
    private void patWithData() {
        Person pat = f.graph.person(f.tenant, id("pat")).orElseThrow().withIdentity(Platform.SLACK, "U024BE7LH");
        f.graph.savePerson(f.tenant, pat);
        List<Outcome> outcomes = f.survey("pat", List.of("dana"), List.of("loaded truck", "daily", "critical"),
                List.of("sam"), List.of("sorted parcels", "daily", "important"));
        Message toDana = notificationTo(outcomes.get(1), "dana").message();
        f.submit("dana", form(f.press("dana", button(toDana.blocks(), "Not really").action())),
                Map.of("reason", List.of("Ravi loads mine")));
        f.press("sam", button(notificationTo(outcomes.get(3), "sam").message().blocks(), "Confirm").action());
        f.command("pat", "pause 1 week");
    }

    @Test
    void myDataListsProfileHandoffsReasonsAndPreferences() {
        patWithData();

        Message data = shown(f.command("pat", "my-data"));

        assertThat(text(data)).isEqualTo("""
                # What Handoff stores about you
                # Profile
                Name: Pat Okafor
                Email: pat@depot.example
                Team: Pre-load (night shift) (preload)
                Time zone: Europe/London
                Linked slack account: U024BE7LH
                # Handoffs
                You hand Dana Kowalski: loaded truck (daily, critical, disputed by Dana; named 2026-11-02) — reason given: “Ravi loads mine”
                Sam Reyes hands you: sorted parcels (daily, important, confirmed; named 2026-11-02, last confirmed 2026-11-02)
                # Preferences
                Questions and reminders paused until 9 Nov 2026, 08:00 GMT.
                The same is attached as a file. To delete all of it, type forget-me.""");
        Attachment file = data.attachments().get(0);
        assertThat(file.fileName()).isEqualTo("handoff-my-data.json");
        assertThat(file.mediaType()).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(new String(file.content(), StandardCharsets.UTF_8));
        assertThat(json.get("person").asString()).isEqualTo("pat");
        assertThat(json.get("sections")).hasSize(3);
        JsonNode profile = json.get("sections").get(0).get("data");
        assertThat(profile.get("email").asString()).isEqualTo("pat@depot.example");
        assertThat(profile.get("identities").get("slack").asString()).isEqualTo("U024BE7LH");
        JsonNode handoffs = json.get("sections").get(1).get("data").get("handoffs");
        assertThat(handoffs).hasSize(2);
        assertThat(handoffs.get(0).get("status").asString()).isEqualTo("disputed");
        assertThat(handoffs.get(0).get("disputeReason").get("text").asString()).isEqualTo("Ravi loads mine");
        assertThat(handoffs.get(1).get("lastConfirmedAt").asString()).isEqualTo(T0.toString());
        assertThat(json.get("sections").get(2).get("data").get("paused-until").asString())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(7)).getEpochSecond()));
    }

    @Test
    void forgetMeDeletesNothingBeforeTheConfirmStep() {
        patWithData();
        List<String> keysBefore = TestRedis.keysOf(f.tenant);

        Message ask = shown(f.command("pat", "forget-me"));
        Button delete = button(ask.blocks(), "Delete everything");
        assertThat(delete.style()).isEqualTo(Button.Style.DANGER);
        assertThat(TestRedis.keysOf(f.tenant)).isEqualTo(keysBefore);
        assertThat(f.graph.person(f.tenant, id("pat"))).isPresent();

        Outcome cancelled = f.press("pat", button(ask.blocks(), "Cancel").action());
        assertThat(text(shown(cancelled))).startsWith("Good, nothing deleted.");
        assertThat(TestRedis.keysOf(f.tenant)).isEqualTo(keysBefore);

        f.clock.advance(Duration.ofMinutes(16));
        Outcome expired = f.press("pat", delete.action());
        assertThat(text(shown(expired))).startsWith("That button has expired, so I deleted nothing.");
        assertThat(f.graph.person(f.tenant, id("pat"))).isPresent();
        assertThat(text(shown(f.press("pat", new Action("survey.forget.confirm", "not-a-time")))))
                .startsWith("Sorry, that did not work");
        assertThat(f.graph.person(f.tenant, id("pat"))).isPresent();
    }

    @Test
    void forgetMeDeletesEverythingAfterTheConfirmStep() {
        patWithData();
        Message ask = shown(f.command("pat", "forget-me"));
        f.clock.advance(Duration.ofMinutes(2));

        Outcome done = f.press("pat", button(ask.blocks(), "Delete everything").action());

        assertThat(text(shown(done))).isEqualTo("""
                Done. I deleted:
                • your preferences (pause)
                • your profile (name, email, team, time zone, linked accounts)
                • 2 handoffs you were part of
                • 1 dispute reason
                If you ever want to start again, type customers.""");
        assertThat(f.graph.person(f.tenant, id("pat"))).isEmpty();
        assertThat(f.graph.personByIdentity(f.tenant, Platform.SLACK, "U024BE7LH")).isEmpty();
        assertThat(f.edge("pat", "dana")).isEmpty();
        assertThat(f.edge("sam", "pat")).isEmpty();
        assertThat(f.graph.neighbourhood(f.tenant, id("dana"), 1).graph().edges()).isEmpty();
        assertThat(f.reasons.about(f.tenant, id("pat"))).isEmpty();
        assertThat(TestRedis.keysOf(f.tenant)).noneMatch(key -> key.endsWith(":pat"));
        for (String key : TestRedis.keysOf(f.tenant)) {
            String dump = f.redis.type(key).equals("hash") ? f.redis.hgetAll(key).toString()
                    : f.redis.type(key).equals("set") ? f.redis.smembers(key).toString() : f.redis.get(key);
            assertThat(dump).as(key).doesNotContain("pat");
        }
        assertThat(f.graph.person(f.tenant, id("dana"))).isPresent();
        assertThat(text(shown(f.command("pat", "my-data")))).contains("I don't know you yet");
    }

    @Test
    void someoneWithNothingStoredButTheirProfileSeesJustThat() {
        Message data = shown(f.command("ravi", "my-data"));

        assertThat(text(data)).contains("Name: Ravi Shah").contains("# Handoffs\nNone yet.").doesNotContain("# Preferences");
    }

    @Test
    void aLongHistoryIsSplitIntoReadableParagraphsAndTheFileHasAll() {
        for (int i = 0; i < 60; i++) {
            f.person("c" + i, "Customer number " + i, "drivers");
            f.graph.claim(f.tenant, id("pat"), id("c" + i), new io.handoff.graph.HandoffTerms(
                    "a rather long description of thing number " + i, io.handoff.graph.Frequency.DAILY,
                    io.handoff.graph.Criticality.ROUTINE), io.handoff.graph.Side.UPSTREAM, T0);
        }

        Message data = shown(f.command("pat", "my-data"));

        assertThat(data.blocks()).hasSizeLessThanOrEqualTo(50);
        assertThat(data.blocks()).filteredOn(io.handoff.chat.Paragraph.class::isInstance)
                .allSatisfy(p -> assertThat(((io.handoff.chat.Paragraph) p).plainText()).hasSizeLessThanOrEqualTo(3000));
        assertThat(text(data)).contains("Customer number 0").contains("Customer number 59");
        JsonNode json = new ObjectMapper().readTree(new String(data.attachments().get(0).content(), StandardCharsets.UTF_8));
        assertThat(json.get("sections").get(1).get("data").get("handoffs")).hasSize(60);
    }
}
