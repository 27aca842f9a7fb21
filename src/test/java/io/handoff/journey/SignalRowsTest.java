package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Refusal;

/** Reading customer-signal rows: every kind of bad row named by row and column; periods; duplicates. */
class SignalRowsTest {
    static final Journey JOURNEY = new Journey(JourneyId.of("parcel"), "Parcel", "someone", List.of(new Stage("S",
            List.of(JourneyDefinitionsTest.touchpoint("delivered", Weight.GAME_OVER),
                    JourneyDefinitionsTest.touchpoint("invoice", Weight.ROUTINE)))));
    static final String HEADER = "touchpoint,period,metric,value,sample_size,better\n";

    @Test
    void goodCsvRowsAreRead() {
        List<CustomerSignal> rows = SignalRows.csv(JOURNEY, new StringReader(HEADER
                + "delivered,2026-W14,on-time %,91.5,1400,higher\n"
                + "invoice,2026-04,complaints,3,1400,lower\n"
                + "delivered,2026-W14,on-time %,91.5,1400,higher\n"));

        assertThat(rows).containsExactly(
                new CustomerSignal(TouchpointId.of("delivered"), SignalPeriod.parse("2026-W14"), "on-time %", 91.5, 1400, Better.HIGHER),
                new CustomerSignal(TouchpointId.of("invoice"), SignalPeriod.parse("2026-04"), "complaints", 3, 1400, Better.LOWER));
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsRowAndColumn() {
        SignalRefusal refusal = catchThrowableOfType(SignalRefusal.class, () -> SignalRows.csv(JOURNEY, new StringReader(HEADER
                + "delivered,2026-W14,CSAT,4.1,180,higher\n"      // 1 good
                + "nowhere,2026-W14,CSAT,4.1,180,higher\n"        // 2 unknown touchpoint
                + "delivered,2026-W54,CSAT,4.1,180,higher\n"      // 3 no such week
                + "delivered,April,CSAT,4.1,180,higher\n"         // 4 not a period
                + "delivered,2026-W14,,4.1,180,higher\n"          // 5 metric missing
                + "delivered,2026-W15,CSAT,lots,180,higher\n"     // 6 value not a number
                + "delivered,2026-W15,NPS,40,0,higher\n"          // 7 sample size zero
                + "delivered,2026-W15,NPS,40,1.5,higher\n"        // 8 sample size fractional
                + "delivered,2026-W15,NPS,40,10,sideways\n"       // 9 bad direction
                + "delivered,2026-W14,CSAT,3.9,180,higher\n"      // 10 same slot, other figures
                + "delivered,2026-W16,CSAT,4.1\n"                 // 11 too few columns
                + "{demo},2026-W16,CSAT,4.1,10,higher\n"          // 12 id breaking the key tag
                + "delivered,2026-W16,CSAT,NaN,10,higher\n")));   // 13 NaN

        assertThat(refusal.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly(
                "2:touchpoint", "3:period", "4:period", "5:metric", "6:value", "7:sample_size", "8:sample_size",
                "9:better", "10:metric", "11:null", "12:touchpoint", "13:value");
        assertThat(refusal.problems().get(0).message()).isEqualTo("journey parcel has no touchpoint 'nowhere'");
        assertThat(refusal.problems().get(1).message()).contains("2026 has weeks 01 to 53");
        assertThat(refusal.problems().get(7).message()).isEqualTo("better must be higher or lower");
        assertThat(refusal.problems().get(8).message()).contains("row 1 already gives CSAT");
        assertThat(refusal.getMessage()).startsWith("nothing was imported: row 2, touchpoint:");
    }

    @Test
    void aMissingHeaderColumnOrNoRowsIsRefused() {
        assertThatThrownBy(() -> SignalRows.csv(JOURNEY, new StringReader("touchpoint,period,value\nx,2026-W01,1\n")))
                .isInstanceOf(SignalRefusal.class).hasMessageContaining("missing: metric, sample_size, better");
        assertThatThrownBy(() -> SignalRows.csv(JOURNEY, new StringReader(HEADER)))
                .isInstanceOf(SignalRefusal.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> SignalRows.csv(JOURNEY, new StringReader(HEADER + "\"delivered,2026-W01\n")))
                .isInstanceOf(Refusal.class).hasMessageContaining("malformed");
    }

    @Test
    void jsonRowsAreCheckedTheSameWay() {
        List<CustomerSignal> good = SignalRows.tree(JOURNEY, List.of(Map.of("touchpoint", "delivered",
                "period", "2026-W14", "metric", "CSAT", "value", 4.2, "sampleSize", 180, "better", "higher")));
        assertThat(good).hasSize(1);
        assertThat(good.get(0).value()).isEqualTo(4.2);

        SignalRefusal refusal = catchThrowableOfType(SignalRefusal.class, () -> SignalRows.tree(JOURNEY, Map.of("signals",
                List.of(Map.of("touchpoint", "delivered", "period", "2026-W14", "metric", "CSAT", "value", 4.2,
                        "sample_size", 180, "better", "higher"), "oops",
                        Map.of("touchpoint", "delivered", "period", "2026-W14", "metric", "NPS", "value", true,
                                "sample_size", 180, "better", "higher")))));
        assertThat(refusal.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly("2:null", "3:value");
        assertThatThrownBy(() -> SignalRows.tree(JOURNEY, Map.of("rows", List.of())))
                .isInstanceOf(SignalRefusal.class).hasMessageContaining("list of signals");
    }

    @Test
    void periodsAreIsoWeeksOrMonthsOnOneTimeLine() {
        SignalPeriod week = SignalPeriod.parse("2026-W14");
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(SignalPeriod.parse("2026-04").start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(SignalPeriod.weekOf(LocalDate.of(2027, 1, 1)).id()).isEqualTo("2026-W53");
        assertThat(SignalPeriod.parse("2026-W01").compareTo(week)).isNegative();
        assertThatThrownBy(() -> SignalPeriod.parse("2027-W53")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> SignalPeriod.parse("2026-13")).isInstanceOf(Refusal.class);
    }

    @Test
    void peopleReadSignalPeriodsAsDates() {
        SignalPeriod week = SignalPeriod.parse("2026-W14");
        assertThat(week.label()).isEqualTo("the week of 30 Mar");
        assertThat(week.id()).isEqualTo("2026-W14");
        assertThat(SignalPeriod.parse("2026-04").label()).isEqualTo("April 2026");
        assertThat(SignalPeriod.span(week, SignalPeriod.parse("2026-W16"))).isEqualTo("the weeks of 30 Mar to 13 Apr");
        assertThat(SignalPeriod.span(SignalPeriod.parse("2026-01"), SignalPeriod.parse("2026-03")))
                .isEqualTo("January to March 2026");
        assertThat(SignalPeriod.span(SignalPeriod.parse("2025-12"), SignalPeriod.parse("2026-02")))
                .isEqualTo("December 2025 to February 2026");
    }
}
