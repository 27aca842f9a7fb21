package io.handoff.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The speed and size targets, each judged PASS or FAIL with the figures it was judged on. */
final class Verdicts {
    private record Verdict(String target, boolean pass, String measured) {
    }

    private final List<Verdict> verdicts = new ArrayList<>();

    void judge(String target, boolean pass, String measured) {
        verdicts.add(new Verdict(target, pass, measured));
    }

    void print(PrintStream out) {
        out.println();
        out.println("== Verdicts ==");
        for (Verdict v : verdicts) {
            out.printf("%-4s  %-52s %s%n", v.pass() ? "PASS" : "FAIL", v.target(), v.measured());
        }
        long failed = verdicts.stream().filter(v -> !v.pass()).count();
        out.println(failed == 0 ? "All targets met." : failed + " of " + verdicts.size() + " targets missed.");
    }
}
