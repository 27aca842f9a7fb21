package io.handoff.roster;

import java.util.List;

/**
 * What a roster import did. Rows with errors are skipped and listed; every other row is applied.
 *
 * @param rows           data rows read (header excluded)
 * @param peopleCreated  people who were not in Handoff before
 * @param peopleUpdated  people matched by email whose name or team was updated (or confirmed unchanged)
 * @param teams          teams named in the roster (created or updated, with their managers)
 * @param errors         one entry per skipped row or unresolved manager, with its line number
 */
public record RosterReport(int rows, int peopleCreated, int peopleUpdated, int teams, List<RowError> errors) {
    public RosterReport {
        errors = List.copyOf(errors);
    }

    /** A problem on one line of the CSV (line 1 is the header). */
    public record RowError(long line, String message) {
    }
}
