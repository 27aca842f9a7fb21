package io.handoff.scim;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;

import io.handoff.graph.Person;

/**
 * What Handoff takes from a SCIM user: the email (the primary email, else the work email, else the first, else the
 * {@code userName} when it is an address), the name people see, the IANA time zone, the enterprise extension's
 * {@code department} (the team, unless a group says otherwise) and {@code manager}, and whether the user is active.
 */
record ScimProfile(String userName, String externalId, String email, List<String> emails, String displayName,
                   ZoneId zone, String department, String manager, boolean active) {
    static final int MAX_VALUE = 256;

    static ScimProfile of(UserResource user) throws ScimException {
        String userName = required("userName", user.getUserName());
        String externalId = optional("externalId", user.getExternalId());
        List<String> emails = new ArrayList<>();
        if (user.getEmails() != null) {
            user.getEmails().stream()
                    .sorted(Comparator.comparing((Email e) -> !Boolean.TRUE.equals(e.getPrimary()))
                            .thenComparing(e -> !"work".equalsIgnoreCase(e.getType())))
                    .map(Email::getValue).filter(ScimProfile::isAddress)
                    .map(value -> value.strip().toLowerCase(Locale.ROOT)).distinct().forEach(emails::add);
        }
        String login = userName.strip().toLowerCase(Locale.ROOT);
        if (isAddress(login) && !emails.contains(login)) {
            emails.add(login);
        }
        EnterpriseUserExtension enterprise = user.getExtension(EnterpriseUserExtension.class);
        String department = enterprise == null ? null : optional("department", enterprise.getDepartment());
        String manager = enterprise == null || enterprise.getManager() == null ? null
                : optional("manager", enterprise.getManager().getValue());
        return new ScimProfile(userName.strip(), externalId, emails.isEmpty() ? null : emails.get(0), List.copyOf(emails),
                displayName(user, userName), zone(user.getTimezone()), department, manager,
                user.getActive() == null || user.getActive());
    }

    private static String displayName(UserResource user, String userName) {
        String name = firstPresent(user.getDisplayName(), formatted(user.getName()), user.getNickName(), userName);
        String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > Person.MAX_NAME ? clean.substring(0, Person.MAX_NAME) : clean;
    }

    private static String formatted(Name name) {
        if (name == null) {
            return null;
        }
        if (name.getFormatted() != null && !name.getFormatted().isBlank()) {
            return name.getFormatted();
        }
        String joined = ((name.getGivenName() == null ? "" : name.getGivenName()) + " "
                + (name.getFamilyName() == null ? "" : name.getFamilyName())).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
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

    static boolean isAddress(String value) {
        return value != null && value.strip().length() <= Person.MAX_EMAIL && value.strip().matches("[^@\\s]+@[^@\\s]+");
    }

    static String required(String field, String value) throws ScimException {
        String checked = optional(field, value);
        if (checked == null) {
            throw BadRequestException.invalidValue("'" + field + "' is required");
        }
        return checked;
    }

    static String optional(String field, String value) throws ScimException {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_VALUE) {
            throw BadRequestException.invalidValue("'" + field + "' may be at most " + MAX_VALUE + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw BadRequestException.invalidValue("'" + field + "' may not contain control characters");
        }
        return value.strip();
    }
}
