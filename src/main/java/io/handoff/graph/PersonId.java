package io.handoff.graph;

/** Identifier of a person; restricted to the safe alphabet of {@link Identifier}. */
public record PersonId(String value) implements Comparable<PersonId> {
    public PersonId {
        Identifier.require("person", value);
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
