package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code client.join}: the client's page joins the session its code opens; the server records {@code
 * participant.joined} and answers with {@link ClientJoined}, or {@code unauthenticated} for an unknown or expired
 * code.
 *
 * @param code the join code (never shown by {@link #toString()})
 * @param name how the client wants to be shown in the record ("Maria Lopez")
 */
public record ClientJoin(String code, String name) implements Message {
    /** Validates every member. */
    public ClientJoin {
        Require.id(code, "code");
        Require.text(name, "name", Limits.MAX_SHORT_TEXT_CHARS);
    }

    /** The name, without the code. */
    @Override
    public String toString() {
        return "ClientJoin[code=" + Checks.REDACTED + ", name=" + name + "]";
    }
}
