package dev.caisey.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.server.it.ServerFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the browser tests stand on: a real server for the support company "Northwind IT Services" with its sample
 * organisation and accounts, and a real agent process enrolled in that organisation. The browser trusts exactly
 * this server's certificate.
 */
final class Stage implements AutoCloseable {
    /** The support company's name, as the server is configured with it. */
    static final String COMPANY = "Northwind IT Services";

    /** How long a client has to answer an approval request on this stage. */
    static final Duration APPROVAL_WAIT = Duration.ofSeconds(12);

    final ServerFixture fixture;
    final AgentProcess agent;

    private Stage(ServerFixture fixture, AgentProcess agent) {
        this.fixture = fixture;
        this.agent = agent;
    }

    /** Starts the server and, if {@code withAgent}, an agent process; skips the tests when there is no browser. */
    static Stage start(Path dir, boolean withAgent) throws Exception {
        assumeTrue(Browser.installed(), "Chromium and chromedriver are not installed in /usr/bin");
        ServerFixture fixture = ServerFixture.start(dir.resolve("server"), APPROVAL_WAIT, Clock.systemUTC(), COMPANY);
        try {
            return new Stage(fixture, withAgent ? AgentProcess.start(fixture, ServerFixture.HARBOR, dir) : null);
        } catch (Exception | AssertionError e) {
            fixture.close();
            throw e;
        }
    }

    /** The server's address for the browser. */
    String base() {
        return "https://127.0.0.1:" + fixture.server().port();
    }

    /** A new browser trusting this server. */
    Browser browser() throws java.io.IOException {
        return Browser.start(fixture.server().tls().certificate());
    }

    /** A browser in which the client has typed the invitation's code (as read over the phone) and joined. */
    Browser joined(ClientInvited invited, String name) throws java.io.IOException {
        Browser browser = browser();
        try {
            browser.open(base() + "/join");
            String code = invited.code();
            browser.find("#code").sendKeys(code.substring(0, 4).toLowerCase(Locale.ROOT) + " " + code.substring(4));
            browser.find("#name").sendKeys(name);
            browser.submit("form button[type=submit]");
            browser.awaitText("#status", "Connected");
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** The events of a record that match. */
    static List<RecordedEvent> matching(List<RecordedEvent> record, Predicate<RecordedEvent> match) {
        return record.stream().filter(match).toList();
    }

    @Override
    public void close() {
        try {
            if (agent != null) {
                agent.close();
            }
        } finally {
            fixture.close();
        }
    }
}
