package io.handoff.friction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AnonymityPolicyTest {
    private final AnonymityPolicy policy = AnonymityPolicy.defaults();

    private static AnonymityPolicy.Group<String> group(String key, String... respondents) {
        return new AnonymityPolicy.Group<>(key, Set.of(respondents), respondents.length);
    }

    @Test
    void refusesAMinimumBelowTwo() {
        assertThatThrownBy(() -> new AnonymityPolicy(1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new AnonymityPolicy(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnonymityPolicy(3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-comment-respondents");
        assertThat(new AnonymityPolicy(2, 2).minRespondents()).isEqualTo(2);
        assertThat(AnonymityPolicy.defaults()).isEqualTo(new AnonymityPolicy(3, 5));
    }

    @Test
    void showsNothingBelowTheMinimumAndShowsItAtTheMinimum() {
        var two = new AnonymityPolicy.Nest<>(group("pair", "a", "b"), List.of(group("ana", "a", "b")));
        var three = new AnonymityPolicy.Nest<>(group("pair", "a", "b", "c"), List.of(group("ana", "a", "b", "c")));

        assertThat(policy.visible(List.of(two))).isEmpty();
        assertThat(policy.visible(List.of(three))).containsExactlyInAnyOrder("pair", "ana");
    }

    @Test
    void neverShowsTwoNestedAggregatesWhoseDifferenceIsOneAnswer() {
        // team pair of 4 answers; Ana's 3 inside it; Bob's 1: pair minus Ana would be Bob's answer
        var nest = new AnonymityPolicy.Nest<>(group("pair", "a", "b", "c", "d"),
                List.of(group("ana", "a", "b", "c"), group("bob", "d")));

        Set<String> shown = policy.visible(List.of(nest));

        assertThat(shown).containsExactly("pair");
    }

    @Test
    void showsEveryChildWhenTheRemainderIsEmptyOrLargeEnough() {
        var evenSplit = new AnonymityPolicy.Nest<>(group("pair", "a", "b", "c", "d", "e", "f"),
                List.of(group("ana", "a", "b", "c"), group("bob", "d", "e", "f")));
        var bigRemainder = new AnonymityPolicy.Nest<>(group("pair2", "a", "b", "c", "d", "e", "f"),
                List.of(group("cat", "a", "b", "c"), group("dan", "d", "e"), group("eve", "f")));
        var smallRemainder = new AnonymityPolicy.Nest<>(group("pair3", "a", "b", "c", "d", "e", "f", "g"),
                List.of(group("fay", "a", "b", "c"), group("gus", "d", "e", "f"), group("hal", "g")));

        assertThat(policy.visible(List.of(evenSplit))).containsExactlyInAnyOrder("pair", "ana", "bob");
        assertThat(policy.visible(List.of(bigRemainder))).containsExactlyInAnyOrder("pair2", "cat");
        // removing one child is not enough: with gus shown, pair3 - fay - gus is hal's answer; with one of them
        // hidden the remainder is 4 answers from 4 people
        Set<String> third = policy.visible(List.of(smallRemainder));
        assertThat(third).contains("pair3").doesNotContain("hal");
        assertThat(third).hasSize(2);
    }

    @Test
    void countsPeopleNotAnswersInTheRemainder() {
        // a answered about both Ana and Bob: the remainder after Ana is one answer from one person
        var nest = new AnonymityPolicy.Nest<>(new AnonymityPolicy.Group<>("pair", Set.of("a", "b", "c"), 4),
                List.of(group("ana", "a", "b", "c"), group("bob", "a")));

        assertThat(policy.visible(List.of(nest))).containsExactly("pair");
    }

    @Test
    void rejectsChildrenThatDoNotSplitTheParent() {
        assertThatThrownBy(() -> new AnonymityPolicy.Nest<>(group("pair", "a", "b", "c"), List.of(group("ana", "a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnonymityPolicy.Nest<>(group("pair", "a", "b"), List.of(group("ana", "a", "z"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hidesCommentsBelowFiveWritersAndShowsThemShuffledWithoutAuthorsAtFive() {
        List<AnonymityPolicy.Comment> four = List.of(comment("a", "late"), comment("b", "wrong order"),
                comment("c", "no scanner"), comment("d", "fine"), comment("e", " "));
        List<AnonymityPolicy.Comment> five = new ArrayList<>(four);
        five.set(4, comment("e", "damaged boxes"));

        assertThat(policy.comments(four, new Random(1))).isEmpty();

        List<String> texts = List.of("late", "wrong order", "no scanner", "fine", "damaged boxes");
        Set<List<String>> orders = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            List<String> shown = policy.comments(five, new Random(seed)).orElseThrow();
            assertThat(shown).containsExactlyInAnyOrderElementsOf(texts);
            assertThat(String.join(" ", shown)).doesNotContain("a:", "respondent");
            orders.add(shown);
        }
        assertThat(orders).hasSizeGreaterThan(5);
    }

    @Test
    void countsWritersNotComments() {
        List<AnonymityPolicy.Comment> oneWriterFiveTimes = List.of(comment("a", "1"), comment("a", "2"),
                comment("a", "3"), comment("a", "4"), comment("a", "5"));

        assertThat(policy.comments(oneWriterFiveTimes, new Random(1))).isEmpty();
    }

    private static AnonymityPolicy.Comment comment(String who, String text) {
        return new AnonymityPolicy.Comment(who, text);
    }
}
