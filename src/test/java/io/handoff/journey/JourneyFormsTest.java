package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.demo.SampleJourneys;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;

/**
 * {@code journey new} and {@code journey edit <id>} in the core, on the demo organisation in real Redis: only the
 * tenant's admin (Bea) gets the forms; the journey form's lines are checked with the records' invariants and refused
 * field by field (line numbers for touchpoints); saving stores the journey, the owners form stores its owners; an
 * edit is prefilled and keeps the owners of touchpoints that stay; an unknown id is answered with "Did you mean".
 */
class JourneyFormsTest {
    private final JourneyChatFixture f = new JourneyChatFixture();

    private Form opened(Outcome outcome) {
        assertThat(outcome.reply()).isInstanceOf(Reply.OpenForm.class);
        return ((Reply.OpenForm) outcome.reply()).form();
    }

    private Outcome submit(String person, Form form, Map<String, List<String>> values) {
        return f.forms.onForm(new Interaction.FormSubmitted(f.actor(person), form.id(), form.state(), values));
    }

    private static Field field(Form form, String id) {
        return form.fields().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + id + " in " + form.fields()));
    }

    @Test
    void anAdminDefinesAJourneyInTwoFormsAndItIsStoredWithItsOwners() {
        Form define = opened(f.command("bea", "new"));
        assertThat(define.id()).isEqualTo(JourneyForms.DEFINE);
        assertThat(define.fields()).extracting(Field::id).contains("id", "name", "customer", "touchpoints");
        assertThat(define.fields().toString()).contains("Up to 3,000 characters", "game over");

        Outcome saved = submit("bea", define, Map.of("id", List.of(), "name", List.of("Returns"),
                "customer", List.of("someone sending a parcel back"), "touchpoints", List.of("""
                        Start | Return booked | app | routine
                        Start | Label emailed | email | important
                        Pick-up | Parcel collected | in person | game over
                        """)));

        assertThat(saved.reply()).isInstanceOf(Reply.NextForm.class);
        Form owners = ((Reply.NextForm) saved.reply()).form();
        Journey stored = f.journeys.journey(f.tenant, JourneyId.of("returns")).orElseThrow();
        assertThat(stored.stages()).extracting(Stage::name).containsExactly("Start", "Pick-up");
        assertThat(stored.touchpoints()).extracting(t -> t.id().value())
                .containsExactly("return-booked", "label-emailed", "parcel-collected");
        assertThat(stored.touchpoint(TouchpointId.of("parcel-collected")).orElseThrow().weight())
                .isEqualTo(Weight.GAME_OVER);
        assertThat(stored.touchpoints()).allMatch(t -> t.ownerTeams().isEmpty() && t.ownerPeople().isEmpty());

        assertThat(owners.id()).isEqualTo(JourneyForms.OWNERS);
        Field.Choices teams = (Field.Choices) field(owners, "teams.parcel-collected");
        assertThat(teams.options()).extracting(Field.Option::label).contains("Delivery drivers", "Dispatch");
        assertThat(field(owners, "people.parcel-collected")).isInstanceOf(Field.PeoplePicker.class);

        Map<String, List<String>> picked = new LinkedHashMap<>();
        picked.put("teams.parcel-collected", List.of("drivers"));
        picked.put("people.parcel-collected", List.of("dana", "ravi"));
        picked.put("teams.return-booked", List.of("customer-service"));
        Outcome done = submit("bea", owners, picked);

        assertThat(done.reply()).isInstanceOf(Reply.CloseForm.class);
        assertThat(JourneyChatFixture.text(((Reply.CloseForm) done.reply()).message()))
                .contains("Saved *Returns*: 2 stages, 3 touchpoints.", "1 touchpoint without a front-line owner "
                        + "yet: Label emailed", "journey edit returns");
        Journey withOwners = f.journeys.journey(f.tenant, JourneyId.of("returns")).orElseThrow();
        Touchpoint collected = withOwners.touchpoint(TouchpointId.of("parcel-collected")).orElseThrow();
        assertThat(collected.ownerTeams()).containsExactly(TeamId.of("drivers"));
        assertThat(collected.ownerPeople()).containsExactly(PersonId.of("dana"), PersonId.of("ravi"));
        assertThat(withOwners.touchpoint(TouchpointId.of("return-booked")).orElseThrow().ownerTeams())
                .containsExactly(TeamId.of("customer-service"));
    }

    @Test
    void badLinesAndFieldsAreRefusedFieldByFieldAndNothingIsStored() {
        Form define = opened(f.command("bea", "new"));

        Outcome refused = submit("bea", define, Map.of("id", List.of("parcel-delivery"), "name",
                List.of("x".repeat(201)), "customer", List.of("someone"), "touchpoints", List.of("""
                        Start | Booked | app | routine
                        Start | Emailed | pigeon | routine
                        Start | Called | phone
                        Start | Again | phone | routine | booked
                        Start | Odd id | phone | routine | {bad id}
                        """)));

        assertThat(refused.reply()).isInstanceOf(Reply.FormErrors.class);
        Map<String, String> errors = ((Reply.FormErrors) refused.reply()).errors();
        assertThat(errors.get("id")).contains("There is already a journey parcel-delivery",
                "journey edit parcel-delivery");
        assertThat(errors.get("touchpoints")).contains("Line 2: the channel must be one of in person, phone, app, "
                        + "email, letter, other", "Line 3: write stage | touchpoint | channel | weight",
                "Line 5: the id '{bad id}' may hold only letters");
        assertThat(errors.get("name")).isEqualTo("The name must be at most 200 characters");
        assertThat(f.journeys.journeys(f.tenant)).extracting(j -> j.id().value())
                .containsExactlyInAnyOrder("parcel-delivery", "hospital-stay");

        // the records' own invariants come back by line too: two touchpoints with one id
        Outcome twice = submit("bea", define, Map.of("name", List.of("Returns"), "customer", List.of("someone"),
                "touchpoints", List.of("A | One | app | routine | one\nB | Two | app | routine\nC | x | app | "
                        + "routine | " + "y".repeat(129))));
        assertThat(((Reply.FormErrors) twice.reply()).errors().get("touchpoints"))
                .contains("Line 3: the id").doesNotContain("Exception");
        assertThat(f.journeys.journey(f.tenant, JourneyId.of("returns"))).isEmpty();
    }

    @Test
    void editIsPrefilledKeepsTheOwnersOfTouchpointsThatStayAndSavesTheChange() {
        Form edit = opened(f.command("bea", "edit parcel-delivery"));

        assertThat(edit.state()).isEqualTo("edit|parcel-delivery");
        assertThat(((Field.TextInput) field(edit, "name")).initial()).isEqualTo("Parcel delivery");
        assertThat(((Field.TextInput) field(edit, "customer")).initial()).isEqualTo("someone expecting a parcel");
        String lines = ((Field.TextInput) field(edit, "touchpoints")).initial();
        assertThat(lines).startsWith("Ordering | Order placed | app | routine | order-placed\n")
                .contains("Delivery | Parcel delivered | in person | game over | parcel-delivered");
        assertThat(edit.fields()).extracting(Field::id).doesNotContain("id");
        assertThat(opened(f.command("bea", "edit Parcel Delivery")).state()).isEqualTo("edit|parcel-delivery");

        // renamed touchpoint (same id) keeps its owners; one line dropped, one added
        String changed = lines.replace("| Parcel delivered |", "| Parcel handed over |")
                .replace("After delivery | Invoice | email | routine | invoice", "After delivery | Feedback | "
                        + "email | routine");
        Outcome saved = submit("bea", edit, Map.of("name", List.of("Parcel delivery"),
                "customer", List.of("someone expecting a parcel"), "touchpoints", List.of(changed)));

        assertThat(saved.reply()).isInstanceOf(Reply.NextForm.class);
        Journey stored = f.journeys.journey(f.tenant, SampleJourneys.PARCEL_DELIVERY).orElseThrow();
        Touchpoint delivered = stored.touchpoint(TouchpointId.of("parcel-delivered")).orElseThrow();
        assertThat(delivered.name()).isEqualTo("Parcel handed over");
        assertThat(delivered.ownerTeams()).containsExactly(TeamId.of("drivers"));
        assertThat(delivered.ownerPeople()).containsExactly(PersonId.of("dana"));
        assertThat(stored.touchpoint(TouchpointId.of("invoice"))).isEmpty();
        assertThat(stored.touchpoint(TouchpointId.of("feedback"))).isPresent();
        Form owners = ((Reply.NextForm) saved.reply()).form();
        assertThat(((Field.Choices) field(owners, "teams.parcel-delivered")).initial()).containsExactly("drivers");
        assertThat(((Field.PeoplePicker) field(owners, "people.parcel-delivered")).initial())
                .containsExactly("dana");

        // an owner that is not in the graph is refused under its picker
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("teams.parcel-delivered", List.of("drivers", "no-such-team"));
        values.put("people.parcel-delivered", List.of("dana"));
        Outcome refused = submit("bea", owners, values);
        assertThat(((Reply.FormErrors) refused.reply()).errors())
                .containsEntry("teams.parcel-delivered", "There is no team 'no-such-team'.");
    }

    @Test
    void nonAdminsGetAPlainSentenceAndUnknownIdsADidYouMean() {
        Outcome manager = f.command("lee", "new");
        assertThat(JourneyChatFixture.text(JourneyChatFixture.shown(manager)))
                .isEqualTo("Only your Handoff admins can define customer journeys. Your Handoff admins are: bea.");
        Form edit = opened(f.command("bea", "edit parcel-delivery"));
        Outcome forged = submit("pat", edit, Map.of("name", List.of("Hijacked"), "customer", List.of("x"),
                "touchpoints", List.of("A | B | app | routine")));
        assertThat(forged.reply()).isInstanceOf(Reply.CloseForm.class);
        assertThat(f.journeys.journey(f.tenant, SampleJourneys.PARCEL_DELIVERY).orElseThrow().name())
                .isEqualTo("Parcel delivery");

        // a tampered state is a refusal (a sentence through the conversation), never a fault
        for (String state : List.of("edit|{x}", "anything", "")) {
            assertThatThrownBy(() -> f.forms.onForm(new Interaction.FormSubmitted(f.actor("bea"),
                    JourneyForms.DEFINE, state, Map.of()))).isInstanceOf(Refusal.class);
        }
        for (String state : List.of("{x}|0|a", "parcel-delivery|x|a", "parcel-delivery|0")) {
            assertThatThrownBy(() -> f.forms.onForm(new Interaction.FormSubmitted(f.actor("bea"),
                    JourneyForms.OWNERS, state, Map.of()))).isInstanceOf(Refusal.class);
        }

        assertThat(JourneyChatFixture.text(JourneyChatFixture.shown(f.command("bea", "edit parcel-delivry"))))
                .isEqualTo("There is no journey 'parcel-delivry'. Did you mean journey edit parcel-delivery "
                        + "(Parcel delivery)?");
        assertThat(JourneyChatFixture.text(JourneyChatFixture.shown(f.command("bea", "edit zzz"))))
                .contains("There is no journey 'zzz'. The journeys are: ", "Parcel delivery (parcel-delivery)");
        // the journey command itself still answers names and ids
        assertThat(f.command("lee", "parcel-delivery").reply()).isInstanceOf(Reply.Show.class);
    }
}
