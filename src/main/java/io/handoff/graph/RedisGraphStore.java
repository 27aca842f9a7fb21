package io.handoff.graph;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * {@link GraphStore} on Redis. The key schema is in {@link GraphKeys}; multi-key writes are Lua scripts that check
 * everything before their first write (so a refused write leaves nothing behind) and compare-and-set against what
 * was read, retrying when someone else got there first. Reads are pipelined.
 */
public final class RedisGraphStore implements GraphStore {
    private static final int MAX_ATTEMPTS = 16;
    private static final String NO_TEAM = "";
    private static final LuaScript EDGE = LuaScript.load(RedisGraphStore.class, "team-counters.lua", "edge.lua");
    private static final LuaScript PERSON = LuaScript.load(RedisGraphStore.class, "team-counters.lua", "person.lua");
    private static final LuaScript DELETE_PERSON =
            LuaScript.load(RedisGraphStore.class, "team-counters.lua", "delete-person.lua");
    private static final LuaScript TEAM = LuaScript.load(RedisGraphStore.class, "team.lua");
    private static final LuaScript CARDS = LuaScript.load(RedisGraphStore.class, "team-counters.lua", "cards.lua");
    private static final int CARDS_BATCH = 500;
    private static final LuaScript IMPORT_EDGES =
            LuaScript.load(RedisGraphStore.class, "team-counters.lua", "import-edges.lua");

    private final UnifiedJedis redis;
    private final TeamDirectory teamDirectory = new TeamDirectory();

    public RedisGraphStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    // ---- tenants ----

    @Override
    public void saveTenant(Tenant tenant) {
        GraphKeys keys = new GraphKeys(tenant.id());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", tenant.name());
        fields.put("created", Long.toString(tenant.createdAt().getEpochSecond()));
        putOrBlank(fields, "slack-enterprise", tenant.slackEnterpriseId());
        putOrBlank(fields, "slack-team", tenant.slackTeamId());
        putOrBlank(fields, "microsoft-tenant", tenant.microsoftTenantId());
        redis.hset(keys.tenant(), fields);
        // The global index lives outside the tenant's slot, so it is written after the tenant; both writes are
        // idempotent, and a lookup that finds no tenant hash is treated as "not installed".
        redis.sadd(GraphKeys.TENANTS, tenant.id().value());
        Map<String, String> index = new LinkedHashMap<>();
        if (tenant.slackEnterpriseId() != null) {
            index.put("slack-enterprise:" + tenant.slackEnterpriseId(), tenant.id().value());
        } else if (tenant.slackTeamId() != null) {
            index.put("slack-team:" + tenant.slackTeamId(), tenant.id().value());
        }
        if (tenant.microsoftTenantId() != null) {
            index.put("microsoft:" + tenant.microsoftTenantId(), tenant.id().value());
        }
        if (!index.isEmpty()) {
            redis.hset(GraphKeys.TENANT_INDEX, index);
        }
    }

    @Override
    public Optional<Tenant> tenant(TenantId id) {
        Map<String, String> fields = redis.hgetAll(new GraphKeys(id).tenant());
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Tenant(id, fields.get("name"), fields.get("slack-enterprise"), fields.get("slack-team"),
                fields.get("microsoft-tenant"), Instant.ofEpochSecond(Long.parseLong(fields.get("created")))));
    }

    @Override
    public List<TenantId> tenants() {
        return redis.smembers(GraphKeys.TENANTS).stream().filter(Identifier::isValid).map(TenantId::of).sorted().toList();
    }

    @Override
    public Optional<TenantId> tenantForSlack(String enterpriseId, String teamId) {
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            Optional<TenantId> grid = indexed("slack-enterprise:" + enterpriseId);
            if (grid.isPresent()) {
                return grid;
            }
        }
        return teamId == null || teamId.isBlank() ? Optional.empty() : indexed("slack-team:" + teamId);
    }

    @Override
    public Optional<TenantId> tenantForMicrosoft(String microsoftTenantId) {
        return microsoftTenantId == null || microsoftTenantId.isBlank() ? Optional.empty()
                : indexed("microsoft:" + microsoftTenantId);
    }

    private Optional<TenantId> indexed(String field) {
        return Optional.ofNullable(redis.hget(GraphKeys.TENANT_INDEX, field)).filter(Identifier::isValid)
                .map(TenantId::of).filter(id -> redis.exists(new GraphKeys(id).tenant()));
    }

    // ---- teams and people ----

    @Override
    public void saveTeam(TenantId tenant, Team team) {
        GraphKeys keys = new GraphKeys(tenant);
        String managers = String.join(",", team.managers().stream().map(PersonId::value).toList());
        TEAM.run(redis, List.of(keys.teams(), keys.teamManagers(), keys.teamsVersion()),
                List.of(team.id().value(), team.name(), managers, newTeamsVersion()));
    }

    @Override
    public void savePerson(TenantId tenant, Person person) {
        GraphKeys keys = new GraphKeys(tenant);
        String id = person.id().value();
        String newTeam = person.teamId().map(TeamId::value).orElse(NO_TEAM);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PersonRecord current = readPersonRecord(keys, id);
            String expectedTeam = current.fields().isEmpty() ? "-" : current.fields().getOrDefault("team", NO_TEAM);
            List<String> scriptKeys = new ArrayList<>(List.of(keys.person(id), keys.people(), keys.out(id), keys.in(id),
                    keys.teamEdges(), keys.identities(), keys.members(memberKeyTeam(expectedTeam, newTeam)),
                    keys.members(newTeam.isEmpty() ? memberKeyTeam(expectedTeam, newTeam) : newTeam)));
            current.outIds().forEach(other -> scriptKeys.add(keys.person(other)));
            current.inIds().forEach(other -> scriptKeys.add(keys.person(other)));
            scriptKeys.add(keys.cards());
            List<String> args = new ArrayList<>(List.of(id, expectedTeam, newTeam,
                    Integer.toString(current.outIds().size()), Integer.toString(current.inIds().size())));
            args.addAll(current.outIds());
            args.addAll(current.inIds());
            addField(args, "name", person.displayName(), "");
            addField(args, "email", person.email(), GraphKeys.EMAIL_INDEX);
            addField(args, "team", newTeam, "");
            addField(args, "tz", person.timeZone().getId(), "");
            for (Platform platform : Platform.values()) {
                addField(args, "id:" + platform.code(), person.identities().get(platform), platform.code());
            }
            if (runWrite(PERSON, scriptKeys, args) != 0) {
                return;
            }
        }
        throw new ConcurrentGraphChangeException("person " + id);
    }

    /** A members key must be passed even when the person has no old team; any key of the tenant will do. */
    private static String memberKeyTeam(String expectedTeam, String newTeam) {
        if (!expectedTeam.isEmpty() && !expectedTeam.equals("-")) {
            return expectedTeam;
        }
        return newTeam.isEmpty() ? "-" : newTeam;
    }

    private static void addField(List<String> args, String field, String value, String platform) {
        args.add(field);
        args.add(value == null ? "" : value);
        args.add(platform);
    }

    @Override
    public Optional<Person> person(TenantId tenant, PersonId id) {
        return decodePerson(id, redis.hgetAll(new GraphKeys(tenant).person(id.value())));
    }

    @Override
    public Optional<PersonId> personByIdentity(TenantId tenant, Platform platform, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(new GraphKeys(tenant).identities(),
                GraphKeys.identityField(platform, externalId))).map(PersonId::of);
    }

    @Override
    public Optional<PersonId> personByEmail(TenantId tenant, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(new GraphKeys(tenant).identities(),
                GraphKeys.EMAIL_INDEX + ":" + email.strip().toLowerCase(java.util.Locale.ROOT))).map(PersonId::of);
    }

    @Override
    public boolean deletePerson(TenantId tenant, PersonId person) {
        GraphKeys keys = new GraphKeys(tenant);
        String id = person.value();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PersonRecord current = readPersonRecord(keys, id);
            String team = current.fields().getOrDefault("team", NO_TEAM);
            List<String> scriptKeys = new ArrayList<>(List.of(keys.person(id), keys.people(), keys.out(id), keys.in(id),
                    keys.teamEdges(), keys.identities(), keys.members(team.isEmpty() ? "-" : team), keys.teamManagers()));
            for (String other : current.outIds()) {
                scriptKeys.add(keys.in(other));
                scriptKeys.add(keys.person(other));
            }
            for (String other : current.inIds()) {
                scriptKeys.add(keys.out(other));
                scriptKeys.add(keys.person(other));
            }
            scriptKeys.add(keys.cards());
            scriptKeys.add(keys.teamsVersion());
            List<String> args = new ArrayList<>(List.of(id, team,
                    Integer.toString(current.outIds().size()), Integer.toString(current.inIds().size())));
            args.addAll(current.outIds());
            args.addAll(current.inIds());
            args.add(newTeamsVersion());
            long result = runWrite(DELETE_PERSON, scriptKeys, args);
            if (result != 0) {
                return result == 1;
            }
        }
        throw new ConcurrentGraphChangeException("person " + id);
    }

    private record PersonRecord(Map<String, String> fields, List<String> outIds, List<String> inIds) {
    }

    private PersonRecord readPersonRecord(GraphKeys keys, String id) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<Map<String, String>> fields = pipeline.hgetAll(keys.person(id));
            Response<Set<String>> out = pipeline.hkeys(keys.out(id));
            Response<Set<String>> in = pipeline.hkeys(keys.in(id));
            pipeline.sync();
            return new PersonRecord(fields.get(), List.copyOf(out.get()), List.copyOf(in.get()));
        }
    }

    // ---- handoffs ----

    @Override
    public Optional<Handoff> handoff(TenantId tenant, PersonId upstream, PersonId downstream) {
        String encoded = redis.hget(new GraphKeys(tenant).out(upstream.value()), downstream.value());
        return Optional.ofNullable(encoded).map(e -> EdgeCodec.decode(upstream, downstream, e));
    }

    @Override
    public Optional<Handoff> update(TenantId tenant, PersonId upstream, PersonId downstream,
                                    UnaryOperator<Optional<Handoff>> change) {
        if (upstream.equals(downstream)) {
            throw new GraphException("a person cannot hand work to themselves");
        }
        GraphKeys keys = new GraphKeys(tenant);
        List<String> scriptKeys = List.of(keys.out(upstream.value()), keys.in(downstream.value()),
                keys.person(upstream.value()), keys.person(downstream.value()), keys.teamEdges());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String currentEncoded = redis.hget(keys.out(upstream.value()), downstream.value());
            Optional<Handoff> current = Optional.ofNullable(currentEncoded)
                    .map(e -> EdgeCodec.decode(upstream, downstream, e));
            Optional<Handoff> next = Objects.requireNonNull(change.apply(current), "change must not return null");
            next.ifPresent(edge -> {
                if (!edge.upstream().equals(upstream) || !edge.downstream().equals(downstream)) {
                    throw new IllegalArgumentException("a change may not move an edge to other people");
                }
            });
            String nextEncoded = next.map(EdgeCodec::encode).orElse("");
            String expected = currentEncoded == null ? "" : currentEncoded;
            if (expected.equals(nextEncoded) && (currentEncoded != null || next.isEmpty())) {
                if (currentEncoded == null) {
                    requirePeopleExist(keys, upstream, downstream);
                }
                return next;
            }
            if (runWrite(EDGE, scriptKeys, List.of(upstream.value(), downstream.value(), expected, nextEncoded)) != 0) {
                return next;
            }
        }
        throw new ConcurrentGraphChangeException("handoff " + upstream + " -> " + downstream);
    }

    @Override
    public int importHandoffs(TenantId tenant, List<Handoff> handoffs) {
        GraphKeys keys = new GraphKeys(tenant);
        int written = 0;
        for (int from = 0; from < handoffs.size(); from += IMPORT_BATCH) {
            List<Handoff> batch = handoffs.subList(from, Math.min(handoffs.size(), from + IMPORT_BATCH));
            List<String> scriptKeys = new ArrayList<>(1 + 4 * batch.size());
            List<String> args = new ArrayList<>(3 * batch.size());
            scriptKeys.add(keys.teamEdges());
            for (Handoff edge : batch) {
                String up = edge.upstream().value();
                String down = edge.downstream().value();
                scriptKeys.addAll(List.of(keys.out(up), keys.in(down), keys.person(up), keys.person(down)));
                args.addAll(List.of(up, down, EdgeCodec.encode(edge)));
            }
            written += (int) runWrite(IMPORT_EDGES, scriptKeys, args);
        }
        return written;
    }

    private void requirePeopleExist(GraphKeys keys, PersonId upstream, PersonId downstream) {
        for (PersonId person : List.of(upstream, downstream)) {
            if (!redis.exists(keys.person(person.value()))) {
                throw new UnknownPersonException(person);
            }
        }
    }

    private long runWrite(LuaScript script, List<String> keys, List<String> args) {
        try {
            return (Long) script.run(redis, keys, args);
        } catch (JedisDataException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(JedisDataException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String[] words = message.substring(Math.max(0, message.indexOf("HANDOFF_"))).split("\\s+");
        if (words[0].equals("HANDOFF_UNKNOWN_PERSON") && words.length > 1) {
            return new UnknownPersonException(PersonId.of(words[1]));
        }
        if (words[0].equals("HANDOFF_IDENTITY_TAKEN") && words.length > 2 && words[1].equals(GraphKeys.EMAIL_INDEX)) {
            return new GraphException("this email address already belongs to person '" + words[2] + "'");
        }
        if (words[0].equals("HANDOFF_IDENTITY_TAKEN") && words.length > 2) {
            return new IdentityTakenException(Arrays.stream(Platform.values())
                    .filter(p -> p.code().equals(words[1])).findFirst().orElseThrow(), words[2]);
        }
        return e;
    }

    /**
     * Writes the card of everyone stored before cards existed (an upgrade); every later write keeps cards current.
     * Returns how many were written.
     */
    public int writeMissingCards(TenantId tenant) {
        GraphKeys keys = new GraphKeys(tenant);
        Response<Set<String>> ids;
        Response<Set<String>> withCards;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            ids = pipeline.smembers(keys.people());
            withCards = pipeline.hkeys(keys.cards());
            pipeline.sync();
        }
        List<String> missing = ids.get().stream().filter(id -> !withCards.get().contains(id)).sorted().toList();
        for (int from = 0; from < missing.size(); from += CARDS_BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + CARDS_BATCH));
            List<String> scriptKeys = new ArrayList<>(List.of(keys.cards()));
            batch.forEach(id -> scriptKeys.add(keys.person(id)));
            CARDS.run(redis, scriptKeys, batch);
        }
        return missing.size();
    }

    // ---- reads ----

    @Override
    public Neighbourhood neighbourhood(TenantId tenant, PersonId centre, int depth) {
        Neighbourhood.requireDepth(depth);
        GraphKeys keys = new GraphKeys(tenant);
        Map<PersonId, Person> people = new LinkedHashMap<>();
        Map<String, Handoff> edges = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>(List.of(centre.value()));
        List<String> frontier = List.of(centre.value());
        int roundTrips = 0;
        Response<String> teamsVersion;
        Response<List<String>> cards;
        List<Response<Map<String, String>>> outReplies = new ArrayList<>();
        List<Response<Map<String, String>>> inReplies = new ArrayList<>();
        // The team directory comes along with the first read when no copy is held, else with the next read when
        // the copy turns out to be out of date (rare: teams change seldom).
        DirectoryRead directoryRead = null;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            teamsVersion = pipeline.get(keys.teamsVersion());
            if (!teamDirectory.holds(tenant)) {
                directoryRead = DirectoryRead.queue(pipeline, keys);
            }
            cards = queueExpansion(pipeline, keys, frontier, outReplies, inReplies);
            pipeline.sync();
            roundTrips++;
        }
        if (cards.get().get(0) == null) {
            throw new UnknownPersonException(centre);
        }
        Map<String, Team> teamsById = directoryRead != null ? directoryRead.remember(teamDirectory, tenant)
                : teamDirectory.current(tenant, teamsVersion.get()).orElse(null);
        for (int level = 1; ; level++) {
            addPeople(people, frontier, cards.get());
            List<String> next = new ArrayList<>();
            for (int i = 0; i < frontier.size(); i++) {
                PersonId me = PersonId.of(frontier.get(i));
                for (Map.Entry<String, String> out : outReplies.get(i).get().entrySet()) {
                    PersonId other = PersonId.of(out.getKey());
                    edges.putIfAbsent(me + ">" + other, EdgeCodec.decode(me, other, out.getValue()));
                    if (seen.add(out.getKey())) {
                        next.add(out.getKey());
                    }
                }
                for (Map.Entry<String, String> in : inReplies.get(i).get().entrySet()) {
                    PersonId other = PersonId.of(in.getKey());
                    edges.putIfAbsent(other + ">" + me, EdgeCodec.decode(other, me, in.getValue()));
                    if (seen.add(in.getKey())) {
                        next.add(in.getKey());
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            outReplies.clear();
            inReplies.clear();
            boolean expand = level < depth;
            try (AbstractPipeline pipeline = redis.pipelined()) {
                if (teamsById == null && directoryRead == null) {
                    directoryRead = DirectoryRead.queue(pipeline, keys);
                }
                cards = expand ? queueExpansion(pipeline, keys, next, outReplies, inReplies)
                        : pipeline.hmget(keys.cards(), next.toArray(String[]::new));
                pipeline.sync();
                roundTrips++;
            }
            if (!expand) {
                addPeople(people, next, cards.get());
                break;
            }
            frontier = next;
        }
        if (teamsById == null) {
            if (directoryRead == null) {
                try (AbstractPipeline pipeline = redis.pipelined()) {
                    directoryRead = DirectoryRead.queue(pipeline, keys);
                    pipeline.sync();
                    roundTrips++;
                }
            }
            teamsById = directoryRead.remember(teamDirectory, tenant);
        }
        Map<TeamId, Team> teams = new TreeMap<>();
        for (Person person : people.values()) {
            TeamId team = person.team();
            if (team != null && !teams.containsKey(team)) {
                Team known = teamsById.get(team.value());
                if (known != null) {
                    teams.put(team, known);
                }
            }
        }
        return new Neighbourhood(centre, depth, new OrgGraph(people, teams, List.copyOf(edges.values())), roundTrips);
    }

    /** The team directory read after its version token, in a pipeline of its own or riding along with other reads. */
    private record DirectoryRead(Response<String> version, Response<Map<String, String>> names,
                                 Response<Map<String, String>> managers) {
        static DirectoryRead queue(AbstractPipeline pipeline, GraphKeys keys) {
            Response<String> version = pipeline.get(keys.teamsVersion());
            return new DirectoryRead(version, pipeline.hgetAll(keys.teams()), pipeline.hgetAll(keys.teamManagers()));
        }

        Map<String, Team> remember(TeamDirectory directory, TenantId tenant) {
            return directory.remember(tenant, version.get(), names.get(), managers.get());
        }
    }

    private static String newTeamsVersion() {
        return UUID.randomUUID().toString();
    }

    /** Queues the adjacency of {@code ids} and returns the reply holding their cards, in the same order. */
    private static Response<List<String>> queueExpansion(AbstractPipeline pipeline, GraphKeys keys, List<String> ids,
                                                         List<Response<Map<String, String>>> outReplies,
                                                         List<Response<Map<String, String>>> inReplies) {
        for (String id : ids) {
            outReplies.add(pipeline.hgetAll(keys.out(id)));
            inReplies.add(pipeline.hgetAll(keys.in(id)));
        }
        return pipeline.hmget(keys.cards(), ids.toArray(String[]::new));
    }

    /** A person whose card is missing (an edge left dangling by a concurrent delete) is left out. */
    private static void addPeople(Map<PersonId, Person> people, List<String> ids, List<String> cards) {
        for (int i = 0; i < ids.size(); i++) {
            PersonId id = PersonId.of(ids.get(i));
            decodePerson(id, PersonCard.fields(cards.get(i))).ifPresent(person -> people.put(id, person));
        }
    }

    @Override
    public OrgGraph graph(TenantId tenant) {
        GraphKeys keys = new GraphKeys(tenant);
        Response<Set<String>> ids;
        Response<Map<String, String>> cards;
        DirectoryRead directory;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            ids = pipeline.smembers(keys.people());
            cards = pipeline.hgetAll(keys.cards());
            directory = DirectoryRead.queue(pipeline, keys);
            pipeline.sync();
        }
        List<String> sorted = ids.get().stream().sorted().toList();
        Map<String, Response<Map<String, String>>> outReplies = new HashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : sorted) {
                outReplies.put(id, pipeline.hgetAll(keys.out(id)));
            }
            pipeline.sync();
        }
        Map<PersonId, Person> people = new LinkedHashMap<>();
        List<Handoff> edges = new ArrayList<>();
        for (String id : sorted) {
            PersonId me = PersonId.of(id);
            decodePerson(me, PersonCard.fields(cards.get().get(id))).ifPresent(p -> people.put(me, p));
            new TreeMap<>(outReplies.get(id).get()).forEach((other, encoded) ->
                    edges.add(EdgeCodec.decode(me, PersonId.of(other), encoded)));
        }
        return new OrgGraph(people, new TreeMap<>(byTeamId(directory.remember(teamDirectory, tenant))), edges);
    }

    @Override
    public TeamMap teamMap(TenantId tenant) {
        GraphKeys keys = new GraphKeys(tenant);
        Response<Map<String, String>> counters;
        DirectoryRead directory;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            counters = pipeline.hgetAll(keys.teamEdges());
            directory = DirectoryRead.queue(pipeline, keys);
            pipeline.sync();
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>(counters.get().entrySet());
        pairs.sort(Map.Entry.comparingByKey());
        List<TeamLink> links = new ArrayList<>(pairs.size());
        for (Map.Entry<String, String> pair : pairs) {
            decodeTeamLink(pair.getKey(), pair.getValue()).ifPresent(links::add);
        }
        return new TeamMap(new TreeMap<>(byTeamId(directory.remember(teamDirectory, tenant))), links);
    }

    // ---- decoding ----

    /** A teamedges field "up>down" with its packed counters "n,r,i,c,f,x,h"; empty when it is not one. */
    private static Optional<TeamLink> decodeTeamLink(String pair, String packed) {
        int split = pair.indexOf('>');
        int[] c = unpackCounters(packed);
        if (split <= 0 || c == null) {
            return Optional.empty();
        }
        return Optional.of(new TeamLink(TeamId.of(pair.substring(0, split)), TeamId.of(pair.substring(split + 1)),
                c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
    }

    /** Seven comma-separated counts, parsed by hand (a team map reads thousands); null when malformed. */
    private static int[] unpackCounters(String packed) {
        int[] counts = new int[7];
        int slot = 0;
        int digits = 0;
        for (int i = 0; i < packed.length(); i++) {
            char ch = packed.charAt(i);
            if (ch >= '0' && ch <= '9' && digits < 9) {
                counts[slot] = counts[slot] * 10 + (ch - '0');
                digits++;
            } else if (ch == ',' && digits > 0 && slot < counts.length - 1) {
                slot++;
                digits = 0;
            } else {
                return null;
            }
        }
        return slot == counts.length - 1 && digits > 0 ? counts : null;
    }

    private static Optional<Person> decodePerson(PersonId id, Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        Map<Platform, String> identities = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            String external = fields.get("id:" + platform.code());
            if (external != null) {
                identities.put(platform, external);
            }
        }
        String team = fields.get("team");
        return Optional.of(new Person(id, fields.get("name"), fields.get("email"),
                team == null || team.isEmpty() ? null : TeamId.of(team),
                ZoneId.of(fields.getOrDefault("tz", "UTC")), identities));
    }

    private static Map<TeamId, Team> byTeamId(Map<String, Team> teams) {
        Map<TeamId, Team> byId = new HashMap<>(teams.size() * 2);
        teams.values().forEach(team -> byId.put(team.id(), team));
        return byId;
    }

    private static void putOrBlank(Map<String, String> fields, String field, String value) {
        fields.put(field, value == null ? "" : value);
    }
}
