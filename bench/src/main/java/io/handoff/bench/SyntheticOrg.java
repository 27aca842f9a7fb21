package io.handoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Health;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;

/**
 * A made-up organisation, the same for the same seed: team sizes log-normal (a few big departments, many small
 * teams), people with a log-normal "busyness" that makes some of them hubs, handoffs mostly inside a team and the rest
 * to a handful of partner teams per team picked with a Zipf skew (everyone hands work to finance and IT), with a mix
 * of frequency, criticality, health and status.
 */
record SyntheticOrg(List<Team> teams, List<Person> people, List<Handoff> edges, List<Handoff> extraEdges,
                    List<PersonId> busy) {
    /** The handoffs of the busy people ({@code -Dbusy=true}, the default): a few desks everyone deals with. */
    static final int[] BUSY_HANDOFFS = {2_000, 5_000, 10_000};
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final double INSIDE_TEAM = 0.8;
    private static final int PARTNER_TEAMS = 8;
    private static final String[] DEPARTMENTS = {"Finance", "IT", "Sales", "Ops", "Depot", "Legal", "HR", "Support",
        "Marketing", "Procurement", "Payroll", "Fleet", "Warehouse", "Product", "Data", "Security", "Facilities", "Ward"};
    private static final String[] FIRST = {"Ana", "Ben", "Cid", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai",
        "Lena", "Mia", "Noor", "Olu", "Pat", "Quinn", "Ravi", "Sami", "Tess", "Uma", "Vic", "Wen", "Xia", "Yusuf", "Zoe"};
    private static final String[] LAST = {"Okafor", "Nguyen", "Schmidt", "Garcia", "Kowalski", "Haddad", "Tanaka",
        "Silva", "Murphy", "Novak", "Larsen", "Rossi", "Patel", "Dubois", "Khan", "Meyer", "Costa", "Ivanova"};
    private static final String[] ZONES = {"Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
        "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "UTC"};
    private static final String[] WHAT = {"weekly sales forecast", "month-end close pack", "on-call handover notes",
        "signed supplier contracts", "truck loaded in delivery order", "approved purchase orders", "payroll inputs",
        "release notes", "customer escalations", "shift rota", "stock count", "incident reports", "access requests",
        "board slides", "invoice batch", "test results", "new starter accounts", "route plan", "budget figures",
        "discharge letters", "ward handover", "security review", "pricing changes", "data extract", "job specs"};

    static SyntheticOrg generate(int peopleCount, int teamCount, int edgeCount, long seed) {
        return generate(peopleCount, teamCount, edgeCount, seed, false);
    }

    /**
     * With {@code busy}, also a few people with {@link #BUSY_HANDOFFS} handoffs each (a shared-services desk, a
     * dispatcher), half handed to them and half by them, to and from people picked at random (at most everyone else
     * once each way, so a small organisation caps them); their handoffs are imported with the rest.
     */
    static SyntheticOrg generate(int peopleCount, int teamCount, int edgeCount, long seed, boolean busy) {
        if (teamCount < 1 || peopleCount < 2 * teamCount) {
            throw new IllegalArgumentException("need at least one team and two people per team");
        }
        Random random = new Random(seed);
        int[] sizes = teamSizes(random, peopleCount, teamCount);
        List<Team> teams = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        int[] teamOf = new int[peopleCount];
        int[][] members = new int[teamCount][];
        int next = 0;
        for (int t = 0; t < teamCount; t++) {
            members[t] = new int[sizes[t]];
            TeamId team = TeamId.of("t" + t);
            for (int m = 0; m < sizes[t]; m++) {
                int p = next++;
                members[t][m] = p;
                teamOf[p] = t;
                String id = "u" + p;
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                people.add(new Person(PersonId.of(id), name, id + "@bench.example", team,
                        ZoneId.of(ZONES[random.nextInt(ZONES.length)]), Map.of(Platform.SLACK, "U" + (1_000_000 + p))));
            }
            teams.add(new Team(team, DEPARTMENTS[t % DEPARTMENTS.length] + " " + (t / DEPARTMENTS.length + 1),
                    List.of(PersonId.of("u" + members[t][0]))));
        }
        double[] busyness = new double[peopleCount];
        for (int p = 0; p < peopleCount; p++) {
            busyness[p] = Math.exp(0.8 * random.nextGaussian());
        }
        Weighted everyone = new Weighted(range(peopleCount), busyness);
        Weighted[] inTeam = new Weighted[teamCount];
        for (int t = 0; t < teamCount; t++) {
            inTeam[t] = new Weighted(members[t], busyness);
        }
        int[][] partners = partnerTeams(random, teamCount);

        Set<Long> pairs = new HashSet<>();
        List<Handoff> edges = new ArrayList<>(edgeCount);
        List<Handoff> extra = new ArrayList<>();
        int wanted = edgeCount + Math.min(2_000, edgeCount / 10);
        long attempts = 0;
        while (edges.size() + extra.size() < wanted && attempts++ < 50L * wanted) {
            int up = everyone.pick(random);
            int t = teamOf[up];
            int downTeam = random.nextDouble() < INSIDE_TEAM ? t : partners[t][random.nextInt(partners[t].length)];
            int down = inTeam[downTeam].pick(random);
            if (up == down || !pairs.add((long) up * peopleCount + down)) {
                continue;
            }
            Handoff edge = edge(random, PersonId.of("u" + up), PersonId.of("u" + down));
            (edges.size() < edgeCount ? edges : extra).add(edge);
        }
        List<PersonId> busyPeople = new ArrayList<>();
        if (busy) {
            for (int b = 0; b < BUSY_HANDOFFS.length && b < peopleCount; b++) {
                int desk = (int) ((b + 1L) * peopleCount / (BUSY_HANDOFFS.length + 1));
                busyPeople.add(PersonId.of("u" + desk));
                addBusy(random, desk, BUSY_HANDOFFS[b], peopleCount, pairs, edges);
            }
        }
        return new SyntheticOrg(teams, people, edges, extra, busyPeople);
    }

    /** Gives {@code desk} up to {@code handoffs} more handoffs, half each way, with people picked at random. */
    private static void addBusy(Random random, int desk, int handoffs, int peopleCount, Set<Long> pairs,
                                List<Handoff> edges) {
        int[] wanted = {Math.min(handoffs / 2, peopleCount - 1), Math.min(handoffs - handoffs / 2, peopleCount - 1)};
        int[] have = new int[2];
        for (int p = 0; p < peopleCount; p++) {
            if (p != desk) {
                have[0] += pairs.contains((long) desk * peopleCount + p) ? 1 : 0;
                have[1] += pairs.contains((long) p * peopleCount + desk) ? 1 : 0;
            }
        }
        for (int way = 0; way < 2; way++) {
            List<Integer> others = new ArrayList<>();
            for (int p = 0; p < peopleCount; p++) {
                if (p != desk) {
                    others.add(p);
                }
            }
            java.util.Collections.shuffle(others, random);
            for (int i = 0; i < others.size() && have[way] < wanted[way]; i++) {
                int other = others.get(i);
                int up = way == 0 ? desk : other;
                int down = way == 0 ? other : desk;
                if (pairs.add((long) up * peopleCount + down)) {
                    edges.add(edge(random, PersonId.of("u" + up), PersonId.of("u" + down)));
                    have[way]++;
                }
            }
        }
    }

    /** Log-normal sizes (sigma 1), at least two people each, adding up to exactly {@code people}. */
    private static int[] teamSizes(Random random, int people, int teams) {
        double[] weights = new double[teams];
        for (int t = 0; t < teams; t++) {
            weights[t] = Math.exp(random.nextGaussian());
        }
        double total = Arrays.stream(weights).sum();
        int[] sizes = new int[teams];
        int sum = 0;
        for (int t = 0; t < teams; t++) {
            sizes[t] = Math.max(2, (int) Math.round((people - 2.0 * teams) * weights[t] / total) + 2);
            sum += sizes[t];
        }
        for (int t = 0; sum != people; t = (t + 1) % teams) {
            if (sum < people) {
                sizes[t]++;
                sum++;
            } else if (sizes[t] > 2) {
                sizes[t]--;
                sum--;
            }
        }
        return sizes;
    }

    /** Each team hands work to a few other teams, popular teams (low numbers) far more often: Zipf, exponent 1. */
    private static int[][] partnerTeams(Random random, int teams) {
        double[] zipf = new double[teams];
        for (int t = 0; t < teams; t++) {
            zipf[t] = 1.0 / (t + 1);
        }
        Weighted popular = new Weighted(range(teams), zipf);
        int[][] partners = new int[teams][];
        for (int t = 0; t < teams; t++) {
            Set<Integer> chosen = new HashSet<>();
            for (int tries = 0; chosen.size() < Math.min(PARTNER_TEAMS, teams - 1) && tries < 1000; tries++) {
                int other = popular.pick(random);
                if (other != t) {
                    chosen.add(other);
                }
            }
            partners[t] = chosen.isEmpty() ? new int[] {t} : chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        return partners;
    }

    private static Handoff edge(Random random, PersonId up, PersonId down) {
        HandoffTerms terms = new HandoffTerms(WHAT[random.nextInt(WHAT.length)],
                pick(random, Frequency.values(), 0.30, 0.40, 0.20, 0.10),
                pick(random, Criticality.values(), 0.50, 0.35, 0.15));
        Health health = pick(random, Health.values(), 0.85, 0.10, 0.05);
        Instant created = NOW.minus(Duration.ofSeconds((long) (random.nextDouble() * 730 * 86_400)));
        Instant updated = created.plusSeconds((long) (random.nextDouble() * Duration.between(created, NOW).getSeconds()));
        double roll = random.nextDouble();
        if (roll < 0.55) {
            return new Handoff(up, down, terms, health, ClaimedBy.BOTH, EdgeStatus.CONFIRMED, updated, created, updated);
        }
        ClaimedBy oneSide = random.nextDouble() < 0.6 ? ClaimedBy.UPSTREAM : ClaimedBy.DOWNSTREAM;
        EdgeStatus status = roll < 0.93 ? EdgeStatus.CLAIMED : EdgeStatus.DISPUTED;
        return new Handoff(up, down, terms, health, oneSide, status, null, created, updated);
    }

    private static <T> T pick(Random random, T[] values, double... shares) {
        double roll = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[shares.length - 1];
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Picks one of {@code items} with probability proportional to its weight (cumulative sums, binary search). */
    private static final class Weighted {
        private final int[] items;
        private final double[] cumulative;

        Weighted(int[] items, double[] weightOfItem) {
            this.items = items;
            this.cumulative = new double[items.length];
            double sum = 0;
            for (int i = 0; i < items.length; i++) {
                sum += weightOfItem[items[i]];
                cumulative[i] = sum;
            }
        }

        int pick(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int at = Arrays.binarySearch(cumulative, target);
            return items[Math.min(items.length - 1, at >= 0 ? at : -at - 1)];
        }
    }

    /** The share of the edges that stay inside one team. */
    double insideTeamShare() {
        Map<PersonId, TeamId> teamOf = new java.util.HashMap<>();
        people.forEach(p -> teamOf.put(p.id(), p.team()));
        return edges.isEmpty() ? 0 : edges.stream()
                .filter(e -> teamOf.get(e.upstream()).equals(teamOf.get(e.downstream()))).count() / (double) edges.size();
    }
}
