package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * Pictures drawn at the same moment share a pixel budget: a burst of map requests waits its turn instead of filling
 * the heap with images, and a picture larger than the whole budget is still drawn, alone.
 */
class PixelBudgetTest {

    @Test
    void aPictureThatDoesNotFitWaitsUntilAnotherIsDone() throws Exception {
        PixelBudget budget = new PixelBudget(10, 4);
        PixelBudget.Lease first = budget.take(8_000_000);
        assertThat(budget.availableMegapixels()).isEqualTo(2);

        CompletableFuture<PixelBudget.Lease> second = CompletableFuture.supplyAsync(() -> budget.take(6_000_000));
        assertThat(waitFor(second)).as("six megapixels do not fit beside eight of ten").isFalse();

        first.close();
        try (PixelBudget.Lease lease = second.get(10, TimeUnit.SECONDS)) {
            assertThat(budget.availableMegapixels()).isEqualTo(4);
        }
        assertThat(budget.availableMegapixels()).isEqualTo(10);
    }

    @Test
    void aPictureLargerThanTheBudgetTakesAllOfItAndSmallOnesTakeOneMegapixel() {
        PixelBudget budget = new PixelBudget(10, 4);
        try (PixelBudget.Lease huge = budget.take(24_000_000)) {
            assertThat(budget.availableMegapixels()).isZero();
        }
        try (PixelBudget.Lease small = budget.take(1_200)) {
            assertThat(budget.availableMegapixels()).isEqualTo(9);
        }
    }

    @Test
    void noMorePicturesAreDrawnAtOnceThanThereAreDrawingSlots() throws Exception {
        PixelBudget budget = new PixelBudget(100, 2);
        PixelBudget.Lease first = budget.take(1);
        PixelBudget.Lease second = budget.take(1);

        CompletableFuture<PixelBudget.Lease> third = CompletableFuture.supplyAsync(() -> budget.take(1));
        assertThat(waitFor(third)).as("a third small picture waits for a slot, not for pixels").isFalse();

        second.close();
        third.get(10, TimeUnit.SECONDS).close();
        first.close();
        assertThat(budget.availableMegapixels()).isEqualTo(100);
    }

    @Test
    void aRequestThatGetsASlotButNoPixelsInTimeGivesTheSlotBack() {
        PixelBudget budget = new PixelBudget(10, 2);
        try (PixelBudget.Lease big = budget.take(8_000_000)) {
            assertThat(budget.tryTake(6_000_000, java.time.Duration.ofMillis(10))).isEmpty();
            PixelBudget.Lease small = budget.tryTake(1, java.time.Duration.ZERO)
                    .orElseThrow(() -> new AssertionError("the refused request kept its drawing slot"));
            assertThat(budget.availableMegapixels()).isEqualTo(1);
            small.close();
        }
        assertThat(budget.availableMegapixels()).isEqualTo(10);
    }

    @Test
    void theApplicationsBudgetIsAShareOfTheHeap() {
        assertThat((long) PixelBudget.HEAP.megapixels())
                .isEqualTo(Math.max(1, Runtime.getRuntime().maxMemory() / 16 / 1_000_000));
    }

    private static boolean waitFor(CompletableFuture<?> future) throws Exception {
        try {
            future.get(300, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillWaiting) {
            return false;
        }
    }
}
