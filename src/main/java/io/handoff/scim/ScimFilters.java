package io.handoff.scim;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;

/**
 * The filters Handoff answers: {@code <attribute> eq "<value>"} for the attributes an identity provider looks
 * resources up by (Users: {@code userName}, {@code externalId} and the email, as {@code emails.value eq "…"},
 * {@code emails[type eq "work" and value eq "…"]} or Entra ID's {@code emails[type eq "work"].value eq "…"};
 * Groups: {@code displayName}, {@code externalId}).
 * The SDK parses the filter; anything else (another operator, {@code and}/{@code or}, another attribute, a value
 * that is not a string, or text that does not parse) is a 400 {@code invalidFilter}. An email filter is answered by
 * the one person with that email, and only when their stored resource matches the whole filter (the SDK's evaluator),
 * so a filter can never list more than the exact match.
 */
record ScimFilters(String attribute, String value, Filter filter) {
    static final int MAX_FILTER = 1024;
    static final String EMAIL = "emails.value";
    /**
     * Entra ID's {@code emails[type eq "work"].value eq "…"}, outside RFC 7644's grammar (no attribute may follow a
     * value filter's {@code ]}): read as the standard {@code emails[type eq "work" and value eq "…"]}.
     */
    private static final Pattern ENTRA_EMAIL = Pattern.compile(
            "\\s*emails\\[\\s*type\\s+eq\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*]\\.value\\s+eq\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*",
            Pattern.CASE_INSENSITIVE);

    static ScimFilters parse(String filter, Set<String> attributes) throws ScimException {
        if (filter.length() > MAX_FILTER) {
            throw BadRequestException.invalidFilter("the filter is longer than " + MAX_FILTER + " characters");
        }
        Matcher entra = ENTRA_EMAIL.matcher(filter);
        String standard = entra.matches() && attributes.contains(EMAIL)
                ? "emails[type eq " + entra.group(1) + " and value eq " + entra.group(2) + "]" : filter;
        Filter parsed;
        try {
            parsed = Filter.fromString(standard);
        } catch (BadRequestException e) {
            throw BadRequestException.invalidFilter("the filter does not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            throw BadRequestException.invalidFilter("the filter does not parse");
        }
        if (attributes.contains(EMAIL) && parsed.getFilterType() == FilterType.COMPLEX_VALUE) {
            return emailValueFilter(parsed).orElseThrow(() -> unsupported(attributes));
        }
        if (!isTextEquality(parsed)) {
            throw unsupported(attributes);
        }
        String value = parsed.getComparisonValue().textValue();
        if (attributes.contains(EMAIL) && isEmailValue(parsed.getAttributePath())) {
            return new ScimFilters(EMAIL, value, parsed);
        }
        String attribute = simpleEqualityOn(parsed);
        if (attribute == null) {
            throw unsupported(attributes);
        }
        String known = attributes.stream().filter(a -> a.equalsIgnoreCase(attribute)).findFirst()
                .orElseThrow(() -> BadRequestException.invalidFilter("only " + String.join(", ", attributes.stream()
                        .sorted().toList()) + " may be filtered on"));
        return new ScimFilters(known, value, parsed);
    }

    /** Whether a resource found by {@link #value()} matches the whole filter (an email's type included). */
    boolean matches(ObjectNode resource) throws ScimException {
        return !attribute.equals(EMAIL) || FilterEvaluator.evaluate(filter, resource);
    }

    /** {@code emails.value}, without a value filter. */
    private static boolean isEmailValue(Path path) {
        return path.size() == 2 && path.getElement(0).getAttribute().equalsIgnoreCase("emails")
                && path.getElement(0).getValueFilter() == null
                && path.getElement(1).getAttribute().equalsIgnoreCase("value")
                && path.getElement(1).getValueFilter() == null;
    }

    /** {@code emails[value eq "…"]} or {@code emails[type eq "…" and value eq "…"]} (either order): nothing else. */
    private static Optional<ScimFilters> emailValueFilter(Filter parsed) {
        Path path = parsed.getAttributePath();
        if (path == null || path.getSchemaUrn() != null || path.size() != 1
                || !path.getElement(0).getAttribute().equalsIgnoreCase("emails")) {
            return Optional.empty();
        }
        Filter inner = parsed.getValueFilter();
        List<Filter> terms = inner.getFilterType() == FilterType.AND ? inner.getCombinedFilters() : List.of(inner);
        String value = null;
        boolean typed = false;
        for (Filter term : terms) {
            String attribute = simpleEqualityOn(term);
            if ("value".equalsIgnoreCase(attribute) && value == null) {
                value = term.getComparisonValue().textValue();
            } else if ("type".equalsIgnoreCase(attribute) && !typed) {
                typed = true;
            } else {
                return Optional.empty();
            }
        }
        return value == null ? Optional.empty()
                : Optional.of(new ScimFilters(EMAIL, value, parsed));
    }

    /** {@code <path> eq "<text>"}, the path without a schema URN. */
    private static boolean isTextEquality(Filter term) {
        return term.getFilterType() == FilterType.EQUAL && term.getAttributePath() != null
                && term.getAttributePath().getSchemaUrn() == null
                && term.getComparisonValue() != null && term.getComparisonValue().isTextual();
    }

    /** The attribute of {@code <attribute> eq "<text>"} (one plain attribute), or null for any other filter. */
    private static String simpleEqualityOn(Filter term) {
        if (!isTextEquality(term) || term.getAttributePath().size() != 1
                || term.getAttributePath().getElement(0).getValueFilter() != null) {
            return null;
        }
        return term.getAttributePath().getElement(0).getAttribute();
    }

    private static BadRequestException unsupported(Set<String> attributes) {
        return BadRequestException.invalidFilter("only " + String.join(", ", attributes.stream().sorted()
                .map(a -> a + " eq \"…\"").toList()) + " are supported");
    }
}
