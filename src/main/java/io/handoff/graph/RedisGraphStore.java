package io.handoff.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *
 * <p>Why it is over 350 lines: it is the single Redis adapter of the wide {@link GraphStore} port, and each write's
 * compare-and-set retry loop sits next to the script it drives and the read it compares against; the codecs, the
 * neighbourhood reader, the team directory and the queries already live in their own classes. Splitting the rest
 * by entity would spread one key schema and its retry policy over several adapters of one port.
 */
public final class RedisGraphStore implements GraphStore {
    private static final int MAX_ATTEMPTS = 16;
    private static final String NO_TEAM = "";
    private static final LuaScript EDGE = graphScript("edge.lua");
    private static final LuaScript PERSON = graphScript("person.lua");
    private static final LuaScript DELETE_PERSON = graphScript("delete-person.lua");
    private static final LuaScript IMPORT_EDGES = graphScript("import-edges.lua");
    private static final LuaScript EDGE_OF = graphScript("edge-of.lua");
    private static final LuaScript SPLIT = graphScript("split.lua");
    private static final LuaScript TEAM = LuaScript.load(RedisGraphStore.class, "team.lua");
    private static final LuaScript COMPACT = LuaScript.load(RedisGraphStore.class, "compact.lua");
    /** Import batches sent before their replies are read (the server runs one while the client encodes the next). */
    private static final int IMPORT_WINDOW = 4;
    /** Bytes read to find a person's card at the head of their adjacency string (a card is at most about 1.7 KB). */
    private static final int CARD_READ = 2048;

    private final UnifiedJedis redis;
    private final TeamDirectory teamDirectory = new TeamDirectory();
    private final TenantIndexCopy tenantIndex = new TenantIndexCopy();
    private final AdjacencyParts parts;
    private final DecodedParts decodedParts = new DecodedParts(DecodedParts.MAX_LINES);

    private static LuaScript graphScript(String name) {
        return LuaScript.load(RedisGraphStore.class, "team-counters.lua", "adjacency.lua", name);
    }

    public RedisGraphStore(UnifiedJedis redis) {
        this(redis, AdjacencyParts.SPLIT_AT);
    }

    /** With a split size other than the default (tests: small graphs whose people are split early). */
    RedisGraphStore(UnifiedJedis redis, int splitAt) {
        this(redis, new AdjacencyParts(splitAt));
    }

    /** With other split sizes for a string holding its lines and for a part (tests). */
    RedisGraphStore(UnifiedJedis redis, int splitAt, int partSplitAt) {
        this(redis, new AdjacencyParts(splitAt, partSplitAt));
    }

    private RedisGraphStore(UnifiedJedis redis, AdjacencyParts parts) {
        this.redis = Objects.requireNonNull(redis);
        this.parts = parts;
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
        writeRegistry(tenant);
    }

    @Override
    public Optional<Tenant> register(TenantId id) {
        Optional<Tenant> tenant = tenant(id);
        tenant.ifPresent(this::writeRegistry);
        return tenant;
    }

    private void writeRegistry(Tenant tenant) {
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
            // the version token in the same HSET: every instance's copy of the index is stale from this write on
            index.put(TenantIndexCopy.VERSION_FIELD, UUID.randomUUID().toString());
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
        return knownActor(slackFields(enterpriseId, teamId), Platform.SLACK, null).map(KnownActor::tenant);
    }

    @Override
    public Optional<TenantId> tenantForMicrosoft(String microsoftTenantId) {
        return knownActor(microsoftFields(microsoftTenantId), Platform.TEAMS, null).map(KnownActor::tenant);
    }

    @Override
    public Optional<KnownActor> slackActor(String enterpriseId, String teamId, String slackUserId) {
        return knownActor(slackFields(enterpriseId, teamId), Platform.SLACK, slackUserId);
    }

    @Override
    public Optional<KnownActor> microsoftActor(String microsoftTenantId, String aadObjectId) {
        return knownActor(microsoftFields(microsoftTenantId), Platform.TEAMS, aadObjectId);
    }

    /** The tenant index's fields of a Slack workspace, the org's first (an org-wide install wins). */
    private static List<String> slackFields(String enterpriseId, String teamId) {
        List<String> fields = new ArrayList<>(2);
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            fields.add("slack-enterprise:" + enterpriseId);
        }
        if (teamId != null && !teamId.isBlank()) {
            fields.add("slack-team:" + teamId);
        }
        return fields;
    }

    private static List<String> microsoftFields(String microsoftTenantId) {
        return microsoftTenantId == null || microsoftTenantId.isBlank() ? List.of()
                : List.of("microsoft:" + microsoftTenantId);
    }

    /**
     * The tenant the first index field that names one points at, if its hash exists, and the person with the identity
     * there (no identity read when {@code externalId} is null: a tenant lookup). A tenant named whose hash is gone is
     * passed over for the next field's. When this instance has read the index for these fields before
     * ({@link TenantIndexCopy}), one round trip: the index's version token, the tenant check and the identity in one
     * pipeline, the answer used if the token is unchanged and the tenant still there. Otherwise two: one HMGET of
     * the token and the fields, then the tenant check and the identity in one pipeline on the tenant's slot (none
     * when the index still names the tenant just checked: that pipeline's answer stands).
     */
    private Optional<KnownActor> knownActor(List<String> fields, Platform platform, String externalId) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<TenantIndexCopy.Stamped> held = tenantIndex.named(fields);
        TenantLookup checked = null;
        if (held.isPresent()) {
            checked = knownIn(held.get().tenant(), platform, externalId, true);
            if (held.get().currentAt(checked.indexVersion()) && checked.actor().isPresent()) {
                return checked.actor();
            }
        }
        List<String> read = new ArrayList<>(fields.size() + 1);
        read.add(TenantIndexCopy.VERSION_FIELD);
        read.addAll(fields);
        List<String> named = redis.hmget(GraphKeys.TENANT_INDEX, read.toArray(String[]::new));
        for (String tenant : named.subList(1, named.size())) {
            if (tenant != null && Identifier.isValid(tenant)) {
                TenantId id = TenantId.of(tenant);
                Optional<KnownActor> found = checked != null && held.get().tenant().equals(id) ? checked.actor()
                        : knownIn(id, platform, externalId, false).actor();
                if (found.isPresent()) {
                    tenantIndex.remember(fields, named.get(0), found.get().tenant());
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The actor found in a tenant (empty when its hash is gone), and the index's version token when it was read. */
    private record TenantLookup(Optional<KnownActor> actor, String indexVersion) {
    }

    /**
     * The tenant, if its hash exists, with the person holding the identity there: one pipeline, which also reads the
     * tenant index's version token when {@code withIndexVersion} (on Redis Cluster the index lives in another slot,
     * and the pipeline asks both nodes at once).
     */
    private TenantLookup knownIn(TenantId tenant, Platform platform, String externalId, boolean withIndexVersion) {
        GraphKeys keys = new GraphKeys(tenant);
        boolean withPerson = externalId != null && !externalId.isBlank();
        Response<String> version = null;
        Response<Boolean> exists;
        Response<String> person = null;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            if (withIndexVersion) {
                version = pipeline.hget(GraphKeys.TENANT_INDEX, TenantIndexCopy.VERSION_FIELD);
            }
            exists = pipeline.exists(keys.tenant());
            if (withPerson) {
                person = pipeline.hget(keys.identities(), GraphKeys.identityField(platform, externalId));
            }
            pipeline.sync();
        }
        String indexVersion = version == null ? null : version.get();
        if (!exists.get()) {
            return new TenantLookup(Optional.empty(), indexVersion);
        }
        return new TenantLookup(Optional.of(new KnownActor(tenant,
                person == null ? Optional.empty() : Optional.ofNullable(person.get()).map(PersonId::of))),
                indexVersion);
    }

    @Override
    public boolean hasPerson(TenantId tenant, PersonId id) {
        return redis.exists(new GraphKeys(tenant).adjacency(id.value()));
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
        String card = AdjacencyCodec.card(person);
        String newTeam = person.teamId().map(TeamId::value).orElse(NO_TEAM);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Adjacency current = readOne(keys, id);
            String oldTeam = current == null ? NO_TEAM : AdjacencyCodec.team(current.card());
            List<String> scriptKeys = new ArrayList<>(List.of(keys.adjacency(id), keys.people(), keys.teamEdges(),
                    keys.identities(), keys.members(anyTeam(oldTeam, newTeam)), keys.members(anyTeam(newTeam, oldTeam))));
            List<String> args = new ArrayList<>(List.of(id, current == null ? "" : AdjacencyCodec.sha1(current.whole()),
                    card));
            addOthers(keys, id, current, scriptKeys, args);
            addIdentity(args, GraphKeys.EMAIL_INDEX, AdjacencyCodec.EMAIL, person.email());
            for (Platform platform : Platform.values()) {
                addIdentity(args, platform.code(), AdjacencyCodec.platformField(platform),
                        person.identities().get(platform));
            }
            long result = runWrite(PERSON, scriptKeys, args);
            if (result > 0) {
                return;
            }
            if (result < 0) {
                refreshCounts(keys, othersOf(current));
            }
        }
        throw new ConcurrentGraphChangeException("person " + id);
    }

    /** The person's adjacency as it is now (null when there is none), and the count of their parts remembered. */
    private Adjacency readOne(GraphKeys keys, String id) {
        return parts.read(redis, keys, List.of(id)).get(0);
    }

    private static List<String> othersOf(Adjacency adjacency) {
        if (adjacency == null) {
            return List.of();
        }
        Set<String> others = new java.util.LinkedHashSet<>();
        adjacency.forEachLine((direction, other, text, edgeFrom, edgeTo, cardFrom, cardTo) -> others.add(other));
        return List.copyOf(others);
    }

    /**
     * The keys and arguments person.lua and delete-person.lua take about the person's own parts and the people their
     * lines name: the part keys, the part count, how many others, then per other their string, the key of their line
     * about the person and the part count believed.
     */
    private void addOthers(GraphKeys keys, String id, Adjacency current, List<String> scriptKeys, List<String> args) {
        int ownParts = current == null ? 0 : current.parts().size();
        scriptKeys.addAll(AdjacencyParts.partKeys(keys, id, ownParts));
        List<String> others = othersOf(current);
        args.add(Integer.toString(ownParts));
        args.add(Integer.toString(others.size()));
        for (String other : others) {
            int theirs = parts.known(keys, other);
            scriptKeys.add(keys.adjacency(other));
            scriptKeys.add(AdjacencyParts.linesKey(keys, other, id, theirs));
            args.add(other);
            args.add(Integer.toString(theirs));
        }
    }

    /** Learns the part counts of these people from the end of their strings (where a split string states it). */
    private void refreshCounts(GraphKeys keys, List<String> ids) {
        List<Response<String>> tails = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                tails.add(pipeline.getrange(keys.adjacency(id), -16, -1));
            }
            pipeline.sync();
        }
        for (int i = 0; i < ids.size(); i++) {
            String tail = tails.get(i).get();
            int marker = tail == null ? -1 : tail.lastIndexOf("\n" + AdjacencyCodec.PARTS);
            parts.remember(keys, ids.get(i), marker < 0 ? 0 : Integer.parseInt(tail.substring(marker + 2)));
        }
    }

    /** A members key must be passed even when there is no such team; any key of the tenant will do. */
    private static String anyTeam(String team, String otherwise) {
        return !team.isEmpty() ? team : otherwise.isEmpty() ? "-" : otherwise;
    }

    private static void addIdentity(List<String> args, String indexCode, int cardField, String value) {
        args.add(indexCode);
        args.add(Integer.toString(cardField));
        args.add(value == null ? "" : value);
    }

    @Override
    public Optional<Person> person(TenantId tenant, PersonId id) {
        // The card is at the head of the adjacency string, which may be long for someone with many handoffs: read
        // only its start (a card is far shorter) and the whole string only if the card did not end in that range.
        String key = new GraphKeys(tenant).adjacency(id.value());
        String head = redis.getrange(key, 0, CARD_READ - 1);
        if (head == null || head.isEmpty()) {
            return Optional.empty();
        }
        if (head.indexOf('\n') < 0 && head.getBytes(StandardCharsets.UTF_8).length >= CARD_READ) {
            head = redis.get(key);
            if (head == null) {
                return Optional.empty();
            }
        }
        return Optional.of(AdjacencyCodec.person(id, AdjacencyCodec.cardOf(head)));
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
    public Map<String, PersonId> peopleByIdentity(TenantId tenant, Platform platform, List<String> externalIds) {
        List<String> ids = externalIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, PersonId> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> people = redis.hmget(new GraphKeys(tenant).identities(),
                ids.stream().map(id -> GraphKeys.identityField(platform, id)).toArray(String[]::new));
        for (int i = 0; i < ids.size(); i++) {
            if (people.get(i) != null) {
                found.put(ids.get(i), PersonId.of(people.get(i)));
            }
        }
        return found;
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
            Adjacency current = readOne(keys, id);
            String team = current == null ? NO_TEAM : AdjacencyCodec.team(current.card());
            List<String> scriptKeys = new ArrayList<>(List.of(keys.adjacency(id), keys.people(), keys.teamEdges(),
                    keys.identities(), keys.members(team.isEmpty() ? "-" : team), keys.teamManagers(),
                    keys.teamsVersion()));
            List<String> args = new ArrayList<>(List.of(id, current == null ? "" : AdjacencyCodec.sha1(current.whole()),
                    newTeamsVersion()));
            addOthers(keys, id, current, scriptKeys, args);
            args.add(GraphKeys.EMAIL_INDEX);
            args.add(Integer.toString(AdjacencyCodec.EMAIL));
            for (Platform platform : Platform.values()) {
                args.add(platform.code());
                args.add(Integer.toString(AdjacencyCodec.platformField(platform)));
            }
            long result = runWrite(DELETE_PERSON, scriptKeys, args);
            if (result > 0) {
                parts.remember(keys, id, 0);
                return result == 1;
            }
            if (result < 0) {
                refreshCounts(keys, othersOf(current));
            }
        }
        throw new ConcurrentGraphChangeException("person " + id);
    }

    // ---- handoffs ----

    @Override
    public Optional<Handoff> handoff(TenantId tenant, PersonId upstream, PersonId downstream) {
        return Optional.ofNullable(currentEdge(new GraphKeys(tenant), upstream, downstream))
                .map(e -> EdgeCodec.decode(upstream, downstream, e));
    }

    /** The encoded edge up → down (null when none), read from the key holding it; learns up's part count. */
    private String currentEdge(GraphKeys keys, PersonId upstream, PersonId downstream) {
        String up = upstream.value();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int believed = parts.known(keys, up);
            List<?> reply = (List<?>) EDGE_OF.run(redis, List.of(keys.adjacency(up),
                    AdjacencyParts.linesKey(keys, up, downstream.value(), believed)),
                    List.of(downstream.value(), Integer.toString(believed)));
            int actual = (int) (long) (Long) reply.get(0);
            String encoded = reply.get(1) instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : (String) reply.get(1);
            if (actual == believed || actual < 0) {
                return encoded == null || encoded.isEmpty() ? null : encoded;
            }
            parts.remember(keys, up, actual);
        }
        throw new ConcurrentGraphChangeException("handoff " + upstream + " -> " + downstream);
    }

    @Override
    public Optional<Handoff> update(TenantId tenant, PersonId upstream, PersonId downstream,
                                    UnaryOperator<Optional<Handoff>> change) {
        if (upstream.equals(downstream)) {
            throw new GraphException("a person cannot hand work to themselves");
        }
        GraphKeys keys = new GraphKeys(tenant);
        String up = upstream.value();
        String down = downstream.value();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String currentEncoded = currentEdge(keys, upstream, downstream);
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
            int upParts = parts.known(keys, up);
            int downParts = parts.known(keys, down);
            List<String> scriptKeys = List.of(keys.adjacency(up), keys.adjacency(down), keys.teamEdges(),
                    AdjacencyParts.linesKey(keys, up, down, upParts), AdjacencyParts.linesKey(keys, down, up, downParts));
            long result = runWrite(EDGE, scriptKeys, List.of(up, down, expected, nextEncoded,
                    Integer.toString(upParts), Integer.toString(downParts), Integer.toString(parts.splitAt()),
                    Integer.toString(parts.partSplitAt())));
            if (result < 0) {
                refreshCounts(keys, List.of(up, down));
            } else if (result > 0) {
                if ((result & 2) != 0) {
                    split(keys, up);
                }
                if ((result & 4) != 0) {
                    split(keys, down);
                }
                return next;
            }
        }
        throw new ConcurrentGraphChangeException("handoff " + upstream + " -> " + downstream);
    }

    @Override
    public int importHandoffs(TenantId tenant, List<Handoff> handoffs) {
        GraphKeys keys = new GraphKeys(tenant);
        int written = 0;
        // People who work together are written together: a batch rewrites everyone it names once (ImportOrder).
        ImportOrder.Ordered ordered = ImportOrder.ordered(handoffs, IMPORT_BATCH);
        List<ImportBatch> batches = ImportBatch.cut(ordered, IMPORT_BATCH);
        // A window of batches is sent in one pipeline, so the server runs a batch while the client encodes the
        // next; each batch is still one atomic script. People whose lines grew past the split size are split
        // between windows, before their next lines are written.
        try {
            for (int from = 0; from < batches.size(); from += IMPORT_WINDOW) {
                written += importWindow(keys, batches.subList(from, Math.min(batches.size(), from + IMPORT_WINDOW)));
            }
        } catch (RuntimeException refused) {
            try {
                compact(keys, named(ordered.handoffs()));
            } catch (RuntimeException alsoFailed) {
                refused.addSuppressed(alsoFailed);
            }
            throw refused;
        }
        // The import's last batch naming a person set their key whole; only split people's parts, which earlier
        // batches may have appended to without the last one touching them, give back the room APPEND left.
        Set<String> split = new LinkedHashSet<>();
        for (String id : named(ordered.handoffs())) {
            if (parts.known(keys, id) > 0) {
                split.add(id);
            }
        }
        compact(keys, split);
        return written;
    }

    private static Set<String> named(List<Handoff> handoffs) {
        Set<String> named = new LinkedHashSet<>();
        for (Handoff handoff : handoffs) {
            named.add(handoff.upstream().value());
            named.add(handoff.downstream().value());
        }
        return named;
    }

    /**
     * Sets the lines keys of these people again to their own text (compact.lua), in scripts of a batch's size sent
     * in one pipeline; a script the server did not know yet is run again directly (setting a key to its own text
     * twice changes nothing).
     */
    private void compact(GraphKeys keys, Set<String> named) {
        List<String> lineKeys = new ArrayList<>(named.size());
        for (String id : named) {
            int count = parts.known(keys, id);
            if (count == 0) {
                lineKeys.add(keys.adjacency(id));
            } else {
                lineKeys.addAll(AdjacencyParts.partKeys(keys, id, count));
            }
        }
        if (lineKeys.isEmpty()) {
            return;
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < lineKeys.size(); from += IMPORT_BATCH) {
            chunks.add(lineKeys.subList(from, Math.min(lineKeys.size(), from + IMPORT_BATCH)));
        }
        List<Response<Object>> replies = new ArrayList<>(chunks.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (List<String> chunk : chunks) {
                replies.add(COMPACT.queue(pipeline, chunk, List.of()));
            }
            pipeline.sync();
        }
        for (int c = 0; c < chunks.size(); c++) {
            try {
                replies.get(c).get();
            } catch (JedisDataException e) {
                if (!String.valueOf(e.getMessage()).contains("NOSCRIPT")) {
                    throw e;
                }
                COMPACT.run(redis, chunks.get(c), List.of());
            }
        }
    }

    private int importWindow(GraphKeys keys, List<ImportBatch> window) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Response<Object>> replies = new ArrayList<>();
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (ImportBatch batch : window) {
                    replies.add(queueImport(pipeline, keys, batch));
                }
                pipeline.sync();
            }
            int written = 0;
            Set<String> toSplit = new TreeSet<>();
            int done = -1;
            RuntimeException refused = null;
            boolean countsChanged = false;
            for (int b = 0; b < replies.size(); b++) {
                try {
                    List<?> result = (List<?>) replies.get(b).get();
                    written += (int) (long) (Long) result.get(0);
                    for (Object id : result.subList(1, result.size())) {
                        toSplit.add(id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) id);
                    }
                } catch (JedisDataException e) {
                    done = done < 0 ? b : done;
                    String message = String.valueOf(e.getMessage());
                    if (message.contains("NOSCRIPT")) {
                        IMPORT_EDGES.run(redis, List.of(keys.teamEdges()), List.of("0", "0", "0", ""));
                        countsChanged = true;
                    } else if (message.contains("HANDOFF_PARTS_CHANGED")) {
                        countsChanged = true;
                    } else if (refused == null) {
                        refused = translate(e);
                    }
                }
            }
            for (String id : toSplit) {
                split(keys, id);
            }
            if (refused != null) {
                throw refused;
            }
            if (done < 0) {
                return written;
            }
            // A batch was not run (its part counts changed, or the server did not know the script): the window is
            // sent again from it, the batches after it included, in order (writing the same edges again changes
            // nothing, and the order keeps the last word to the last batch).
            if (countsChanged) {
                Set<String> named = new TreeSet<>();
                for (ImportBatch batch : window.subList(done, window.size())) {
                    named.addAll(batch.people());
                }
                refreshCounts(keys, List.copyOf(named));
            }
            return written + importWindow(keys, window.subList(done, window.size()));
        }
        throw new ConcurrentGraphChangeException("import");
    }

    private Response<Object> queueImport(AbstractPipeline pipeline, GraphKeys keys, ImportBatch batch) {
        List<String> people = batch.people();
        List<String> scriptKeys = new ArrayList<>(1 + people.size());
        List<String> args = new ArrayList<>(4 + 2 * people.size() + batch.encoded().size());
        scriptKeys.add(keys.teamEdges());
        args.add(Integer.toString(parts.splitAt()));
        args.add(Integer.toString(parts.partSplitAt()));
        args.add(Integer.toString(people.size()));
        args.add(batch.ends());
        for (int p = 0; p < people.size(); p++) {
            String id = people.get(p);
            String adjacency = keys.adjacency(id);
            int count = parts.known(adjacency);
            scriptKeys.add(adjacency);
            if (count > 0) {
                scriptKeys.addAll(AdjacencyParts.partKeys(keys, id, count));
            }
            args.add(id);
            args.add(Integer.toString(2 * count + (batch.lastFor(p) ? 1 : 0)));
        }
        args.addAll(batch.encoded());
        return IMPORT_EDGES.queue(pipeline, scriptKeys, args);
    }

    /**
     * Splits the person's lines into twice as many parts until none is longer than the part split size (a script per
     * doubling, each atomic; readers and writers in between see a consistent person either way).
     */
    private void split(GraphKeys keys, String id) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int current = parts.known(keys, id);
            int next = current == 0 ? 2 : 2 * current;
            if (next > AdjacencyParts.MAX_PARTS) {
                return;
            }
            List<String> scriptKeys = new ArrayList<>(1 + next);
            scriptKeys.add(keys.adjacency(id));
            scriptKeys.addAll(AdjacencyParts.partKeys(keys, id, next));
            long longest = runWrite(SPLIT, scriptKeys, List.of(Integer.toString(current), Integer.toString(next)));
            if (longest < 0) {
                refreshCounts(keys, List.of(id));   // gone, or split by someone else meanwhile
                return;
            }
            parts.remember(keys, id, next);
            if (longest <= parts.partSplitAt()) {
                return;
            }
        }
    }

    private void requirePeopleExist(GraphKeys keys, PersonId upstream, PersonId downstream) {
        for (PersonId person : List.of(upstream, downstream)) {
            if (!redis.exists(keys.adjacency(person.value()))) {
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
     * Moves a tenant stored in the layout before adjacency strings (person, out, in and cards hashes) to adjacency
     * strings; nothing happens for a tenant already in the new layout. Returns how many people were moved.
     */
    public int upgradeLegacyLayout(TenantId tenant) {
        return new AdjacencyUpgrade(redis).run(tenant);
    }

    // ---- reads ----

    @Override
    public Neighbourhood neighbourhood(TenantId tenant, PersonId centre, int depth) {
        Neighbourhood.requireDepth(depth);
        GraphKeys keys = new GraphKeys(tenant);
        NeighbourhoodReader reader = new NeighbourhoodReader(centre.value(), decodedParts, keys);
        // The first round trip reads the directory's version token and the centre's string (plus the whole team
        // directory when this replica holds no copy); a copy found out of date is read along with the next ring,
        // or on its own when there is none (rare: teams change seldom).
        DirectoryRead directoryRead = null;
        AdjacencyParts.RingRead centreRead = parts.plan(keys, List.of(centre.value()));
        List<String> firstKeys = new ArrayList<>(1 + centreRead.keys().size());
        firstKeys.add(keys.teamsVersion());
        firstKeys.addAll(centreRead.keys());
        String[] first = firstKeys.toArray(String[]::new);
        List<String> firstRead;
        if (teamDirectory.holds(tenant)) {
            firstRead = redis.mget(first);
        } else {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                directoryRead = DirectoryRead.queue(pipeline, keys);
                Response<List<String>> read = pipeline.mget(first);
                pipeline.sync();
                firstRead = read.get();
            }
        }
        int[] roundTrips = {1};
        if (firstRead.get(1) == null) {
            throw new UnknownPersonException(centre);
        }
        Map<String, Team> teamsById = directoryRead != null ? directoryRead.remember(teamDirectory, tenant)
                : teamDirectory.current(tenant, firstRead.get(0)).orElse(null);
        List<String> ring = reader.ring(centreRead.take(redis, firstRead, 1, roundTrips));
        // Each further ring is one MGET of the strings of everyone the previous ring named; the last ring is not
        // read (its people come with the summaries in the lines that lead to them).
        for (int level = 1; level < depth && !ring.isEmpty(); level++) {
            AdjacencyParts.RingRead ringRead = parts.plan(keys, ring);
            String[] ringKeys = ringRead.keys().toArray(String[]::new);
            List<String> strings;
            if (teamsById == null && directoryRead == null) {
                try (AbstractPipeline pipeline = redis.pipelined()) {
                    directoryRead = DirectoryRead.queue(pipeline, keys);
                    Response<List<String>> read = pipeline.mget(ringKeys);
                    pipeline.sync();
                    strings = read.get();
                }
            } else {
                strings = redis.mget(ringKeys);
            }
            roundTrips[0]++;
            ring = reader.ring(ringRead.take(redis, strings, 0, roundTrips));
        }
        if (teamsById == null) {
            if (directoryRead == null) {
                try (AbstractPipeline pipeline = redis.pipelined()) {
                    directoryRead = DirectoryRead.queue(pipeline, keys);
                    pipeline.sync();
                }
                roundTrips[0]++;
            }
            teamsById = directoryRead.remember(teamDirectory, tenant);
        }
        return new Neighbourhood(centre, depth, reader.graph(teamsById), roundTrips[0]);
    }

    @Override
    public OrgGraph chain(TenantId tenant, Set<PersonId> people, Set<TeamId> teams, Side towards, int depth) {
        if (depth < 1 || depth > MAX_CHAIN_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_CHAIN_DEPTH + " (was " + depth + ")");
        }
        GraphKeys keys = new GraphKeys(tenant);
        List<TeamId> teamList = teams.stream().sorted().toList();
        List<Response<Set<String>>> members = new ArrayList<>(teamList.size());
        DirectoryRead directoryRead = null;
        Response<String> version = null;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            if (teamDirectory.holds(tenant)) {
                version = pipeline.get(keys.teamsVersion());
            } else {
                directoryRead = DirectoryRead.queue(pipeline, keys);
            }
            for (TeamId team : teamList) {
                members.add(pipeline.smembers(keys.members(team.value())));
            }
            pipeline.sync();
        }
        Map<String, Team> teamsById = directoryRead != null ? directoryRead.remember(teamDirectory, tenant)
                : teamDirectory.current(tenant, version.get()).orElse(null);
        if (teamsById == null) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                directoryRead = DirectoryRead.queue(pipeline, keys);
                pipeline.sync();
            }
            teamsById = directoryRead.remember(teamDirectory, tenant);
        }
        TreeSet<String> start = new TreeSet<>();
        people.forEach(p -> start.add(p.value()));
        members.forEach(m -> start.addAll(m.get()));
        List<String> ring = List.copyOf(start);
        ChainReader reader = new ChainReader(towards, ring);
        // Every ring up to depth - 1 is read whole (one MGET); the people of ring {@code depth} come with the
        // summaries in the lines that lead to them.
        for (int level = 0; level < depth && !ring.isEmpty(); level++) {
            List<String> next = reader.ring(parts.read(redis, keys, ring));
            ring = level + 1 < depth ? next : List.of();
        }
        return reader.graph(teamsById, teams);
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

    @Override
    public OrgGraph graph(TenantId tenant) {
        GraphKeys keys = new GraphKeys(tenant);
        Response<Set<String>> ids;
        DirectoryRead directory;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            ids = pipeline.smembers(keys.people());
            directory = DirectoryRead.queue(pipeline, keys);
            pipeline.sync();
        }
        List<String> sorted = ids.get().stream().filter(Identifier::isValid).sorted().toList();
        List<Adjacency> adjacency = parts.read(redis, keys, sorted);
        Map<PersonId, Person> people = new LinkedHashMap<>();
        List<Handoff> edges = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Adjacency read = adjacency.get(i);
            if (read == null) {
                continue;
            }
            PersonId me = PersonId.of(sorted.get(i));
            people.put(me, AdjacencyCodec.person(me, read.main(), 0, read.cardEnd()));
            TreeMap<String, String> out = new TreeMap<>();
            read.forEachLine((direction, other, t, edgeFrom, edgeTo, cardFrom, cardTo) -> {
                if (direction == AdjacencyCodec.OUT) {
                    out.put(other, t.substring(edgeFrom, edgeTo));
                }
            });
            out.forEach((other, encoded) -> edges.add(EdgeCodec.decode(me, PersonId.of(other), encoded)));
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

    private static Map<TeamId, Team> byTeamId(Map<String, Team> teams) {
        Map<TeamId, Team> byId = new HashMap<>(teams.size() * 2);
        teams.values().forEach(team -> byId.put(team.id(), team));
        return byId;
    }

    private static void putOrBlank(Map<String, String> fields, String field, String value) {
        fields.put(field, value == null ? "" : value);
    }
}
