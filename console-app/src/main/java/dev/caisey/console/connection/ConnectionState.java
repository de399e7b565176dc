package dev.caisey.console.connection;

import dev.caisey.record.protocol.AccountRole;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the console's connection stands, as a person should be told: connecting, connected (and as whom),
 * reconnecting (which attempt, when the next try is) or offline (and why). Each state is an immutable value; listeners
 * receive a new one at every change, off the caller's thread.
 */
public sealed interface ConnectionState {
    /** The server this is about. */
    ServerAddress server();

    /** One sentence for a status bar or a banner. */
    String describe();

    /**
     * The first connection is being made.
     *
     * @param server the server
     */
    record Connecting(ServerAddress server) implements ConnectionState {
        @Override
        public String describe() {
            return "Connecting to " + server.key() + "…";
        }
    }

    /**
     * Connected and signed in.
     *
     * @param server the server
     * @param user the account's user name
     * @param role what the account may do
     * @param since when this connection signed in
     */
    record Connected(ServerAddress server, String user, AccountRole role, Instant since) implements ConnectionState {
        @Override
        public String describe() {
            return "Connected to " + server.key() + " as " + user + " (" + role.wireName() + ")";
        }
    }

    /**
     * The connection broke; the console is waiting to try again.
     *
     * @param server the server
     * @param attempt the number of the next attempt since the connection broke, from 1
     * @param nextTryAt when the next attempt starts
     * @param nextTryIn how long until then, from when this state was made
     * @param reason why the last connection ended or the last attempt failed
     */
    record Reconnecting(ServerAddress server, int attempt, Instant nextTryAt, Duration nextTryIn, String reason)
            implements ConnectionState {
        @Override
        public String describe() {
            long seconds = (nextTryIn.toMillis() + 999) / 1000;
            return "Connection lost (" + reason + "); reconnecting, attempt " + attempt + " in " + seconds + " s";
        }
    }

    /**
     * Not connected and not trying: closed by the user, or a failure that retrying cannot mend.
     *
     * @param server the server
     * @param reason why, in words
     * @param problem the failure, or {@code null} when the user closed the connection
     */
    record Offline(ServerAddress server, String reason, dev.caisey.console.ConsoleException problem)
            implements ConnectionState {
        @Override
        public String describe() {
            return "Offline: " + reason;
        }
    }
}
