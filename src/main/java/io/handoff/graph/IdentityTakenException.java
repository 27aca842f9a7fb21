package io.handoff.graph;

/** A Slack or Teams account that already belongs to another person of the tenant. */
class IdentityTakenException extends GraphException {
    public IdentityTakenException(Platform platform, String owner) {
        super("this " + platform.code() + " account already belongs to person '" + owner + "'");
    }
}
