package io.handoff.survey;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import io.handoff.graph.EdgeCodec;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;

/**
 * A handoff as one version of it, carried in a button value or form state ({@code up>down>version}): the version
 * is a fingerprint of the stored edge, so an answer to a question that changed meanwhile is recognised. Parsed
 * values are never trusted: ids are checked for the safe alphabet here, and callers check the graph.
 */
record EdgeRef(PersonId upstream, PersonId downstream, String version) {

    static EdgeRef of(Handoff edge) {
        return new EdgeRef(edge.upstream(), edge.downstream(), fingerprint(edge));
    }

    static Optional<EdgeRef> parse(String value) {
        String[] parts = value == null ? new String[0] : value.split(">", -1);
        if (parts.length != 3 || !Identifier.isValid(parts[0]) || !Identifier.isValid(parts[1])
                || parts[0].equals(parts[1]) || !parts[2].matches("[0-9a-f]{1,8}")) {
            return Optional.empty();
        }
        return Optional.of(new EdgeRef(PersonId.of(parts[0]), PersonId.of(parts[1]), parts[2]));
    }

    String encode() {
        return upstream.value() + ">" + downstream.value() + ">" + version;
    }

    boolean isVersionOf(Handoff edge) {
        return edge.upstream().equals(upstream) && edge.downstream().equals(downstream)
                && fingerprint(edge).equals(version);
    }

    static String fingerprint(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
