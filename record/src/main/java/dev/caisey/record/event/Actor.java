package dev.caisey.record.event;

import dev.caisey.record.Limits;

/**
 * Who caused an event: a role and a stable identity within the server, with the name a person knows them by.
 *
 * @param role the kind of participant
 * @param id the account, agent or client id (for the server itself, {@code "server"})
 * @param name a display name ("Dana Whitfield", "PRN-ACCT-01")
 */
public record Actor(Role role, String id, String name) {
    /** The server as an actor. */
    public static final Actor SERVER = new Actor(Role.SERVER, "server", "Caisey server");

    /** Validates every member. */
    public Actor {
        Require.present(role, "actor.role");
        Require.id(id, "actor.id");
        Require.text(name, "actor.name", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
