package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;

/** The picture cache's bounds: its bytes, the age of a picture, and a bound of zero keeping nothing. */
class PictureCacheTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger draws = new AtomicInteger();

    private static DependencyMap map(String title) {
        return new DependencyMap(title, new MapScope.Person(PersonId.of("pat"), 2), DependencyMap.Level.PEOPLE,
                List.of(), List.of(new MapNode("pat", "Pat", MapNode.Kind.PERSON, null, true, "")), List.of(), false);
    }

    private byte[] draw(int size) {
        draws.incrementAndGet();
        return new byte[size];
    }

    @Test
    void aPictureOlderThanTheMaximumAgeIsDrawnAgain() {
        PictureCache cache = new PictureCache(1_000_000, clock::get);
        DependencyMap pat = map("Pat");
        byte[] first = cache.get(pat, () -> draw(100)).png();
        clock.addAndGet(PictureCache.MAX_AGE.toNanos() - 1);
        assertThat(cache.get(pat, () -> draw(100)).png()).isSameAs(first);
        clock.addAndGet(1);
        PictureCache.Picture later = cache.get(pat, () -> draw(100));
        assertThat(later.drawn()).isTrue();
        assertThat(later.png()).isNotSameAs(first);
        assertThat(draws).hasValue(2);
    }

    @Test
    void theBytesKeptStayWithinTheBoundAndAPictureLargerThanItIsNotKept() {
        DependencyMap a = map("A");
        DependencyMap b = map("B");
        long bound = PictureCache.weight(a, new byte[1_000]) + PictureCache.weight(b, new byte[1_000]) - 1;
        PictureCache cache = new PictureCache(bound, clock::get);
        cache.get(a, () -> draw(1_000));
        cache.get(b, () -> draw(1_000));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isLessThanOrEqualTo(bound);

        cache.get(map("huge"), () -> draw((int) bound));
        assertThat(cache.bytes()).isLessThanOrEqualTo(bound);
        assertThat(cache.get(map("huge"), () -> draw(10)).drawn()).as("too large to keep").isTrue();
    }

    @Test
    void aBoundOfZeroKeepsNothing() {
        PictureCache cache = new PictureCache(0, clock::get);
        cache.get(map("A"), () -> draw(10));
        assertThat(cache.get(map("A"), () -> draw(10)).drawn()).isTrue();
        assertThat(cache.size()).isZero();
        assertThat(draws).hasValue(2);
    }
}
