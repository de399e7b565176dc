package dev.caisey.server.ws;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.sessions.Participant;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * An agent's connection: the server challenges first; the agent enrolls (once, with a token) and proves its key by
 * signing the challenge; only then may it report on the commands it was given. Each report is acknowledged after it
 * is durable, so the agent can drop it from its journal.
 */
final class AgentChannel implements Channel {
    private static final System.Logger LOG = System.getLogger(AgentChannel.class.getName());

    private final Connection connection;
    private final ServerContext context;
    private AuthChallenge challenge;
    private Endpoint endpoint;

    AgentChannel(Connection connection, ServerContext context) {
        this.connection = connection;
        this.context = context;
    }

    @Override
    public void opened() {
        challenge = context.agentAuthenticator().challenge();
        connection.send(Frame.of(challenge));
    }

    @Override
    public void handle(Frame frame) {
        switch (frame.body()) {
            case AgentEnroll enroll -> {
                Endpoint enrolled =
                        context.enrollment().enroll(enroll, context.clock().instant());
                connection.send(frame.reply(new AgentEnrolled(enrolled.agentId(), enrolled.id())));
            }
            case AgentHello hello -> signIn(frame, hello);
            case AgentReport report -> {
                Endpoint agent = requireSignedIn();
                MessageEndpoint.replyWhenDone(
                        connection,
                        frame,
                        context.commands().report(new Participant.Agent(agent), report),
                        appended -> new AgentAck(List.of(report.eventId())));
            }
            case Ping ping -> connection.send(frame.reply(new Pong(ping.at())));
            case Pong pong -> {}
            case ErrorReply refusal ->
                LOG.log(
                        Level.WARNING,
                        "agent {0} refused a frame ({1}): {2}",
                        endpoint == null ? "(not signed in)" : endpoint.agentId(),
                        refusal.code().wireName(),
                        refusal.message());
            default -> throw new ServerException(ErrorCode.FORBIDDEN, "An agent may not send this.");
        }
    }

    private void signIn(Frame frame, AgentHello hello) {
        if (endpoint != null) {
            throw new ServerException(ErrorCode.CONFLICT, "This connection is already signed in.");
        }
        Endpoint verified = context.agentAuthenticator().verify(hello.agentId(), challenge.nonceBytes(), hello);
        context.endpoints()
                .recordSeen(
                        verified.agentId(),
                        hello.hostname(),
                        hello.os(),
                        hello.agentVersion(),
                        context.clock().instant());
        endpoint = context.endpoints().findByAgent(verified.agentId()).orElse(verified);
        context.agentLinks().connected(endpoint.id(), connection);
        connection.send(frame.reply(new Ok()));
        context.agentArrived(endpoint);
    }

    private Endpoint requireSignedIn() {
        if (endpoint == null) {
            throw new ServerException(
                    ErrorCode.UNAUTHENTICATED, "Sign in first: answer the challenge with agent.hello.");
        }
        return endpoint;
    }

    @Override
    public void closed(String reason) {
        if (endpoint != null && context.agentLinks().disconnected(endpoint.id(), connection)) {
            context.agentLeft(endpoint, reason);
        }
    }
}
