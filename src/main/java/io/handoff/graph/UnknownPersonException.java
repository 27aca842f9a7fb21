package io.handoff.graph;

/** A person id that is not in the tenant's graph. */
public class UnknownPersonException extends GraphException {
    private final PersonId person;

    public UnknownPersonException(PersonId person) {
        super("no person '" + person + "' in this organisation");
        this.person = person;
    }

    public PersonId person() {
        return person;
    }
}
