package io.handoff.scim;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;

/**
 * RFC 7644 §3.4.2.4 paging: {@code startIndex} is 1-based (less than 1 means 1), {@code count} is how many per page
 * (negative means 0; default and most {@value #MAX_COUNT}).
 */
record Paging(long startIndex, int count) {
    static final int MAX_COUNT = 200;

    static Paging of(Integer startIndex, Integer count) {
        long start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        return new Paging(start, size);
    }

    long offset() {
        return startIndex - 1;
    }

    /** A page of all the matches. */
    ListResponse<ObjectNode> page(List<ObjectNode> all) {
        int from = (int) Math.min(offset(), all.size());
        int to = (int) Math.min((long) from + count, all.size());
        return of(all.size(), all.subList(from, to));
    }

    /** A page already cut, of {@code total} resources. */
    ListResponse<ObjectNode> of(long total, List<ObjectNode> page) {
        return new ListResponse<>((int) total, page, (int) startIndex, page.size());
    }
}
