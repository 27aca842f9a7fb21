package io.handoff.scim;

import java.util.Set;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

/**
 * The filters Handoff answers: {@code <attribute> eq "<value>"} for the attributes an identity provider looks
 * resources up by (Users: {@code userName}, {@code externalId}; Groups: {@code displayName}, {@code externalId}).
 * The SDK parses the filter; anything else (another operator, {@code and}/{@code or}, another attribute, a value
 * that is not a string, or text that does not parse) is a 400 {@code invalidFilter}.
 */
record ScimFilters(String attribute, String value) {
    static final int MAX_FILTER = 1024;

    static ScimFilters parse(String filter, Set<String> attributes) throws ScimException {
        if (filter.length() > MAX_FILTER) {
            throw BadRequestException.invalidFilter("the filter is longer than " + MAX_FILTER + " characters");
        }
        Filter parsed;
        try {
            parsed = Filter.fromString(filter);
        } catch (BadRequestException e) {
            throw BadRequestException.invalidFilter("the filter does not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            throw BadRequestException.invalidFilter("the filter does not parse");
        }
        if (parsed.getFilterType() != FilterType.EQUAL
                || parsed.getAttributePath() == null || parsed.getAttributePath().size() != 1
                || parsed.getAttributePath().getSchemaUrn() != null
                || parsed.getAttributePath().getElement(0).getValueFilter() != null
                || parsed.getComparisonValue() == null || !parsed.getComparisonValue().isTextual()) {
            throw BadRequestException.invalidFilter("only " + String.join(", ", attributes.stream().sorted()
                    .map(a -> a + " eq \"…\"").toList()) + " are supported");
        }
        String attribute = parsed.getAttributePath().getElement(0).getAttribute();
        String known = attributes.stream().filter(a -> a.equalsIgnoreCase(attribute)).findFirst()
                .orElseThrow(() -> BadRequestException.invalidFilter("only " + String.join(", ", attributes.stream()
                        .sorted().toList()) + " may be filtered on"));
        return new ScimFilters(known, parsed.getComparisonValue().textValue());
    }
}
