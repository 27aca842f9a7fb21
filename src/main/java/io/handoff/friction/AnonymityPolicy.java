package io.handoff.friction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.handoff.graph.Refusal;

/**
 * Decides which friction aggregates may be shown so that nobody can learn one person's answer.
 * <ul>
 *   <li>An aggregate is shown only when at least {@code minRespondents} different people stand behind it
 *       (default 3, never below {@value #FLOOR}).</li>
 *   <li>Free text is shown only when at least {@code minCommentRespondents} different people wrote some (default 5),
 *       never attributed and always in shuffled order.</li>
 *   <li>Subtraction: aggregates nest (a team pair splits into one aggregate per upstream person). Subtracting every
 *       shown child from a shown parent leaves the answers of the hidden children; those must come from nobody or
 *       from at least {@code minRespondents} people, otherwise the smallest shown child is suppressed too (so a pair
 *       of 4 answers and a child of 3 inside it are never both shown). The parent, the wider view, is kept.</li>
 * </ul>
 * The policy is pure (no I/O) so every view of friction (digests, maps, home) can use the same decisions.
 */
public record AnonymityPolicy(int minRespondents, int minCommentRespondents) {
    public static final int FLOOR = 2;
    public static final int DEFAULT_MIN_RESPONDENTS = 3;
    public static final int DEFAULT_MIN_COMMENT_RESPONDENTS = 5;

    public AnonymityPolicy {
        if (minRespondents < FLOOR) {
            throw new Refusal("min-respondents must be at least " + FLOOR + " (was " + minRespondents
                    + "): with fewer, one person's answer could be read from an aggregate");
        }
        if (minCommentRespondents < minRespondents) {
            throw new Refusal("min-comment-respondents (" + minCommentRespondents
                    + ") cannot be below min-respondents (" + minRespondents + ")");
        }
    }

    public static AnonymityPolicy defaults() {
        return new AnonymityPolicy(DEFAULT_MIN_RESPONDENTS, DEFAULT_MIN_COMMENT_RESPONDENTS);
    }

    /** A candidate aggregate: its key, the different people behind it (opaque ids) and how many answers it sums. */
    public record Group<K>(K key, Set<String> respondents, int answers) {
        public Group {
            Objects.requireNonNull(key, "key");
            respondents = Set.copyOf(respondents);
            if (answers < respondents.size()) {
                throw new IllegalArgumentException("an aggregate has at least one answer per respondent: " + key);
            }
        }
    }

    /**
     * A parent aggregate (e.g. a team pair) and the children that split its answers between them (e.g. one per
     * upstream person), or no children when the parent is not split.
     */
    public record Nest<K>(Group<K> parent, List<Group<K>> children) {
        public Nest {
            Objects.requireNonNull(parent, "parent");
            children = List.copyOf(children);
            int sum = children.isEmpty() ? parent.answers() : 0;
            sum += children.stream().mapToInt(Group::answers).sum();
            if (sum != parent.answers()) {
                throw new IllegalArgumentException("the children of " + parent.key() + " sum " + sum
                        + " answers, the parent " + parent.answers());
            }
            for (Group<K> child : children) {
                if (!parent.respondents().containsAll(child.respondents())) {
                    throw new IllegalArgumentException(child.key() + " has respondents outside " + parent.key());
                }
            }
        }
    }

    /** A piece of free text and who wrote it (only to count different writers; never shown). */
    public record Comment(String respondent, String text) {
        public Comment {
            Objects.requireNonNull(respondent, "respondent");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Whether an aggregate over these people may be shown on its own (before the subtraction rules). */
    public boolean enough(Set<String> respondents) {
        return respondents.size() >= minRespondents;
    }

    /** The keys of every aggregate that may be shown, parents and children, deciding all nests together. */
    public <K> Set<K> visible(Collection<Nest<K>> nests) {
        List<Group<K>> shown = new ArrayList<>();
        for (Nest<K> nest : nests) {
            shown.addAll(visibleIn(nest));
        }
        Set<K> keys = new LinkedHashSet<>();
        shown.forEach(group -> keys.add(group.key()));
        return keys;
    }

    private <K> List<Group<K>> visibleIn(Nest<K> nest) {
        List<Group<K>> shown = new ArrayList<>();
        if (!enough(nest.parent().respondents())) {
            return shown; // children have no more respondents than their parent
        }
        List<Group<K>> children = new ArrayList<>(nest.children().stream()
                .filter(child -> enough(child.respondents())).toList());
        while (!children.isEmpty() && !residualSafe(nest, children)) {
            children.remove(children.stream().min(smallestFirst()).orElseThrow());
        }
        shown.add(nest.parent());
        shown.addAll(children);
        return shown;
    }

    /** The answers of the parent left after subtracting every shown child come from nobody or from enough people. */
    private <K> boolean residualSafe(Nest<K> nest, List<Group<K>> shownChildren) {
        int answers = 0;
        Set<String> respondents = new HashSet<>();
        for (Group<K> child : nest.children()) {
            if (!shownChildren.contains(child)) {
                answers += child.answers();
                respondents.addAll(child.respondents());
            }
        }
        return answers == 0 || respondents.size() >= minRespondents;
    }

    /**
     * The free text that may be shown: empty unless at least {@code minCommentRespondents} different people wrote
     * some, otherwise the texts alone (no author) in shuffled order.
     */
    public Optional<List<String>> comments(Collection<Comment> comments, RandomGenerator random) {
        List<Comment> written = comments.stream().filter(c -> !c.text().isBlank()).toList();
        long writers = written.stream().map(Comment::respondent).distinct().count();
        if (writers < minCommentRespondents) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>(written.stream().map(Comment::text).toList());
        for (int i = texts.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = texts.get(i);
            texts.set(i, texts.get(j));
            texts.set(j, swap);
        }
        return Optional.of(List.copyOf(texts));
    }

    private static <K> Comparator<Group<K>> smallestFirst() {
        return Comparator.<Group<K>>comparingInt(Group::answers).thenComparingInt(g -> g.respondents().size());
    }
}
