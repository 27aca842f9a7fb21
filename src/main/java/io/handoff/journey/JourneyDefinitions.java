package io.handoff.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.handoff.graph.Text;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;

/**
 * A journey as a plain tree (maps, lists, strings: what a JSON or YAML body parses into) and back. Reading checks
 * every field and reports each wrong one with its path, so an admin fixes a definition in one go:
 * <pre>
 * id: parcel-delivery            # optional in a PUT body (the URL names it); must match when given
 * name: Parcel delivery
 * customer: someone expecting a parcel
 * stages:
 *   - name: Delivery
 *     touchpoints:
 *       - id: delivered
 *         name: Parcel delivered
 *         channel: in-person      # in-person, phone, app, email, letter, other
 *         weight: game-over       # routine, important, game-over
 *         owners: {teams: [drivers], people: [dana]}
 * </pre>
 */
public final class JourneyDefinitions {
    private static final Set<String> ROOT = Set.of("id", "name", "customer", "stages");
    private static final Set<String> STAGE = Set.of("name", "touchpoints");
    /** {@code ownerless} and {@code missingOwners} are what a GET adds; a definition read back may carry them. */
    private static final Set<String> TOUCHPOINT = Set.of("id", "name", "channel", "weight", "owners", "ownerless",
            "missingOwners");
    private static final Set<String> OWNERS = Set.of("teams", "people");

    private JourneyDefinitions() {
    }

    /** Names each field the definition does not know (a typo like {@code owner} would otherwise pass unnoticed). */
    private static void unknownFields(Map<?, ?> map, Set<String> known, String path, List<FieldProblem> problems) {
        map.keySet().stream().map(String::valueOf).filter(k -> !known.contains(k)).sorted().forEach(k -> problems.add(
                new FieldProblem(path.isEmpty() ? k : path + "." + k, "is not a field here (known: "
                        + known.stream().sorted().collect(java.util.stream.Collectors.joining(", ")) + ")")));
    }

    /** Reads the tree as the journey {@code id}; throws {@link JourneyRefusal} naming every wrong field. */
    public static Journey read(JourneyId id, Object tree) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(tree instanceof Map<?, ?> root)) {
            throw new JourneyRefusal(List.of(new FieldProblem("(body)", "must be an object with name, customer and stages")));
        }
        unknownFields(root, ROOT, "", problems);
        Object givenId = root.get("id");
        if (givenId != null && !id.value().equals(String.valueOf(givenId))) {
            problems.add(new FieldProblem("id", "must be the id in the URL (" + id + ") or left out"));
        }
        String name = text(root, "name", "name", Journey.MAX_NAME, problems);
        String customer = text(root, "customer", "customer", Journey.MAX_CUSTOMER, problems);
        List<Stage> stages = new ArrayList<>();
        List<?> stageTrees = list(root, "stages", "stages", problems);
        if (stageTrees != null) {
            if (stageTrees.isEmpty()) {
                problems.add(new FieldProblem("stages", "needs at least one stage"));
            } else if (stageTrees.size() > Journey.MAX_STAGES) {
                problems.add(new FieldProblem("stages", "may have at most " + Journey.MAX_STAGES + " stages"));
            } else {
                for (int i = 0; i < stageTrees.size(); i++) {
                    stage(stageTrees.get(i), "stages[" + i + "]", problems).ifPresent(stages::add);
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                return new Journey(id, name, customer, stages);
            } catch (Refusal e) {
                problems.add(new FieldProblem("stages", e.getMessage()));
            }
        }
        throw new JourneyRefusal(problems);
    }

    private static Optional<Stage> stage(Object tree, String path, List<FieldProblem> problems) {
        if (!(tree instanceof Map<?, ?> map)) {
            problems.add(new FieldProblem(path, "must be an object with name and touchpoints"));
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(map, STAGE, path, problems);
        String name = text(map, "name", path + ".name", Stage.MAX_NAME, problems);
        List<Touchpoint> touchpoints = new ArrayList<>();
        List<?> trees = list(map, "touchpoints", path + ".touchpoints", problems);
        if (trees != null) {
            if (trees.isEmpty()) {
                problems.add(new FieldProblem(path + ".touchpoints", "needs at least one touchpoint"));
            } else if (trees.size() > Stage.MAX_TOUCHPOINTS) {
                problems.add(new FieldProblem(path + ".touchpoints", "may have at most " + Stage.MAX_TOUCHPOINTS));
            } else {
                for (int i = 0; i < trees.size(); i++) {
                    touchpoint(trees.get(i), path + ".touchpoints[" + i + "]", problems).ifPresent(touchpoints::add);
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Stage(name, touchpoints));
    }

    private static Optional<Touchpoint> touchpoint(Object tree, String path, List<FieldProblem> problems) {
        if (!(tree instanceof Map<?, ?> map)) {
            problems.add(new FieldProblem(path, "must be an object with id, name, channel, weight and owners"));
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(map, TOUCHPOINT, path, problems);
        TouchpointId id = parsed(map, "id", path + ".id", TouchpointId::of, problems);
        String name = text(map, "name", path + ".name", Touchpoint.MAX_NAME, problems);
        Channel channel = choice(map, "channel", path + ".channel", Channel::parse, Channel.choices(), problems);
        Weight weight = choice(map, "weight", path + ".weight", Weight::parse, Weight.choices(), problems);
        List<TeamId> teams = new ArrayList<>();
        List<PersonId> people = new ArrayList<>();
        Object owners = map.get("owners");
        if (owners != null) {
            if (!(owners instanceof Map<?, ?> ownerMap)) {
                problems.add(new FieldProblem(path + ".owners", "must be an object with teams and/or people"));
            } else {
                unknownFields(ownerMap, OWNERS, path + ".owners", problems);
                ids(ownerMap, "teams", path + ".owners.teams", TeamId::of, teams, problems);
                ids(ownerMap, "people", path + ".owners.people", PersonId::of, people, problems);
                if (teams.size() + people.size() > Touchpoint.MAX_OWNERS) {
                    problems.add(new FieldProblem(path + ".owners", "may name at most " + Touchpoint.MAX_OWNERS + " owners"));
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Touchpoint(id, name, channel, teams, people, weight));
    }

    private static String text(Map<?, ?> map, String key, String path, int max, List<FieldProblem> problems) {
        Object value = map.get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!(value instanceof String s)) {
            problems.add(new FieldProblem(path, "must be text"));
            return null;
        }
        try {
            return Text.require(key, s, max);
        } catch (Refusal e) {
            problems.add(new FieldProblem(path, e.getMessage().replaceFirst("^" + key + " ", "")));
            return null;
        }
    }

    private static List<?> list(Map<?, ?> map, String key, String path, List<FieldProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new FieldProblem(path, "must be a list"));
            return null;
        }
        return list;
    }

    private static <T> T parsed(Map<?, ?> map, String key, String path, Function<String, T> parse,
                                List<FieldProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        try {
            return parse.apply(String.valueOf(value));
        } catch (Refusal e) {
            problems.add(new FieldProblem(path, e.getMessage()));
            return null;
        }
    }

    private static <E> E choice(Map<?, ?> map, String key, String path, Function<String, Optional<E>> parse,
                                String choices, List<FieldProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            problems.add(new FieldProblem(path, "is required (one of " + choices + ")"));
            return null;
        }
        Optional<E> parsed = value instanceof String s ? parse.apply(s) : Optional.empty();
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(path, "must be one of " + choices));
            return null;
        }
        return parsed.get();
    }

    private static <T> void ids(Map<?, ?> map, String key, String path, Function<String, T> parse, List<T> into,
                                List<FieldProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new FieldProblem(path, "must be a list of ids"));
            return;
        }
        for (int i = 0; i < list.size() && i <= Touchpoint.MAX_OWNERS; i++) {
            try {
                into.add(parse.apply(String.valueOf(list.get(i))));
            } catch (Refusal e) {
                problems.add(new FieldProblem(path + "[" + i + "]", e.getMessage()));
            }
        }
    }

    /** The journey as a tree, in the shape {@link #read} takes (the stored and the API form). */
    public static Map<String, Object> tree(Journey journey) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", journey.id().value());
        root.put("name", journey.name());
        root.put("customer", journey.customer());
        List<Object> stages = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", stage.name());
            List<Object> touchpoints = new ArrayList<>();
            for (Touchpoint t : stage.touchpoints()) {
                Map<String, Object> tp = new LinkedHashMap<>();
                tp.put("id", t.id().value());
                tp.put("name", t.name());
                tp.put("channel", t.channel().code());
                tp.put("weight", t.weight().code());
                Map<String, Object> owners = new LinkedHashMap<>();
                owners.put("teams", t.ownerTeams().stream().map(TeamId::value).toList());
                owners.put("people", t.ownerPeople().stream().map(PersonId::value).toList());
                tp.put("owners", owners);
                touchpoints.add(tp);
            }
            s.put("touchpoints", touchpoints);
            stages.add(s);
        }
        root.put("stages", stages);
        return root;
    }
}
