package dev.caisey.console.config;

import dev.caisey.console.connection.ServerAddress;
import dev.caisey.record.protocol.AccountRole;

/**
 * A sign-in the console remembers between runs: which server, who, and the session token the server gave (never the
 * password). {@link #toString()} hides the token.
 *
 * @param server the server signed in to
 * @param user the account's user name
 * @param role what the account may do
 * @param token the session token, sent as {@code resume} after connecting
 * @param expiresAt when the server stops accepting the token, UTC microseconds
 */
public record SavedLogin(ServerAddress server, String user, AccountRole role, String token, long expiresAt) {
    @Override
    public String toString() {
        return "SavedLogin[server=" + server + ", user=" + user + ", role=" + role.wireName() + ", token=***]";
    }
}
