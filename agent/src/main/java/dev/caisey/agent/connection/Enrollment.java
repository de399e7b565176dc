package dev.caisey.agent.connection;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.identity.Fingerprint;
import dev.caisey.agent.identity.HostInfo;
import dev.caisey.agent.identity.Identity;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.Sender;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Enrolls the agent: on one pinned connection it takes the server's challenge, makes an Ed25519 key pair, registers the
 * public key with the enrollment token, stores the identity, and proves the new key once by signing the challenge.
 */
public final class Enrollment {
    /** How long each answer of the server may take. */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(15);

    private static final System.Logger LOG = System.getLogger(Enrollment.class.getName());
    private static final String ENROLL_ID = "enroll";

    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();

    private Enrollment() {}

    /**
     * Enrolls with {@code server}, trusting only the certificate {@code pinned}, and stores the identity in {@code
     * store}.
     *
     * @throws AgentException with {@link Failure#FINGERPRINT_MISMATCH} (nothing is stored), {@link
     *     Failure#ENROLLMENT_REFUSED} with the server's words, or {@link Failure#CONNECTION}
     */
    public static Identity enroll(
            URI server, String token, Fingerprint pinned, HostInfo host, IdentityStore store, Clock clock)
            throws InterruptedException {
        Enrollment enrollment = new Enrollment();
        Session session = new Dialer(pinned, ANSWER_WAIT).connect(enrollment.endpoint(), Identity.agentUri(server));
        try {
            AuthChallenge challenge = (AuthChallenge) enrollment.await(null).body();
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            send(
                    session,
                    Frame.request(
                            ENROLL_ID,
                            new AgentEnroll(
                                    token,
                                    Signatures.encode(key.getPublic()),
                                    host.hostname(),
                                    host.os(),
                                    host.agentVersion())));
            Message answer = enrollment.await(ENROLL_ID).body();
            if (answer instanceof ErrorReply refusal) {
                throw new AgentException(
                        Failure.ENROLLMENT_REFUSED, "The server refused the enrollment: " + refusal.message());
            }
            if (!(answer instanceof AgentEnrolled enrolled)) {
                throw new AgentException(
                        Failure.CONNECTION,
                        "The server answered the enrollment with '"
                                + answer.type().wireName() + "' instead of agent.enrolled; is this a Caisey server?");
            }
            Identity identity =
                    new Identity(enrolled.agentId(), enrolled.endpointId(), server, pinned, key.getPrivate());
            store.store(identity);
            send(
                    session,
                    Frame.request(
                            ServerLink.HELLO_ID,
                            AgentHello.sign(
                                    key.getPrivate(),
                                    identity.agentId(),
                                    challenge.nonceBytes(),
                                    host.hostname(),
                                    host.os(),
                                    host.agentVersion(),
                                    Micros.now(clock))));
            if (enrollment.await(ServerLink.HELLO_ID).body() instanceof ErrorReply refusal) {
                throw new AgentException(
                        Failure.IDENTITY_REFUSED, "The server did not accept the new identity: " + refusal.message());
            }
            return identity;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        } finally {
            try {
                session.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the enrollment connection failed: {0}", e.getMessage());
            }
        }
    }

    /** The next frame answering {@code re}, or the challenge when {@code re} is {@code null}. */
    private Frame await(String re) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (true) {
            Frame frame = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AgentException(
                        Failure.CONNECTION,
                        "The server did not answer within " + ANSWER_WAIT.toSeconds()
                                + " s; check the address and that the server is running.");
            }
            boolean challenge = re == null && frame.body() instanceof AuthChallenge;
            boolean reply = re != null && re.equals(frame.re());
            if (challenge || reply) {
                return frame;
            }
            LOG.log(Level.DEBUG, "ignored ''{0}'' while enrolling", frame.type().wireName());
        }
    }

    private static void send(Session session, Frame frame) {
        try {
            session.getBasicRemote().sendText(ProtocolCodec.encode(frame));
        } catch (IOException e) {
            throw new AgentException(Failure.CONNECTION, "The connection broke while enrolling: " + e.getMessage(), e);
        }
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.setMaxTextMessageBufferSize(Dialer.MAX_TEXT_MESSAGE_BYTES);
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    try {
                        inbox.add(ProtocolCodec.decodeFrom(Sender.SERVER, text));
                    } catch (RecordException e) {
                        LOG.log(
                                Level.WARNING,
                                "refused a frame from the server ({0}): {1}",
                                e.code().wireName(),
                                e.getMessage());
                    }
                });
            }
        };
    }
}
