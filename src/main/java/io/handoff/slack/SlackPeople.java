package io.handoff.slack;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;

import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Slack user ids ↔ person ids. A Slack user Handoff has not met yet is looked up with {@code users.info}: matched to
 * an existing person by email (a roster import, or the same person on Teams) and given the Slack identity, or else
 * created with their name, email and time zone. Bots, deleted users and app users never become people.
 */
final class SlackPeople {
    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

    /** A user mention as Slack writes it in a command's text: {@code <@U0123ABCD>} or {@code <@U0123ABCD|dana>}. */
    private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");

    private final GraphStore graph;

    SlackPeople(GraphStore graph) {
        this.graph = graph;
    }

    /** The person behind a Slack user, created on first sight; empty for bots, deleted users and unknown ids. */
    /**
     * The text with every mention of a Slack user Handoff knows replaced by {@code @<person id>}, so the core never
     * reads Slack's mention syntax; a mention of someone Handoff does not know stays as typed.
     */
    String mentionsAsPeople(TenantId tenant, String text) {
        Matcher mention = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (mention.find()) {
            String replacement = graph.personByIdentity(tenant, Platform.SLACK, mention.group(1))
                    .map(person -> "@" + person.value()).orElse(mention.group());
            mention.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        mention.appendTail(out);
        return out.toString();
    }

    /** Whether this can be a Slack user id Handoff keeps (else nobody is resolved for it). */
    static boolean isUserId(String slackUserId) {
        return slackUserId != null && !slackUserId.isBlank() && slackUserId.length() <= Person.MAX_EXTERNAL_ID;
    }

    /** Whether the person is still there (not forgotten or deleted since the request found them). */
    boolean exists(TenantId tenant, PersonId person) {
        return graph.hasPerson(tenant, person);
    }

    Optional<PersonId> resolve(TenantId tenant, String slackUserId, MethodsClient client) {
        if (!isUserId(slackUserId)) {
            return Optional.empty();
        }
        Optional<PersonId> known = graph.personByIdentity(tenant, Platform.SLACK, slackUserId);
        if (known.isPresent()) {
            return known;
        }
        User user = SlackApi.call("users.info", () -> client.usersInfo(r -> r.user(slackUserId))).getUser();
        if (user == null || user.isBot() || user.isDeleted() || user.isAppUser() || "USLACKBOT".equals(user.getId())) {
            return Optional.empty();
        }
        return Optional.of(adopt(tenant, slackUserId, user));
    }

    /** Slack user ids of people (for a people picker's initial value); people without a Slack identity are left out. */
    List<String> slackIds(TenantId tenant, List<String> personIds) {
        List<String> ids = new ArrayList<>();
        for (String personId : personIds) {
            if (Identifier.isValid(personId)) {
                graph.person(tenant, PersonId.of(personId))
                        .map(person -> person.identities().get(Platform.SLACK))
                        .ifPresent(ids::add);
            }
        }
        return ids;
    }

    private PersonId adopt(TenantId tenant, String slackUserId, User user) {
        String email = user.getProfile() == null ? null : emptyToNull(user.getProfile().getEmail());
        if (email != null && (email.length() > Person.MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            email = null;
        }
        Optional<PersonId> linked = linkByEmail(tenant, slackUserId, email);
        if (linked.isPresent()) {
            return linked.get();
        }
        PersonId id = newId(tenant, email, slackUserId);
        Person person = new Person(id, name(user), email, null, zone(user.getTz()), Map.of(Platform.SLACK, slackUserId));
        try {
            graph.savePerson(tenant, person);
        } catch (GraphException refused) {
            // The email was taken a moment ago (SCIM provisioning, Teams, a roster): that person is this user.
            return linkByEmail(tenant, slackUserId, email).orElseThrow(() -> refused);
        }
        log.info("Created person {} of tenant {} for Slack user {}", id, tenant, slackUserId);
        return id;
    }

    /** The person who already has this email (case ignored), now linked to the Slack user too. */
    private Optional<PersonId> linkByEmail(TenantId tenant, String slackUserId, String email) {
        Optional<PersonId> byEmail = email == null ? Optional.empty() : graph.personByEmail(tenant, email);
        Optional<Person> existing = byEmail.flatMap(id -> graph.person(tenant, id));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        graph.savePerson(tenant, existing.get().withIdentity(Platform.SLACK, slackUserId));
        log.info("Linked Slack user {} to person {} of tenant {} by email", slackUserId, existing.get().id(), tenant);
        return Optional.of(existing.get().id());
    }

    /** The email, like a roster import does, unless it is not a valid id or already taken; else slack-&lt;user id&gt;. */
    private PersonId newId(TenantId tenant, String email, String slackUserId) {
        if (email != null && Identifier.isValid(email)) {
            PersonId byEmail = PersonId.of(email.toLowerCase(Locale.ROOT));
            if (graph.person(tenant, byEmail).isEmpty()) {
                return byEmail;
            }
        }
        return PersonId.of("slack-" + slackUserId.toLowerCase(Locale.ROOT));
    }

    private static String name(User user) {
        User.Profile profile = user.getProfile();
        String name = firstPresent(profile == null ? null : profile.getRealName(), user.getRealName(),
                profile == null ? null : profile.getDisplayName(), user.getName(), user.getId());
        String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
        return SlackText.truncate(clean.isEmpty() ? user.getId() : clean, Person.MAX_NAME);
    }

    private static ZoneId zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? null : ZoneId.of(tz);
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
