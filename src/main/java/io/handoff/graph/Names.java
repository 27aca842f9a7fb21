package io.handoff.graph;

/** How people are named in messages. */
public final class Names {
    private Names() {
    }

    /** The first word of the display name ("Ana" for "Ana Silva"). */
    public static String first(Person person) {
        String name = person.displayName().strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }

    /** "Ana's", or "James'" for a name ending in s. */
    public static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }
}
