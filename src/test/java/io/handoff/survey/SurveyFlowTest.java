package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.T0;
import static io.handoff.survey.SurveyFixture.button;
import static io.handoff.survey.SurveyFixture.errors;
import static io.handoff.survey.SurveyFixture.fieldIds;
import static io.handoff.survey.SurveyFixture.form;
import static io.handoff.survey.SurveyFixture.notificationTo;
import static io.handoff.survey.SurveyFixture.picked;
import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.terms;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Side;

/** "Map my customers" end to end through the conversation, against the real Redis. */
class SurveyFlowTest {
    private final SurveyFixture f = new SurveyFixture();

    @Test
    void walksThroughTheFourFormsAndClaimsBothHalves() {
        Form first = form(f.command("pat", "customers"));
        assertThat(first.id()).isEqualTo("survey.customers.pick");
        Field.PeoplePicker picker = (Field.PeoplePicker) first.fields().get(1);
        assertThat(picker.label()).isEqualTo("Who depends on your work?");
        assertThat(picker.initial()).isEmpty();

        Outcome pickedCustomers = f.submit("pat", first, picked("dana"));
        Form second = form(pickedCustomers);
        assertThat(pickedCustomers.reply()).isInstanceOf(Reply.NextForm.class);
        assertThat(second.id()).isEqualTo("survey.customers.terms");
        assertThat(second.state()).isEqualTo("v1;dana");
        assertThat(fieldIds(second)).containsExactly("about.0", "what.0", "often.0", "critical.0");
        assertThat(((Field.Section) second.fields().get(0)).title().plainText()).contains("Dana Kowalski");
        Field.TextInput what = (Field.TextInput) second.fields().get(1);
        assertThat(what.maxLength()).isEqualTo(80);
        assertThat(what.optional()).isFalse();
        Field.Choice critical = (Field.Choice) second.fields().get(3);
        assertThat(critical.label()).isEqualTo("If this goes wrong, is their day lost?");
        assertThat(critical.options()).extracting(Field.Option::value).containsExactly("routine", "important", "critical");
        assertThat(((Field.Choice) second.fields().get(2)).options()).extracting(Field.Option::value)
                .containsExactly("daily", "weekly", "monthly", "ad-hoc");
        assertThat(f.edge("pat", "dana")).isEmpty();

        Outcome described = f.submit("pat", second, terms("loaded truck", "daily", "critical"));
        Form third = form(described);
        assertThat(third.id()).isEqualTo("survey.suppliers.pick");
        assertThat(((Field.PeoplePicker) third.fields().get(1)).label()).isEqualTo("Whose work do you depend on?");
        Handoff customer = f.edge("pat", "dana").orElseThrow();
        assertThat(customer.terms()).isEqualTo(new HandoffTerms("loaded truck", Frequency.DAILY, Criticality.CRITICAL));
        assertThat(customer.claimedBy()).isEqualTo(ClaimedBy.UPSTREAM);
        assertThat(customer.status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(customer.createdAt()).isEqualTo(T0);

        Notification ask = notificationTo(described, "dana");
        assertThat(described.notifications()).hasSize(1);
        assertThat(ask.key()).isEqualTo("confirm:pat>dana:" + Long.toString(T0.getEpochSecond(), 36));
        assertThat(text(ask.message())).startsWith(
                "Pat Okafor says you depend on their loaded truck daily, and that it is critical for you.\nIs that right?");
        assertThat(SurveyFixture.buttons(ask.message().blocks())).extracting(b -> b.label())
                .containsExactly("Confirm", "Not really", "Yes, and there's more");
        assertThat(button(ask.message().blocks(), "Confirm").action().id()).isEqualTo("survey.confirm");
        assertThat(button(ask.message().blocks(), "Confirm").action().value()).startsWith("pat>dana>");

        Form fourth = form(f.submit("pat", third, picked("sam")));
        assertThat(fourth.id()).isEqualTo("survey.suppliers.terms");
        assertThat(((Field.Choice) fourth.fields().get(3)).label()).isEqualTo("If this goes wrong, is your day lost?");
        Outcome done = f.submit("pat", fourth, terms("parcels sorted by route", "daily", "important"));

        assertThat(done.reply()).isInstanceOf(Reply.CloseForm.class);
        assertThat(text(shown(done))).contains("Thanks, Pat! You named 1 internal customer and 1 supplier.")
                .contains("I've asked 2 colleagues to confirm").contains("Type map");
        Handoff supplier = f.edge("sam", "pat").orElseThrow();
        assertThat(supplier.terms()).isEqualTo(
                new HandoffTerms("parcels sorted by route", Frequency.DAILY, Criticality.IMPORTANT));
        assertThat(supplier.claimedBy()).isEqualTo(ClaimedBy.DOWNSTREAM);
        assertThat(done.homeChanged()).isTrue();
    }

    @Test
    void theUpstreamNamedByTheirCustomerLearnsTheyHaveAnInternalCustomer() {
        List<Outcome> outcomes = f.survey("dana", List.of(), List.of(), List.of("pat"),
                List.of("loaded truck", "daily", "critical"));

        Notification reverse = notificationTo(outcomes.get(outcomes.size() - 1), "pat");
        assertThat(text(reverse.message())).isEqualTo("""
                Dana Kowalski from Delivery drivers counts on your loaded truck, daily.
                Dana says it shapes their whole day: if it goes wrong, their day is lost.
                Did you know Dana depends on you?
                [Confirm] [Not really] [Yes, and there's more]""");
        assertThat(reverse.message().summary()).isEqualTo("Dana Kowalski depends on your loaded truck. Did you know?");
        assertThat(reverse.key()).isEqualTo("confirm:pat>dana:" + Long.toString(T0.getEpochSecond(), 36));
        assertThat(f.edge("pat", "dana").orElseThrow().claimedBy()).isEqualTo(ClaimedBy.DOWNSTREAM);

        Outcome confirmed = f.press("pat", button(reverse.message().blocks(), "Confirm").action());
        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(text(notificationTo(confirmed, "dana").message()))
                .startsWith("Pat Okafor confirmed that they hand you loaded truck. Now you both know.");
    }

    @Test
    void theSecondSideNamingAnEdgeInItsOwnSurveyConfirmsIt() {
        f.survey("dana", List.of(), List.of(), List.of("pat"), List.of("loaded truck", "daily", "critical"));
        f.clock.advance(Duration.ofHours(1));

        List<Outcome> outcomes = f.survey("pat", List.of("dana"), List.of("truck loaded in order", "daily", "routine"),
                List.of(), List.of());

        Handoff edge = f.edge("pat", "dana").orElseThrow();
        assertThat(edge.status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(edge.what()).isEqualTo("truck loaded in order");
        assertThat(edge.criticality()).as("criticality is the downstream's to judge").isEqualTo(Criticality.CRITICAL);
        Notification told = notificationTo(outcomes.get(1), "dana");
        assertThat(told.key()).isEqualTo("confirmed:pat>dana:" + Long.toString(T0.plusSeconds(3600).getEpochSecond(), 36));
        assertThat(text(told.message())).startsWith("Pat Okafor confirmed that they hand you truck loaded in order.");
    }

    @Test
    void theSameSubmissionTwiceLeavesTheSameGraphAndTheSameNotificationKeys() {
        Form first = form(f.command("pat", "customers"));
        Form second = form(f.submit("pat", first, picked("dana", "ravi")));
        Map<String, List<String>> answers = terms("loaded truck", "daily", "critical", "route sheet", "weekly", "routine");

        Outcome once = f.submit("pat", second, answers);
        Object graphAfterOnce = snapshot();
        f.clock.advance(Duration.ofMinutes(5));
        Outcome twice = f.submit("pat", second, answers);

        assertThat(snapshot()).isEqualTo(graphAfterOnce);
        assertThat(twice.notifications()).extracting(Notification::key)
                .containsExactlyElementsOf(once.notifications().stream().map(Notification::key).toList())
                .hasSize(2);
        assertThat(twice.notifications()).extracting(n -> n.to().value()).containsExactly("dana", "ravi");
    }

    @Test
    void aRerunStartsFromThePeopleAndAnswersGivenBefore() {
        f.survey("pat", List.of("dana", "ravi"), List.of("loaded truck", "daily", "critical", "route sheet", "weekly",
                "routine"), List.of("sam"), List.of("sorted parcels", "daily", "critical"));

        Form first = form(f.command("pat", "customers"));
        assertThat(((Field.PeoplePicker) first.fields().get(1)).initial()).containsExactly("dana", "ravi");
        Form second = form(f.submit("pat", first, picked("ravi", "dana")));
        assertThat(second.state()).isEqualTo("v1;ravi,dana");
        assertThat(((Field.TextInput) second.fields().get(1)).initial()).isEqualTo("route sheet");
        assertThat(((Field.Choice) second.fields().get(2)).initial()).isEqualTo("weekly");
        assertThat(((Field.Choice) second.fields().get(7)).initial()).isEqualTo("critical");
        Form third = form(f.submit("pat", second, terms("route sheet", "weekly", "routine", "loaded truck", "daily",
                "critical")));
        assertThat(((Field.PeoplePicker) third.fields().get(1)).initial()).containsExactly("sam");
    }

    @Test
    void unpickingWithdrawsOnlyTheClaimThePersonOwns() {
        f.survey("pat", List.of("dana", "ravi"), List.of("loaded truck", "daily", "critical", "route sheet", "weekly",
                "routine"), List.of(), List.of());
        // Ravi confirms; Noor names Pat as her supplier on her own
        f.graph.confirm(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id("ravi"), Side.DOWNSTREAM, T0.plusSeconds(60));
        f.survey("noor", List.of(), List.of(), List.of("pat"), List.of("loading plan", "weekly", "important"));
        f.clock.advance(Duration.ofDays(1));

        // Pat now names nobody at all
        List<Outcome> outcomes = f.survey("pat", List.of(), List.of(), List.of(), List.of());

        assertThat(f.edge("pat", "dana")).as("named only by Pat: removed").isEmpty();
        Handoff ravi = f.edge("pat", "ravi").orElseThrow();
        assertThat(ravi.status()).as("Ravi confirmed it: disputed, not deleted").isEqualTo(EdgeStatus.DISPUTED);
        assertThat(ravi.claimedBy()).isEqualTo(ClaimedBy.DOWNSTREAM);
        assertThat(f.edge("pat", "noor").orElseThrow().claimedBy()).as("Noor's own claim is left alone")
                .isEqualTo(ClaimedBy.DOWNSTREAM);
        Notification toRavi = notificationTo(outcomes.get(0), "ravi");
        assertThat(text(toRavi.message())).startsWith(
                "Pat Okafor doesn't see it quite that way: they are not sure they hand you route sheet.");
        assertThat(outcomes.get(0).notifications()).hasSize(1);
        assertThat(f.command("pat", "customers")).satisfies(o ->
                assertThat(((Field.PeoplePicker) form(o).fields().get(1)).initial()).isEmpty());
    }

    @Test
    void aDisputedClaimIsNotPushedAgainUnlessItsWordsChange() {
        f.survey("pat", List.of("dana"), List.of("loaded truck", "daily", "critical"), List.of(), List.of());
        f.graph.dispute(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id("dana"), Side.DOWNSTREAM, T0.plusSeconds(60));
        f.clock.advance(Duration.ofHours(2));

        List<Outcome> same = f.survey("pat", List.of("dana"), List.of("loaded truck", "daily", "critical"),
                List.of(), List.of());
        assertThat(f.edge("pat", "dana").orElseThrow().status()).isEqualTo(EdgeStatus.DISPUTED);
        assertThat(same.get(1).notifications()).isEmpty();

        List<Outcome> changed = f.survey("pat", List.of("dana"), List.of("truck loaded by route", "daily", "critical"),
                List.of(), List.of());
        Handoff edge = f.edge("pat", "dana").orElseThrow();
        assertThat(edge.status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(notificationTo(changed.get(1), "dana").key())
                .isEqualTo("confirm:pat>dana:" + Long.toString(edge.updatedAt().getEpochSecond(), 36));
    }

    @Test
    void refusesBadPicksWithAFormErrorAndWritesNothing() {
        Form first = form(f.command("pat", "customers"));
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "extra" + i).toList();
        eleven.forEach(id -> f.person(id, "Extra " + id, "sort"));

        assertThat(errors(f.submit("pat", first, picked("dana", "pat")))).containsOnlyKeys("people")
                .extractingByKey("people").asString().contains("That's you");
        assertThat(errors(f.submit("pat", first, Map.of("people", eleven)))).extractingByKey("people").asString()
                .contains("at most 10");
        assertThat(errors(f.submit("pat", first, picked("dana", "ghost")))).extractingByKey("people").asString()
                .contains("I don't know one of the people");
        assertThat(errors(f.submit("pat", first, picked("dana", "}{:*")))).extractingByKey("people").asString()
                .contains("I don't know one of the people");
        assertThat(f.graph.neighbourhood(f.tenant, SurveyFixture.id("pat"), 1).graph().edges()).isEmpty();
    }

    @Test
    void refusesIncompleteOrInvalidAnswersFieldByField() {
        Form first = form(f.command("pat", "customers"));
        Form second = form(f.submit("pat", first, picked("dana", "ravi")));
        Map<String, List<String>> answers = new java.util.HashMap<>(terms("", "daily", "critical",
                "x".repeat(81), "fortnightly", "catastrophic"));
        answers.remove("often.0");

        Map<String, String> errors = errors(f.submit("pat", second, answers));

        assertThat(errors).containsOnlyKeys("what.0", "often.0", "what.1", "often.1", "critical.1");
        assertThat(errors.get("what.0")).isEqualTo("Say in a few words what you hand them.");
        assertThat(errors.get("what.1")).contains("80 characters");
        assertThat(errors(f.submit("pat", second, terms("line one\nline two", "daily", "critical", "ok", "daily",
                "routine")))).containsOnlyKeys("what.0");
        assertThat(f.edge("pat", "dana")).isEmpty();
        assertThat(f.edge("pat", "ravi")).isEmpty();
    }

    @Test
    void neverTrustsTheFormState() {
        Map<String, List<String>> answers = terms("loaded truck", "daily", "critical");
        for (String state : List.of("v1;ghost", "v1;pat", "v1;}{", "garbage", "", "v1;", "v1;dana,dana",
                "v1;" + String.join(",", Collections.nCopies(11, "dana")))) {
            Outcome outcome = f.submit("pat", "survey.customers.terms", state, answers);
            assertThat(errors(outcome)).as(state).containsOnlyKeys("what.0");
        }
        assertThat(f.graph.neighbourhood(f.tenant, SurveyFixture.id("pat"), 1).graph().edges()).isEmpty();
    }

    @Test
    void leavingAHalfEmptySkipsItsQuestions() {
        Form first = form(f.command("pat", "customers"));
        Outcome none = f.submit("pat", first, picked());
        assertThat(form(none).id()).isEqualTo("survey.suppliers.pick");
        Outcome done = f.submit("pat", form(none), picked());
        assertThat(text(shown(done))).contains("You named 0 internal customers and 0 suppliers.");
    }

    @Test
    void longIdsStayWithinTheStateAndKeyLimits() {
        List<String> people = IntStream.range(0, 10).mapToObj(i -> "p" + i + "-" + "x".repeat(125)).toList();
        people.forEach(id -> f.person(id, "Person " + id.substring(0, 2), "drivers"));
        Form first = form(f.command("pat", "customers"));

        Form second = form(f.submit("pat", first, Map.of("people", people)));
        assertThat(second.state().length()).isLessThanOrEqualTo(Form.MAX_STATE);
        String[] answers = IntStream.range(0, 10).mapToObj(i -> List.of("thing " + i, "daily", "routine"))
                .flatMap(List::stream).toArray(String[]::new);
        Outcome described = f.submit("pat", second, terms(answers));

        assertThat(described.notifications()).hasSize(10);
        assertThat(described.notifications()).allSatisfy(n -> assertThat(n.key()).hasSizeLessThanOrEqualTo(200)
                .startsWith("confirm:pat>p"));
        assertThat(described.notifications()).extracting(Notification::key).doesNotHaveDuplicates();
        String longer = NotificationKeys.of("confirm", io.handoff.graph.PersonId.of("u" + "x".repeat(127)),
                io.handoff.graph.PersonId.of("d" + "x".repeat(127)), T0);
        assertThat(longer).hasSizeLessThanOrEqualTo(200).matches("confirm:[0-9a-f]{64}:[0-9a-z]+");
    }

    @Test
    void someoneWhoAlreadyNamedMoreThanTenKeepsThemAll() {
        List<String> twelve = IntStream.range(0, 12).mapToObj(i -> "c" + i).toList();
        for (String id : twelve) {
            f.person(id, "Customer " + id, "drivers");
            f.graph.claim(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id(id),
                    new HandoffTerms("thing " + id, Frequency.DAILY, Criticality.ROUTINE), Side.UPSTREAM, T0);
        }
        Form first = form(f.command("pat", "customers"));
        assertThat(((Field.PeoplePicker) first.fields().get(1)).initial()).hasSize(12);

        Form second = form(f.submit("pat", first, Map.of("people", twelve)));
        assertThat(second.fields()).hasSize(48);
        // as many new people as they named (twelve) on top of the twelve, not thirteen
        IntStream.range(12, 25).forEach(i -> f.person("c" + i, "Customer c" + i, "drivers"));
        assertThat(((Field.PeoplePicker) first.fields().get(1)).max()).isEqualTo(24);
        List<String> more = new java.util.ArrayList<>(twelve);
        IntStream.range(12, 24).forEach(i -> more.add("c" + i));
        assertThat(form(f.submit("pat", first, Map.of("people", more))).id()).isEqualTo("survey.customers.terms");
        more.add("c24");
        assertThat(errors(f.submit("pat", first, Map.of("people", more)))).extractingByKey("people").asString()
                .contains("at most 24");
        List<String> thirteenNew = new java.util.ArrayList<>(twelve.subList(0, 1));
        IntStream.range(12, 25).forEach(i -> thirteenNew.add("c" + i));
        assertThat(errors(f.submit("pat", first, Map.of("people", thirteenNew)))).extractingByKey("people")
                .asString().contains("at most 12 new people");
    }

    /**
     * A dispatcher who already names more customers than one form can ask about (24: a Slack modal's 100 blocks) gets
     * a picker holding them all and can send it unchanged, or with new people: the terms form asks about the new
     * people first, then as many named ones as fit, and says who else is kept; those keep their terms.
     */
    @Test
    void aDispatcherWithMoreCustomersThanAFormHoldsCanSendWhatTheyHaveAndAddMore() {
        List<String> thirty = IntStream.range(0, 30).mapToObj(i -> "r" + i).toList();
        for (String id : thirty) {
            f.person(id, "Regular " + id, "drivers");
            f.graph.claim(f.tenant, SurveyFixture.id("pat"), SurveyFixture.id(id),
                    new HandoffTerms("parcels for " + id, Frequency.DAILY, Criticality.ROUTINE), Side.UPSTREAM, T0);
        }
        Form first = form(f.command("pat", "customers"));
        Field.PeoplePicker picker = (Field.PeoplePicker) first.fields().get(1);
        assertThat(picker.initial()).hasSize(30);
        assertThat(picker.max()).isGreaterThanOrEqualTo(30);

        // unchanged: 24 asked about (96 inputs and sections) and a note naming the six kept
        Form unchanged = form(f.submit("pat", first, Map.of("people", picker.initial())));
        assertThat(unchanged.id()).isEqualTo("survey.customers.terms");
        assertThat(unchanged.fields()).hasSize(1 + 4 * SurveyFlow.MAX_FORM);
        assertThat(((Field.Note) unchanged.fields().get(0)).text().plainText()).startsWith("You keep 6 more as they are:");

        // with two new people: they are asked about first
        f.person("n1", "Nia New", "sort");
        f.person("n2", "Ned New", "sort");
        List<String> withNew = new java.util.ArrayList<>(picker.initial());
        withNew.addAll(List.of("n1", "n2"));
        Form second = form(f.submit("pat", first, Map.of("people", withNew)));
        assertThat(second.state()).startsWith("v1;n1,n2,");
        assertThat(((Field.Section) second.fields().get(1)).title().plainText()).startsWith("Nia New");
        assertThat(((Field.Note) second.fields().get(0)).text().plainText()).startsWith("You keep 8 more as they are:");
        List<String> answers = new java.util.ArrayList<>(List.of("route plan", "daily", "critical",
                "late parcels", "weekly", "important"));
        for (int i = 2; i < SurveyFlow.MAX_FORM; i++) {
            answers.addAll(List.of("changed " + i, "weekly", "routine"));
        }
        Outcome described = f.submit("pat", second, terms(answers.toArray(String[]::new)));

        assertThat(form(described).id()).isEqualTo("survey.suppliers.pick");
        assertThat(f.edge("pat", "n1").orElseThrow().terms())
                .isEqualTo(new HandoffTerms("route plan", Frequency.DAILY, Criticality.CRITICAL));
        List<String> order = List.of(second.state().substring(3).split(","));
        assertThat(order).hasSize(32);
        assertThat(f.edge("pat", order.get(5)).orElseThrow().what()).isEqualTo("changed 5");
        for (String kept : order.subList(SurveyFlow.MAX_FORM, 32)) { // beyond the form: as they were
            assertThat(f.edge("pat", kept).orElseThrow().terms())
                    .isEqualTo(new HandoffTerms("parcels for " + kept, Frequency.DAILY, Criticality.ROUTINE));
        }
        assertThat(thirty).allSatisfy(id -> assertThat(f.edge("pat", id)).isPresent());
    }

    @Test
    void theTermsFormNamesEachPersonsTeamFromTheTeamDirectoryNotByItsId() {
        // Pat has no handoffs yet: Dana and Sam are outside Pat's neighbourhood, and so are their teams
        Form first = form(f.command("pat", "customers"));
        Form second = form(f.submit("pat", first, picked("dana", "sam")));

        List<String> titles = second.fields().stream().filter(Field.Section.class::isInstance)
                .map(field -> ((Field.Section) field).title().plainText()).toList();
        assertThat(titles).containsExactly("Dana Kowalski · Delivery drivers", "Sam Reyes · Sorting");
    }

    @Test
    void thePickerSaysItsLimitAndOffersThePeopleAlreadyWorkedWith() {
        f.graph.claim(f.tenant, SurveyFixture.id("sam"), SurveyFixture.id("pat"),
                new HandoffTerms("sorted parcels", Frequency.DAILY, Criticality.ROUTINE), Side.UPSTREAM, T0);

        Field.PeoplePicker picker = (Field.PeoplePicker) form(f.command("pat", "customers")).fields().get(1);

        assertThat(picker.max()).isEqualTo(10);
        assertThat(picker.likely()).containsExactly("sam"); // Sam hands Pat parcels: likely a colleague to name
        assertThat(picker.initial()).isEmpty(); // but not named as Pat's customer
    }

    @Test
    void eachPersonIsAGroupWithPlaceholdersAndRequiredMessagesInWords() {
        Form first = form(f.submit("pat", form(f.command("pat", "customers")), picked()));
        assertThat(first.id()).isEqualTo("survey.suppliers.pick");
        Form second = form(f.submit("pat", first, picked("sam")));

        assertThat(second.fields().get(0)).isInstanceOf(Field.Section.class);
        Field.Choice often = (Field.Choice) second.fields().get(2);
        assertThat(often.hint()).isEqualTo("Choose how often");
        assertThat(often.missing()).isEqualTo("Say how often they hand this to you");
        assertThat(((Field.TextInput) second.fields().get(1)).missing()).isEqualTo("Say in a few words what they hand you");
        assertThat(((Field.Choice) second.fields().get(3)).missing())
                .isEqualTo("Say whether your day is lost if this goes wrong");
        Map<String, String> errors = errors(f.submit("pat", second, Map.of()));
        assertThat(errors).containsEntry("often.0", "Say how often they hand this to you.")
                .containsEntry("critical.0", "Say whether your day is lost if this goes wrong.");
    }

    @Test
    void customersWithANameOffersTheColleaguesCalledThatOnAnyClient() {
        f.person("dana2", "Dana Price", "sort");

        Form form = form(f.command("pat", "customers dana"));

        Field.PeoplePicker picker = (Field.PeoplePicker) form.fields().get(1);
        assertThat(picker.likely()).containsExactly("dana", "dana2"); // Dana Kowalski, Dana Price
        assertThat(picker.initial()).isEmpty();
        assertThat(form.fields()).extracting(Field::id).contains("find");
        Form nobody = form(f.command("pat", "customers zebedee"));
        assertThat(((Field.PeoplePicker) nobody.fields().get(2)).likely()).isEmpty();
        assertThat(((Field.Note) nobody.fields().get(1)).text().plainText()).contains("Nobody's name contains");
    }

    private Object snapshot() {
        Map<String, Object> all = new java.util.TreeMap<>();
        for (String key : f.redis.keys("handoff:{" + f.tenant.value() + "}:*")) {
            switch (f.redis.type(key)) {
                case "hash" -> all.put(key, new java.util.TreeMap<>(f.redis.hgetAll(key)));
                case "set" -> all.put(key, new java.util.TreeSet<>(f.redis.smembers(key)));
                default -> all.put(key, f.redis.get(key));
            }
        }
        return all;
    }
}
