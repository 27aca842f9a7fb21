package io.handoff.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * The chat command {@code map [@person|team <name>|org|journey <name>] [depth N] [as svg|png|dot|mermaid|csv|graphml|gexf|json]}.
 * Without a scope it is the asker's own neighbourhood at depth {@value MapScope#DEFAULT_DEPTH}.
 */
record MapCommand(MapScope scope, MapFormat format) {
    /** What the general help list shows: no file formats, those are for {@code map help}. */
    public static final String SHORT_USAGE = "map [@person | team <name> | org | journey <name>] [depth 1-3]";
    public static final String USAGE = SHORT_USAGE + " [as png|svg|dot|mermaid|csv|"
            + "graphml|gexf|json|backstage|team-api]";

    public MapCommand {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(format, "format");
    }

    /** Finds the people and teams a command names. */
    public interface Names {
        /** A person by id, {@code @id}, email address or chat id (adapters turn chat mentions into {@code @id}). */
        Optional<PersonId> person(String reference);

        /** A team by id or name (case-insensitive). */
        Optional<TeamId> team(String idOrName);

        /** A customer journey's id, by id or name (case-insensitive); none without journeys. */
        default Optional<String> journey(String idOrName) {
            return Optional.empty();
        }
    }

    /** Parses the text after the word {@code map}; {@code asker} is whose neighbourhood "map" alone means. */
    public static MapCommand parse(String text, PersonId asker, Names names) {
        List<String> words = new ArrayList<>(Arrays.asList(Objects.requireNonNullElse(text, "").strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        String person = null;
        String team = null;
        String journey = null;
        boolean org = false;
        Integer depth = null;
        MapFormat format = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "depth" -> {
                    if (depth != null) {
                        throw new MapRequestException("say depth only once. Usage: " + USAGE);
                    }
                    depth = MapScope.parseDepth(next(words, ++i, "a number after 'depth'"));
                }
                case "as" -> {
                    if (format != null) {
                        throw new MapRequestException("say 'as <format>' only once. Usage: " + USAGE);
                    }
                    format = MapFormat.parse(next(words, ++i, "a format after 'as' (" + MapFormat.words() + ")"));
                }
                case "org" -> {
                    requireNoScope(person, team, org || journey != null);
                    org = true;
                }
                case "journey" -> {
                    requireNoScope(person, team, org || journey != null);
                    List<String> name = new ArrayList<>();
                    while (i + 1 < words.size() && !isKeyword(words.get(i + 1))) {
                        name.add(words.get(++i));
                    }
                    if (name.isEmpty()) {
                        throw new MapRequestException("name the journey after 'journey', e.g. 'map journey "
                                + "parcel-delivery'");
                    }
                    journey = String.join(" ", name);
                }
                case "team" -> {
                    requireNoScope(person, team, org || journey != null);
                    List<String> name = new ArrayList<>();
                    while (i + 1 < words.size() && !isKeyword(words.get(i + 1))) {
                        name.add(words.get(++i));
                    }
                    if (name.isEmpty()) {
                        throw new MapRequestException("name the team after 'team', e.g. 'map team Dispatch'");
                    }
                    team = String.join(" ", name);
                }
                default -> {
                    requireNoScope(person, team, org || journey != null);
                    if (!lower.equals("me")) {
                        person = word;
                    } else {
                        person = "";
                    }
                }
            }
        }
        MapFormat chosen = format == null ? MapFormat.PNG : format;
        if (org) {
            if (depth != null) {
                throw new MapRequestException("the org map shows every team, so it takes no depth. Usage: " + USAGE);
            }
            return new MapCommand(new MapScope.Org(), chosen);
        }
        if (journey != null) {
            if (depth != null) {
                throw new MapRequestException("a journey's map shows everyone behind it, so it takes no depth. Usage: "
                        + USAGE);
            }
            String asked = journey.length() > 100 ? journey.substring(0, 100) + "…" : journey;
            String id = names.journey(journey).orElseThrow(() -> new MapNotFoundException("I know no customer "
                    + "journey called '" + asked + "'. Use its id or name; 'journey' lists them."));
            return new MapCommand(new MapScope.Journey(id), chosen);
        }
        if (team != null) {
            String asked = team;
            TeamId id = names.team(asked).orElseThrow(() -> new MapNotFoundException("I know no team called '"
                    + asked + "'. Use the team's id or its name, e.g. 'map team Dispatch'."));
            return new MapCommand(new MapScope.Team(id, depth == null ? 1 : depth), chosen);
        }
        PersonId centre = asker;
        if (person != null && !person.isEmpty()) {
            String asked = person;
            centre = names.person(asked).orElseThrow(() -> new MapNotFoundException("I know no one called '"
                    + asked + "'. Mention them (@name) or use their id or email address."));
        }
        return new MapCommand(new MapScope.Person(centre, depth == null ? MapScope.DEFAULT_DEPTH : depth), chosen);
    }

    private static boolean isKeyword(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("depth") || lower.equals("as");
    }

    private static String next(List<String> words, int index, String what) {
        if (index >= words.size()) {
            throw new MapRequestException("I expected " + what + ". Usage: " + USAGE);
        }
        return words.get(index);
    }

    private static void requireNoScope(String person, String team, boolean org) {
        if (person != null || team != null || org) {
            throw new MapRequestException("ask for one map at a time: a person, a team or the org. Usage: " + USAGE);
        }
    }
}
