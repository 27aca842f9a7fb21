package io.handoff.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Imports the organisation's roster from CSV with the columns {@code email,name,team,manager_email}: people are
 * matched by email (so someone who already uses Handoff in Slack or Teams keeps their history), teams are created from
 * their names, and each person's manager becomes a manager of that person's team.
 */
public final class RosterImport {
    public static final int MAX_ROWS = 100_000;
    static final List<String> COLUMNS = List.of("email", "name", "team", "manager_email");

    private final GraphStore store;

    public RosterImport(GraphStore store) {
        this.store = store;
    }

    public RosterReport importCsv(TenantId tenant, Reader csv) {
        List<Row> rows = new ArrayList<>();
        List<RosterReport.RowError> errors = new ArrayList<>();
        int read = parse(csv, rows, errors);
        int created = 0;
        int updated = 0;
        List<Row> applied = new ArrayList<>();
        for (Row row : rows) {
            try {
                Optional<PersonId> existing = store.personByEmail(tenant, row.email());
                Optional<Person> current = existing.flatMap(id -> store.person(tenant, id));
                Person person = current
                        .map(p -> new Person(p.id(), row.name(), row.email(), row.team(), p.timeZone(), p.identities()))
                        .orElseGet(() -> new Person(idFor(row.email()), row.name(), row.email(), row.team(), null, Map.of()));
                store.savePerson(tenant, person);
                if (current.isPresent()) {
                    updated++;
                } else {
                    created++;
                }
                applied.add(row);
            } catch (Refusal | GraphException e) {
                errors.add(new RosterReport.RowError(row.line(), e.getMessage()));
            }
        }
        Map<TeamId, String> teamNames = new LinkedHashMap<>();
        Map<TeamId, Set<PersonId>> managers = new LinkedHashMap<>();
        for (Row row : applied) {
            teamNames.putIfAbsent(row.team(), row.teamName());
            Set<PersonId> teamManagers = managers.computeIfAbsent(row.team(), t -> new LinkedHashSet<>());
            if (row.managerEmail() != null) {
                Optional<PersonId> manager = store.personByEmail(tenant, row.managerEmail());
                if (manager.isPresent()) {
                    teamManagers.add(manager.get());
                } else {
                    errors.add(new RosterReport.RowError(row.line(), "manager " + row.managerEmail()
                            + " is neither in this roster nor in Handoff; the team was saved without them"));
                }
            }
        }
        teamNames.forEach((id, name) -> store.saveTeam(tenant, new Team(id, name, List.copyOf(managers.get(id)))));
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new RosterReport(read, created, updated, teamNames.size(), errors);
    }

    private static int parse(Reader csv, List<Row> rows, List<RosterReport.RowError> errors) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        int read = 0;
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.containsAll(List.of("email", "name", "team"))) {
                throw new RosterFormatException("the first line must be the header " + String.join(",", COLUMNS)
                        + " (manager_email may be left empty); found: " + String.join(",", header));
            }
            Set<String> seenEmails = new LinkedHashSet<>();
            for (CSVRecord record : parser) {
                if (++read > MAX_ROWS) {
                    throw new RosterFormatException("a roster may have at most " + MAX_ROWS + " rows");
                }
                long line = record.getRecordNumber() + 1;
                try {
                    Row row = Row.of(line, value(record, "email"), value(record, "name"), value(record, "team"),
                            value(record, "manager_email"));
                    if (!seenEmails.add(row.email())) {
                        throw new Refusal("email " + row.email() + " appears on an earlier line");
                    }
                    rows.add(row);
                } catch (Refusal e) {
                    errors.add(new RosterReport.RowError(line, e.getMessage()));
                }
            }
        } catch (RosterFormatException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV reports malformed input (an unclosed quote, a duplicate header) this way.
            throw new RosterFormatException("the roster is not valid CSV: " + e.getMessage());
        }
        return read;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    /** A new person's id: their email when it is a valid id (it usually is), else a stable hash of it. */
    static PersonId idFor(String email) {
        if (Identifier.isValid(email)) {
            return PersonId.of(email);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return PersonId.of("p-" + HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A team's id from its name: lower case, words joined by dashes ("Customer Service" → customer-service). */
    static TeamId teamIdFor(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            throw new Refusal("team name '" + name + "' needs at least one letter or digit");
        }
        return TeamId.of(slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug);
    }

    /** One valid line of the roster. */
    record Row(long line, String email, String name, TeamId team, String teamName, String managerEmail) {
        static Row of(long line, String email, String name, String team, String managerEmail) {
            if (email.isBlank()) {
                throw new Refusal("email is empty");
            }
            if (name.isBlank()) {
                throw new Refusal("name is empty");
            }
            if (team.isBlank()) {
                throw new Refusal("team is empty");
            }
            // Person and Team validate email and names the same way everywhere, so a line is refused here, naming its
            // line, rather than when its team is saved after every line was read.
            Person check = new Person(PersonId.of("check"), name, email, null, null, Map.of());
            Team teamCheck = new Team(teamIdFor(team), team, List.of());
            String manager = managerEmail.isBlank() ? null : managerEmail.strip().toLowerCase(Locale.ROOT);
            if (manager != null && !manager.matches("[^@\\s]+@[^@\\s]+")) {
                throw new Refusal("manager_email '" + managerEmail + "' is not an address");
            }
            return new Row(line, check.email(), check.displayName(), teamCheck.id(), teamCheck.name(), manager);
        }
    }
}
