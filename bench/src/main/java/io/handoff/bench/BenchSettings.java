package io.handoff.bench;

/**
 * What to run, from system properties ({@code -Dpeople=… -Dteams=… -Dedges=…}); the defaults are the organisation
 * the speed targets are set for.
 */
record BenchSettings(int people, int teams, int edges, long seed, int egoSamples, int depth3Samples,
                     int teamMapSamples, int pingSamples, boolean keepData, boolean busyPeople,
                     int busySamples) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("people", 50_000),
                Integer.getInteger("teams", 500),
                Integer.getInteger("edges", 250_000),
                Long.getLong("seed", 20_260_105L),
                Integer.getInteger("egoSamples", 2_000),
                Integer.getInteger("depth3Samples", 300),
                Integer.getInteger("teamMapSamples", 200),
                Integer.getInteger("pingSamples", 20_000),
                Boolean.getBoolean("keep"),
                Boolean.parseBoolean(System.getProperty("busy", "true")),
                // enough samples that a busy person's p99 is not decided by one or two scheduling hiccups (with 400 it was the
                // 4th-worst sample)
                Integer.getInteger("busySamples", 2_000));
    }

    int samplesFor(int depth) {
        return depth == 3 ? depth3Samples : egoSamples;
    }
}
