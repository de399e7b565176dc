package dev.caisey.e2e;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.server.it.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Everything the technician does in these tests, in one place, through the console's real client core: a pinned TLS
 * connection, a password sign-in, the same calls the desktop console and the {@code caisey} command line make. One
 * instance is one signed-in console working on one session.
 */
final class Technician implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final ServerFixture fixture;
    private final ConsoleClient console;
    private final Path home;
    private String session;

    private Technician(ServerFixture fixture, ConsoleClient console, Path home) {
        this.fixture = fixture;
        this.console = console;
        this.home = home;
    }

    /** Signs in as {@code user}, trusting exactly the fixture server's certificate. */
    static Technician signIn(ServerFixture fixture, String user) throws Exception {
        Path home = Files.createTempDirectory("caisey-e2e-console-");
        ServerAddress address = new ServerAddress("127.0.0.1", fixture.server().port());
        ConsoleClient console = new ConsoleClient(
                address,
                Fingerprint.parse(fixture.server().fingerprint()),
                new ConsoleHome(home).knownServers(),
                ConnectionSettings.standard());
        try {
            await(console.login(user, ServerFixture.PASSWORD));
        } catch (Exception e) {
            console.close();
            throw e;
        }
        return new Technician(fixture, console, home);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens a session on an endpoint; returns its id. */
    String open(String endpointId) throws Exception {
        session = await(console.openSession(endpointId, "HD-4471", null));
        return session;
    }

    /** The session being worked on. */
    String session() {
        return session;
    }

    /** Invites the client: the code and link to give them. */
    ClientInvited invite() throws Exception {
        return await(console.invite(session));
    }

    /** Writes in the chat. */
    void chat(String text) throws Exception {
        await(console.chat(session, text));
    }

    /** Asks for a command to be run on the endpoint; {@code approval} holds it for the client even if policy does not. */
    void run(String commandId, String script, boolean approval) throws Exception {
        await(console.runCommand(new CommandRequest(session, commandId, Shell.SH, script, null, 60, null, approval)));
    }

    /** Asks the client a yes-or-no question that stays open for {@code seconds}. */
    void ask(String approvalId, String prompt, long seconds) throws Exception {
        await(console.askApproval(new ApprovalRequest(session, approvalId, null, prompt, null, seconds)));
    }

    /** Records that a command's result shows the problem is fixed. */
    void verified(String commandId, String statement) throws Exception {
        await(console.verify(session, commandId, Verdict.PASSED, statement));
    }

    /** Closes the session as resolved. */
    void close(String resolution) throws Exception {
        await(console.close(session, resolution, Outcome.RESOLVED));
    }

    /** A share link to the (closed) session. */
    ShareCreated share(long seconds) throws Exception {
        return await(console.share(session, Duration.ofSeconds(seconds)));
    }

    /** Withdraws a share link. */
    void revoke(ShareCreated share) throws Exception {
        await(console.unshare(share.id()));
    }

    /** The session's record as the server holds it now, followed from the first event and chain-checked. */
    List<RecordedEvent> record() throws Exception {
        long last = fixture.server().context().sessions().state(session).lastSeq();
        CompletableFuture<List<RecordedEvent>> all = new CompletableFuture<>();
        SessionFeed feed = console.follow(session, new SessionListener() {
            @Override
            public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                if (snapshot.lastSeq() >= last) {
                    all.complete(snapshot.events());
                }
            }

            @Override
            public void problem(dev.caisey.console.ConsoleException problem) {
                all.completeExceptionally(problem);
            }
        });
        try {
            return await(all);
        } finally {
            feed.close();
        }
    }

    @Override
    public void close() throws java.io.IOException {
        console.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
