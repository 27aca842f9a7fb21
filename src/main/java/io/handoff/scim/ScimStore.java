package io.handoff.scim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.handoff.graph.Deprovisioning;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;

/**
 * The SCIM records in Redis: a user record per provisioned person, a group record per provisioned team, their
 * indexes and members. Every write is one Lua script over the tenant's keys (compare-and-set on the record's version),
 * so two requests racing on one user or group cannot interleave. It is also the {@link Deprovisioning} port: the
 * {@code deprovisioned} sorted set says who was deactivated or deleted and when.
 */
@Component
class ScimStore implements Deprovisioning {
    static final long CREATED = Long.MIN_VALUE;
    private static final LuaScript PUT_USER = LuaScript.load(ScimStore.class, "put-user.lua");
    private static final LuaScript DELETE_USER = LuaScript.load(ScimStore.class, "delete-user.lua");
    private static final LuaScript PUT_GROUP = LuaScript.load(ScimStore.class, "groups-field.lua", "put-group.lua");
    private static final LuaScript DELETE_GROUP = LuaScript.load(ScimStore.class, "groups-field.lua",
            "delete-group.lua");

    private final UnifiedJedis redis;

    ScimStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** A provisioned user as stored: the resource as the identity provider last sent it, and what Handoff keeps. */
    record UserRecord(PersonId person, String externalId, boolean active, String resource, String manager,
                      List<TeamId> groups, String groupsField, String version, long created, long modified,
                      Optional<Instant> deprovisionedAt) {
    }

    /** A provisioned group as stored, with its members. */
    record GroupRecord(TeamId team, String displayName, String externalId, String version, long created,
                       long modified, Set<String> members) {
    }

    // ---- users ----

    Optional<UserRecord> user(TenantId tenant, PersonId person) {
        Map<String, String> hash = redis.hgetAll(new ScimKeys(tenant).user(person.value()));
        return hash.isEmpty() || hash.get("version") == null ? Optional.empty() : Optional.of(userRecord(person, hash));
    }

    List<UserRecord> users(TenantId tenant, List<PersonId> people) {
        ScimKeys keys = new ScimKeys(tenant);
        List<Response<Map<String, String>>> hashes = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (PersonId person : people) {
                hashes.add(pipeline.hgetAll(keys.user(person.value())));
            }
            pipeline.sync();
        }
        List<UserRecord> records = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Map<String, String> hash = hashes.get(i).get();
            if (hash != null && hash.get("version") != null) {
                records.add(userRecord(people.get(i), hash));
            }
        }
        return records;
    }

    private static UserRecord userRecord(PersonId person, Map<String, String> hash) {
        String groups = hash.getOrDefault("groups", "");
        String gone = hash.get("deprovisioned-at");
        return new UserRecord(person, emptyToNull(hash.get("externalId")), !"false".equals(hash.get("active")),
                hash.get("resource"), emptyToNull(hash.get("manager")),
                Arrays.stream(groups.split(",")).filter(id -> !id.isEmpty()).map(TeamId::of).toList(), groups,
                hash.get("version"), parse(hash.get("created")), parse(hash.get("modified")),
                gone == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(parse(gone))));
    }

    Optional<PersonId> userByName(TenantId tenant, String userName) {
        return Optional.ofNullable(redis.hget(new ScimKeys(tenant).index(), "u:name:" + nameKey(userName)))
                .map(PersonId::of);
    }

    Optional<PersonId> userByExternalId(TenantId tenant, String externalId) {
        return Optional.ofNullable(redis.hget(new ScimKeys(tenant).index(), "u:ext:" + externalId)).map(PersonId::of);
    }

    long userCount(TenantId tenant) {
        return redis.zcard(new ScimKeys(tenant).users());
    }

    List<PersonId> userPage(TenantId tenant, long offset, int count) {
        if (count <= 0) {
            return List.of();
        }
        return redis.zrange(new ScimKeys(tenant).users(), ZRangeParams.zrangeParams(offset, offset + count - 1))
                .stream().map(PersonId::of).toList();
    }

    /** Runs put-user.lua; {@code version} is {@link #CREATED}'s string for a create. See the script for results. */
    long putUser(TenantId tenant, PersonId person, String version, String userName, String externalId,
                 boolean active, String resource, String manager, Instant now) {
        ScimKeys keys = new ScimKeys(tenant);
        return (Long) PUT_USER.run(redis,
                List.of(keys.user(person.value()), keys.users(), keys.index(), keys.deprovisioned()),
                List.of(person.value(), version == null ? "create" : "update", version == null ? "" : version,
                        nameKey(userName), externalId == null ? "" : externalId, Boolean.toString(active), resource,
                        manager == null ? "" : manager, Long.toString(now.toEpochMilli()),
                        Long.toString(now.getEpochSecond())));
    }

    boolean deleteUser(TenantId tenant, UserRecord user, Instant now) {
        ScimKeys keys = new ScimKeys(tenant);
        List<String> scriptKeys = new ArrayList<>(List.of(keys.user(user.person().value()), keys.users(),
                keys.index(), keys.deprovisioned()));
        user.groups().forEach(team -> scriptKeys.add(keys.members(team.value())));
        return (Long) DELETE_USER.run(redis, scriptKeys, List.of(user.person().value(), user.version(),
                user.groupsField(), Long.toString(now.getEpochSecond()))) > 0;
    }

    /** The enterprise manager ids of these people (absent when none). */
    Map<String, String> managers(TenantId tenant, Set<String> people) {
        ScimKeys keys = new ScimKeys(tenant);
        Map<String, Response<String>> answers = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String person : people) {
                answers.put(person, pipeline.hget(keys.user(person), "manager"));
            }
            pipeline.sync();
        }
        Map<String, String> managers = new LinkedHashMap<>();
        answers.forEach((person, answer) -> {
            String manager = answer.get();
            if (manager != null && !manager.isEmpty()) {
                managers.put(person, manager);
            }
        });
        return managers;
    }

    // ---- groups ----

    Optional<GroupRecord> group(TenantId tenant, TeamId team) {
        ScimKeys keys = new ScimKeys(tenant);
        Map<String, String> hash = redis.hgetAll(keys.group(team.value()));
        if (hash.isEmpty() || hash.get("version") == null) {
            return Optional.empty();
        }
        return Optional.of(groupRecord(team, hash, redis.smembers(keys.members(team.value()))));
    }

    private static GroupRecord groupRecord(TeamId team, Map<String, String> hash, Set<String> members) {
        return new GroupRecord(team, hash.get("displayName"), emptyToNull(hash.get("externalId")), hash.get("version"),
                parse(hash.get("created")), parse(hash.get("modified")), new TreeSet<>(members));
    }

    List<GroupRecord> groups(TenantId tenant, List<TeamId> teams) {
        return teams.stream().map(team -> group(tenant, team)).flatMap(Optional::stream).toList();
    }

    Optional<TeamId> groupByName(TenantId tenant, String displayName) {
        return Optional.ofNullable(redis.hget(new ScimKeys(tenant).index(), "g:name:" + nameKey(displayName)))
                .map(TeamId::of);
    }

    Optional<TeamId> groupByExternalId(TenantId tenant, String externalId) {
        return Optional.ofNullable(redis.hget(new ScimKeys(tenant).index(), "g:ext:" + externalId)).map(TeamId::of);
    }

    boolean isGroup(TenantId tenant, TeamId team) {
        return redis.exists(new ScimKeys(tenant).group(team.value()));
    }

    long groupCount(TenantId tenant) {
        return redis.zcard(new ScimKeys(tenant).groups());
    }

    List<TeamId> groupPage(TenantId tenant, long offset, int count) {
        if (count <= 0) {
            return List.of();
        }
        return redis.zrange(new ScimKeys(tenant).groups(), ZRangeParams.zrangeParams(offset, offset + count - 1))
                .stream().map(TeamId::of).toList();
    }

    /** Runs put-group.lua; see the script for the results. */
    long putGroup(TenantId tenant, TeamId team, String version, String displayName, String externalId,
                  Set<String> added, Set<String> removed, Instant now) {
        ScimKeys keys = new ScimKeys(tenant);
        List<String> scriptKeys = new ArrayList<>(List.of(keys.group(team.value()), keys.groups(), keys.index(),
                keys.members(team.value())));
        List<String> args = new ArrayList<>(List.of(team.value(), version == null ? "create" : "update",
                version == null ? "" : version, nameKey(displayName), externalId == null ? "" : externalId,
                displayName, Long.toString(now.toEpochMilli()), Integer.toString(added.size())));
        for (String person : added) {
            scriptKeys.add(keys.user(person));
            args.add(person);
        }
        for (String person : removed) {
            scriptKeys.add(keys.user(person));
            args.add(person);
        }
        return (Long) PUT_GROUP.run(redis, scriptKeys, args);
    }

    boolean deleteGroup(TenantId tenant, GroupRecord group) {
        ScimKeys keys = new ScimKeys(tenant);
        List<String> scriptKeys = new ArrayList<>(List.of(keys.group(group.team().value()), keys.groups(),
                keys.index(), keys.members(group.team().value())));
        group.members().forEach(person -> scriptKeys.add(keys.user(person)));
        return (Long) DELETE_GROUP.run(redis, scriptKeys, List.of(group.team().value(), group.version(),
                Integer.toString(group.members().size()))) > 0;
    }

    // ---- deprovisioning ----

    @Override
    public Optional<Instant> deprovisionedAt(TenantId tenant, PersonId person) {
        Double score = redis.zscore(new ScimKeys(tenant).deprovisioned(), person.value());
        return score == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(score.longValue()));
    }

    @Override
    public Map<PersonId, Instant> deprovisionedBefore(TenantId tenant, Instant cutoff) {
        Map<PersonId, Instant> people = new LinkedHashMap<>();
        redis.zrangeByScoreWithScores(new ScimKeys(tenant).deprovisioned(), 0, cutoff.getEpochSecond())
                .forEach(tuple -> people.put(PersonId.of(tuple.getElement()),
                        Instant.ofEpochSecond((long) tuple.getScore())));
        return people;
    }

    /** Forget-me: the person's SCIM record, memberships and deprovisioning mark go. Answers whether there was one. */
    boolean forget(TenantId tenant, PersonId person, Instant now) {
        boolean had = false;
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<UserRecord> user = user(tenant, person);
            if (user.isEmpty() || deleteUser(tenant, user.get(), now)) {
                had |= user.isPresent();
                break;
            }
        }
        return redis.zrem(new ScimKeys(tenant).deprovisioned(), person.value()) > 0 | had;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
