package dev.caisey.e2e;

import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the technician does in these tests, in one place: today through the test wire client, later through the
 * console's client core without touching the tests. One instance is one signed-in console working on one session.
 */
final class Technician implements AutoCloseable {
    private final ServerFixture fixture;
    private final WireClient console;
    private String session;

    private Technician(ServerFixture fixture, WireClient console) {
        this.fixture = fixture;
        this.console = console;
    }

    /** Signs in as {@code user}. */
    static Technician signIn(ServerFixture fixture, String user) throws Exception {
        return new Technician(fixture, fixture.console(user));
    }

    /** Opens a session on an endpoint; returns its id. */
    String open(String endpointId) throws Exception {
        session = console.ask(new SessionOpen(endpointId, "HD-4471", null), SessionCreated.class)
                .session();
        return session;
    }

    /** The session being worked on. */
    String session() {
        return session;
    }

    /** Invites the client: the code and link to give them. */
    ClientInvited invite() throws Exception {
        return console.ask(new ClientInvite(session), ClientInvited.class);
    }

    /** Writes in the chat. */
    void chat(String text) throws Exception {
        console.ask(new ChatSend(session, text), Ok.class);
    }

    /** Asks for a command to be run on the endpoint; {@code approval} holds it for the client even if policy does not. */
    void run(String commandId, String script, boolean approval) throws Exception {
        console.ask(new CommandRequest(session, commandId, Shell.SH, script, null, 60, null, approval), Ok.class);
    }

    /** Asks the client a yes-or-no question that stays open for {@code seconds}. */
    void ask(String approvalId, String prompt, long seconds) throws Exception {
        console.ask(new ApprovalRequest(session, approvalId, null, prompt, null, seconds), Ok.class);
    }

    /** Records that a command's result shows the problem is fixed. */
    void verified(String commandId, String statement) throws Exception {
        console.ask(new VerificationMark(session, commandId, Verdict.PASSED, statement), Ok.class);
    }

    /** Closes the session as resolved. */
    void close(String resolution) throws Exception {
        console.ask(new SessionClose(session, resolution, Outcome.RESOLVED), Ok.class);
    }

    /** A share link to the (closed) session. */
    ShareCreated share(long seconds) throws Exception {
        return console.ask(new ShareCreate(session, seconds), ShareCreated.class);
    }

    /** Withdraws a share link. */
    void revoke(ShareCreated share) throws Exception {
        console.ask(new ShareRevoke(share.id()), Ok.class);
    }

    /** The session's record as the server holds it now, read on a fresh connection from the first event. */
    List<RecordedEvent> record() throws Exception {
        long last = fixture.server().context().sessions().state(session).lastSeq();
        try (WireClient reader = fixture.console("dana")) {
            reader.ask(new SessionSubscribe(session, 0), Ok.class);
            List<RecordedEvent> events = new ArrayList<>();
            while (events.isEmpty() || events.getLast().seq() < last) {
                events.add(reader.awaitBody(EventPush.class).event());
            }
            return events;
        }
    }

    @Override
    public void close() throws java.io.IOException {
        console.close();
    }
}
