package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.server.ws.WebSockets;
import java.util.ArrayList;
import java.util.List;

/** The steps the integration tests share: opening sessions, joining clients, and checking refusals. */
final class Steps {
    private Steps() {}

    /** Opens a session on the agent's endpoint as the signed-in technician; returns its id. */
    static String openSession(WireClient technician, ServerFixture.Agent agent) throws Exception {
        return technician
                .ask(new SessionOpen(agent.endpointId(), "HD-4471", null), SessionCreated.class)
                .session();
    }

    /** A client page joined to {@code session} through an invitation by the technician. */
    static WireClient joinedPage(ServerFixture fixture, WireClient technician, String session) throws Exception {
        ClientInvited invited = technician.ask(new ClientInvite(session), ClientInvited.class);
        WireClient page = fixture.connect(WebSockets.CLIENT_PATH);
        page.ask(new ClientJoin(invited.code(), "Maria Lopez"), ClientJoined.class);
        return page;
    }

    /** A command request; {@code script} decides whether the policy holds it for approval. */
    static CommandRequest command(String session, String commandId, String script, String summary) {
        return new CommandRequest(session, commandId, Shell.POWERSHELL, script, null, 120, summary, false);
    }

    /** Asks for a command and expects it accepted. */
    static void request(WireClient technician, String session, String commandId, String script) throws Exception {
        technician.ask(command(session, commandId, script, null), Ok.class);
    }

    /**
     * Checks that {@code reply} is an {@code error} with {@code code} and a message in plain words, and returns it.
     */
    static ErrorReply refused(Frame reply, ErrorCode code) {
        assertThat(reply.body()).as("the answer to a bad request").isInstanceOf(ErrorReply.class);
        ErrorReply error = (ErrorReply) reply.body();
        assertThat(error.code()).as("error code of '%s'", error.message()).isEqualTo(code);
        assertPlainWords(error.message());
        return error;
    }

    /** A message a person can read: words, no stack trace, no class names, no parser internals. */
    static void assertPlainWords(String message) {
        assertThat(message)
                .isNotBlank()
                .hasSizeLessThan(1_000)
                .doesNotContain("Exception", "\tat ", "dev.caisey", "java.", "jakarta.", "[Source", "Feature.")
                .doesNotContain("\n");
    }

    /** Waits for the next {@code error} frame that answers nothing identifiable (an unreadable frame). */
    static Frame nextUnanswerableError(WireClient client) throws InterruptedException {
        return client.await(f -> f.body() instanceof ErrorReply && f.re() == null);
    }

    /**
     * Round-trips a ping: everything the server queued for this connection before it read the ping has arrived once
     * the pong is back.
     */
    static void roundTrip(WireClient client) throws Exception {
        client.ask(new Ping(1), Pong.class);
    }

    /** The events received so far (after a {@link #roundTrip}), in arrival order. */
    static List<RecordedEvent> receivedEvents(WireClient client) {
        List<RecordedEvent> events = new ArrayList<>();
        for (Frame frame : client.drain()) {
            if (frame.body() instanceof EventPush push) {
                events.add(push.event());
            }
        }
        return events;
    }

    /** Waits for events until one with {@code seq} arrives; returns them all, in arrival order. */
    static List<RecordedEvent> eventsUntil(WireClient client, long seq) throws InterruptedException {
        List<RecordedEvent> events = new ArrayList<>();
        while (events.isEmpty() || events.getLast().seq() < seq) {
            events.add(client.awaitBody(EventPush.class).event());
        }
        return events;
    }

    /** Signs an enrolled agent in on a new connection: a new challenge, answered with its key. */
    static ServerFixture.Agent reconnect(ServerFixture fixture, ServerFixture.Agent agent, String hostname)
            throws Exception {
        WireClient wire = fixture.connect(WebSockets.AGENT_PATH);
        AuthChallenge challenge = wire.awaitBody(AuthChallenge.class);
        wire.ask(hello(agent, challenge, hostname), Ok.class);
        return new ServerFixture.Agent(wire, agent.key(), agent.agentId(), agent.endpointId());
    }

    /** The agent's genuine answer to a challenge. */
    static AgentHello hello(ServerFixture.Agent agent, AuthChallenge challenge, String hostname) {
        return AgentHello.sign(
                agent.key().getPrivate(),
                agent.agentId(),
                challenge.nonceBytes(),
                hostname,
                "Windows 11 Pro",
                "0.1.0",
                System.currentTimeMillis() * 1000);
    }

    /** The public key of an agent, as enrollment sends it. */
    static String publicKey(java.security.KeyPair key) {
        return Signatures.encode(key.getPublic());
    }
}
