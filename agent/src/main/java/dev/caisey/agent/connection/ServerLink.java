package dev.caisey.agent.connection;

import dev.caisey.agent.exec.CommandRunner;
import dev.caisey.agent.identity.HostInfo;
import dev.caisey.agent.identity.Identity;
import dev.caisey.agent.journal.Journal;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.Sender;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * What the agent does with the frames of one connection. Every frame is decoded strictly as one the server may send;
 * anything else (not JSON, too large, an unknown type, one only consoles send) is logged and dropped, never acted on.
 * Until the server has accepted the agent's {@code agent.hello}, only the challenge and its answer are accepted:
 * a command that arrives earlier is refused. The protocol lets only the server send {@code error}, so the agent's
 * answer to a bad frame is its log line, and its answer to a command it will not run is {@code command.cancelled}
 * with the reason.
 */
final class ServerLink {
    static final String HELLO_ID = "hello";

    private static final System.Logger LOG = System.getLogger(ServerLink.class.getName());

    private final Identity identity;
    private final HostInfo host;
    private final Journal journal;
    private final CommandRunner runner;
    private final Clock clock;
    private final LinkWriter writer;
    private volatile boolean challenged;
    private volatile boolean signedIn;
    private volatile String identityRefusal;

    ServerLink(
            Identity identity,
            HostInfo host,
            Journal journal,
            CommandRunner runner,
            LinkSettings settings,
            Clock clock) {
        this.identity = identity;
        this.host = host;
        this.journal = journal;
        this.runner = runner;
        this.clock = clock;
        this.writer = new LinkWriter(journal, settings, clock);
    }

    LinkWriter writer() {
        return writer;
    }

    boolean signedIn() {
        return signedIn;
    }

    /** The server's words if it refused the agent's identity on this connection, else {@code null}. */
    String identityRefusal() {
        return identityRefusal;
    }

    /** Handles one text message from the server (on a Tyrus thread). */
    void received(String text) {
        Frame frame;
        try {
            frame = ProtocolCodec.decodeFrom(Sender.SERVER, text);
        } catch (RecordException e) {
            LOG.log(
                    Level.WARNING,
                    "refused a frame from the server ({0}): {1}",
                    e.code().wireName(),
                    e.getMessage());
            writer.control(Frame.of(ErrorReply.of(e)));
            return;
        }
        try {
            dispatch(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(Frame frame) throws InterruptedException {
        switch (frame.body()) {
            case AuthChallenge challenge -> answer(challenge);
            case Ok ok -> {
                if (HELLO_ID.equals(frame.re()) && challenged && !signedIn) {
                    signedIn = true;
                    LOG.log(Level.INFO, "signed in to {0} as agent {1}", identity.server(), identity.agentId());
                    writer.signedIn();
                }
            }
            case ErrorReply error -> refused(frame, error);
            case AgentAck ack -> {
                if (requireSignedIn(frame)) {
                    writer.acknowledged(ack.eventIds());
                }
            }
            case CommandRun run -> {
                if (requireSignedIn(frame)) {
                    runner.submit(run);
                }
            }
            case CommandCancel cancel -> {
                if (requireSignedIn(frame)) {
                    runner.cancel(cancel);
                }
            }
            case Ping ping -> writer.control(frame.reply(ping.pong()));
            case Pong pong -> writer.ponged();
            default -> {
                LOG.log(
                        Level.WARNING,
                        "the server sent ''{0}'', which an agent does not take; ignored",
                        frame.type().wireName());
                writer.control(frame.reply(new ErrorReply(
                        ErrorCode.FORBIDDEN,
                        "An agent does not take '" + frame.type().wireName() + "'.")));
            }
        }
    }

    private void answer(AuthChallenge challenge) {
        if (challenged) {
            LOG.log(Level.WARNING, "the server sent a second sign-in challenge on one connection; ignored");
            return;
        }
        challenged = true;
        AgentHello hello = AgentHello.sign(
                identity.privateKey(),
                identity.agentId(),
                challenge.nonceBytes(),
                host.hostname(),
                host.os(),
                host.agentVersion(),
                Micros.now(clock));
        writer.control(Frame.request(HELLO_ID, hello));
    }

    private boolean requireSignedIn(Frame frame) {
        if (!signedIn) {
            LOG.log(
                    Level.WARNING,
                    "refused ''{0}'' that arrived before the server accepted this agent; not acted on",
                    frame.type().wireName());
            writer.control(frame.reply(
                    new ErrorReply(ErrorCode.UNAUTHENTICATED, "This agent has not signed in yet; nothing was done.")));
        }
        return signedIn;
    }

    private void refused(Frame frame, ErrorReply error) {
        String re = frame.re();
        if (HELLO_ID.equals(re)) {
            if (error.code() == ErrorCode.UNAUTHENTICATED || error.code() == ErrorCode.FORBIDDEN) {
                identityRefusal = error.message();
            }
            LOG.log(
                    Level.WARNING,
                    "the server refused this agent''s sign-in ({0}): {1}",
                    error.code().wireName(),
                    error.message());
            writer.end("sign-in refused");
        } else if (re != null && writer.inFlight(re)) {
            if (error.code() == ErrorCode.INTERNAL || error.code() == ErrorCode.RATE_LIMITED) {
                LOG.log(
                        Level.WARNING,
                        "the server could not record event {0} now ({1}); reconnecting to send it again",
                        re,
                        error.code().wireName());
                writer.end("the server could not record an event");
            } else {
                LOG.log(
                        Level.WARNING,
                        "the server refused event {0} ({1}): {2}; it can never be recorded, so it is"
                                + " dropped from the journal",
                        re,
                        error.code().wireName(),
                        error.message());
                writer.acknowledged(java.util.List.of(re));
            }
        } else {
            LOG.log(
                    Level.WARNING,
                    "the server reported an error ({0}): {1}",
                    error.code().wireName(),
                    error.message());
        }
    }

    /** The connection closed (on a Tyrus thread). */
    void closed(String reason) {
        writer.end(reason);
    }
}
