package dev.caisey.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where {@link H2EventStore} gets its connections: the server's {@code Database} in production, a pool on an
 * instrumented file system in the durability test. Every connection must reach the same embedded H2 database.
 */
@FunctionalInterface
interface ConnectionSource {
    /** A connection the caller closes. */
    Connection connection() throws SQLException;
}
