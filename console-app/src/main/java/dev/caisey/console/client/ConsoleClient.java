package dev.caisey.console.client;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.connection.Registration;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.connection.ServerConnection;
import dev.caisey.console.endpoints.EndpointDirectory;
import dev.caisey.console.http.HttpDownloads;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionFeeds;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.ServerTrust;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.AccessList;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.ReportSend;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionsList;
import dev.caisey.record.protocol.SessionsPage;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.record.sync.SyncPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client core the desktop console and the {@code caisey} command line both stand on: one pinned, self-mending
 * connection to a server, the endpoints with live presence, followed sessions, and every act a technician can do in a
 * session. Every method returns at once; work that needs the server returns a future that completes on the
 * connection's event thread (never {@code join()} there), and a refusal arrives as a {@link ConsoleException} with the
 * server's error code and words.
 *
 * <p>One client is one sign-in: after {@link #login} or {@link #resume} it keeps its connection up (reconnecting with
 * backoff and resuming every followed session by {@code seq}) until {@link #close()} or a failure retrying cannot mend
 * ({@link ConnectionState.Offline}); to sign in again after that, make a new client.
 */
public final class ConsoleClient implements AutoCloseable {
    /** How long a command may run unless the technician says otherwise. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(10);

    /** How long the client has to answer an approval the technician asks for. */
    public static final Duration DEFAULT_APPROVAL_WAIT = Duration.ofMinutes(10);

    private final ServerConnection connection;
    private final EndpointDirectory endpoints;
    private final SessionFeeds feeds;
    private final HttpDownloads downloads;
    private final ServerAddress server;
    private volatile String token;

    /**
     * A client of {@code server} trusting only {@code pinned} (see {@link ServerTrust#establish}); a different
     * certificate is refused with both fingerprints, naming {@code known} as the file to edit.
     */
    public ConsoleClient(ServerAddress server, Fingerprint pinned, KnownServers known, ConnectionSettings settings) {
        this.connection = new ServerConnection(
                server,
                pinned,
                settings,
                (trusted, presented) -> ServerTrust.changed(server, trusted, presented, known),
                Clock.systemUTC());
        this.endpoints = new EndpointDirectory(connection);
        this.feeds = new SessionFeeds(connection);
        this.downloads = new HttpDownloads(server, pinned, settings.requestTimeout());
        this.server = server;
        connection.onSignedIn(ok -> token = ok.token());
    }

    /** The server this client talks to. */
    public ServerAddress server() {
        return server;
    }

    /** HTTPS downloads from the same server over the same pinned certificate ({@code /health}, shared records). */
    public HttpDownloads downloads() {
        return downloads;
    }

    /**
     * A session's signed record ({@code caisey-record/1} JSON, byte for byte as the server exports it), for a user who
     * may read the session; fails with {@link ConsoleException} before a sign-in or when refused.
     */
    public CompletableFuture<byte[]> exportRecord(String session) {
        return export(session, "record.json");
    }

    /** A session's PDF report, rendered and signed by the server, for a user who may read the session. */
    public CompletableFuture<byte[]> exportReport(String session) {
        return export(session, "report.pdf");
    }

    /**
     * The next page of a session's record after event {@code after} (at most {@code limit} events), for the mirror;
     * shape-checked only.
     */
    public CompletableFuture<SyncPage> syncPage(String session, long after, int limit) {
        return export(session, "events?after=" + after + "&limit=" + limit).thenApply(bytes -> {
            try {
                return SyncPage.read(bytes);
            } catch (RecordException e) {
                throw new ConsoleException(
                        ConsoleException.Failure.BROKEN_RECORD,
                        "The server sent a page of " + session + " that cannot be read: " + e.getMessage(),
                        e);
            }
        });
    }

    private CompletableFuture<byte[]> export(String session, String file) {
        String bearer = token;
        if (bearer == null) {
            return CompletableFuture.failedFuture(
                    new ConsoleException(ConsoleException.Failure.NOT_SIGNED_IN, "Sign in before exporting."));
        }
        String path = "/api/sessions/" + URLEncoder.encode(session, StandardCharsets.UTF_8) + "/" + file;
        return downloads.get(server.https(path), bearer);
    }

    /** Connects and signs in with a password; the future fails with why if the first attempt fails. */
    public CompletableFuture<LoginOk> login(String user, String password) {
        return connection.login(user, password);
    }

    /** Connects and signs in with the token of an earlier sign-in. */
    public CompletableFuture<LoginOk> resume(String token) {
        return connection.resume(token);
    }

    /** Adds a listener of connection states (told the current one first). */
    public Registration onState(Consumer<ConnectionState> listener) {
        return connection.onState(listener);
    }

    /** Adds a listener told of every sign-in with its fresh token (to remember it). */
    public Registration onSignedIn(Consumer<LoginOk> listener) {
        return connection.onSignedIn(listener);
    }

    /** The connection's state now; never blocks. */
    public ConnectionState state() {
        return connection.state();
    }

    /** The endpoints with live presence. */
    public EndpointDirectory endpoints() {
        return endpoints;
    }

    /** Every session the user may see, all pages. */
    public CompletableFuture<List<SessionInfo>> sessions() {
        return sessionsAfter(null, new ArrayList<>());
    }

    private CompletableFuture<List<SessionInfo>> sessionsAfter(String after, List<SessionInfo> so) {
        return ask(new SessionsList(after), SessionsPage.class).thenCompose(page -> {
            so.addAll(page.sessions());
            if (page.more() && !page.sessions().isEmpty()) {
                return sessionsAfter(page.sessions().getLast().session(), so);
            }
            return CompletableFuture.completedFuture(List.copyOf(so));
        });
    }

    /** Opens a session on an online endpoint; completes with its id once {@code session.opened} is durable. */
    public CompletableFuture<String> openSession(String endpointId, String ticket, Instant reportedAt) {
        Long reported = reportedAt == null ? null : Micros.of(reportedAt);
        return ask(new SessionOpen(endpointId, ticket, reported), SessionCreated.class)
                .thenApply(SessionCreated::session);
    }

    /** Follows a session from its first event; see {@link SessionFeeds#follow}. */
    public SessionFeed follow(String session, SessionListener listener) {
        return feeds.follow(session, listener);
    }

    /** A fresh command id, unique in any session. */
    public static String newCommandId() {
        return "c-" + UUID.randomUUID();
    }

    /**
     * Asks for a command; completes once {@code command.requested} is durable (the command may then wait for
     * approval). Watch the session's {@link dev.caisey.console.session.CommandView} to see it run.
     */
    public CompletableFuture<Void> runCommand(CommandRequest request) {
        return done(request);
    }

    /** Asks for a command with the usual limits; {@code askApproval} asks the client even if the policy does not. */
    public CompletableFuture<Void> runCommand(
            String session, String commandId, Shell shell, String script, String summary, boolean askApproval) {
        return runCommand(new CommandRequest(
                session, commandId, shell, script, null, DEFAULT_COMMAND_TIMEOUT.toSeconds(), summary, askApproval));
    }

    /** Stops a command. */
    public CompletableFuture<Void> cancel(String session, String commandId) {
        return done(new CommandCancel(session, commandId));
    }

    /** Asks the client to approve something, with the request's own id and how long it stays open. */
    public CompletableFuture<Void> askApproval(ApprovalRequest request) {
        return done(request);
    }

    /** Asks the client to approve something in plain words, for a command ({@code commandId}) or nothing in particular. */
    public CompletableFuture<Void> askApproval(String session, String commandId, String prompt, String detail) {
        return done(new ApprovalRequest(
                session, "a-" + UUID.randomUUID(), commandId, prompt, detail, DEFAULT_APPROVAL_WAIT.toSeconds()));
    }

    /** Writes in the session's chat. */
    public CompletableFuture<Void> chat(String session, String text) {
        return done(new ChatSend(session, text));
    }

    /** Adds a note to the record. */
    public CompletableFuture<Void> note(String session, String text) {
        return done(new NoteAdd(session, text));
    }

    /** Records a verification step, linked to a command or ({@code commandId} null) done by hand. */
    public CompletableFuture<Void> verify(String session, String commandId, Verdict verdict, String statement) {
        return done(new VerificationMark(session, commandId, verdict, statement));
    }

    /** A join link and code for the client. */
    public CompletableFuture<ClientInvited> invite(String session) {
        return ask(new ClientInvite(session), ClientInvited.class);
    }

    /** Closes the session with a resolution and outcome. */
    public CompletableFuture<Void> close(String session, String resolution, Outcome outcome) {
        return done(new SessionClose(session, resolution, outcome));
    }

    /** A read-only share link to a closed session's record. */
    public CompletableFuture<ShareCreated> share(String session, Duration validFor) {
        return ask(new ShareCreate(session, validFor.toSeconds()), ShareCreated.class);
    }

    /** Stops a share link from working. */
    public CompletableFuture<Void> unshare(String shareId) {
        return done(new ShareRevoke(shareId));
    }

    /** Asks the server to e-mail a closed session's report to its organisation; completes with the first status. */
    public CompletableFuture<ReportSendStatus> sendReport(String session) {
        return ask(new ReportSend(session), ReportSendStatus.class);
    }

    /**
     * Adds a listener told every later {@code report.status} the server pushes (retries, sent, failed) for this
     * user's sends, on the connection's event thread.
     */
    public Registration onReportStatus(Consumer<ReportSendStatus> listener) {
        return connection.onPush(frame -> {
            if (frame.body() instanceof ReportSendStatus status) {
                listener.accept(status);
            }
        });
    }

    /** Who exported, e-mailed, shared or viewed a session's record, oldest first. */
    public CompletableFuture<AccessEntries> accessLog(String session) {
        return ask(new AccessList(session), AccessEntries.class);
    }

    private CompletableFuture<Void> done(Message request) {
        return connection.request(request).thenApply(answer -> null);
    }

    private <T extends Message> CompletableFuture<T> ask(Message request, Class<T> answer) {
        return connection.request(request).thenApply(answer::cast);
    }

    /** Closes the connection; listeners are told it is offline. */
    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            downloads.close();
        }
    }
}
