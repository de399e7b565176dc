package dev.caisey.server.auth;

import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A real H2 database in a temporary folder, the stores of this package on it, and a clock tests can move. */
final class AuthFixture implements AutoCloseable {
    /** Cheap Argon2 costs, so tests that sign in often stay fast. */
    static final PasswordHasher CHEAP_HASHER = new PasswordHasher(64, 1, 1);

    /** A password long enough for the policy. */
    static final String PASSWORD = "correct horse battery staple";

    final Database database;
    final Organisations organisations;
    final SessionTokens tokens;
    final Accounts accounts;
    final Enrollment enrollment;
    final Endpoints endpoints;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T15:15:32Z"));

    AuthFixture(Path dir) {
        database = Database.open(dir);
        organisations = new Organisations(database);
        tokens = new SessionTokens(database);
        accounts = new Accounts(database, CHEAP_HASHER, tokens);
        enrollment = new Enrollment(database);
        endpoints = new Endpoints(database);
    }

    Instant now() {
        return clock.instant();
    }

    /** Creates the sample client organisation, Harbor Accounting. */
    Organisation harbor() {
        return organisations.create(
                new Organisation(
                        "harbor",
                        "Harbor Accounting LLP",
                        ZoneId.of("America/New_York"),
                        240,
                        ApprovalPolicy.RISKY,
                        true),
                now());
    }

    /** Every value of one column, as strings. */
    List<String> column(String table, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connection();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT " + column + " FROM " + table)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() {
        database.close();
    }

    /** A clock that stands still until a test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
