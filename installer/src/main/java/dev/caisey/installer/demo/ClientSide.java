package dev.caisey.installer.demo;

import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.PinnedTrust;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.MessageType;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * The person at the endpoint, played by the demo: joins a session with the code the technician's invitation gives,
 * chats and answers approval requests, over the same WebSocket path and messages the client's browser page uses.
 */
final class ClientSide implements AutoCloseable {
    private static final long ANSWER_WAIT_SECONDS = 30;

    private final Map<String, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private Session socket;
    private String session;

    private ClientSide() {}

    /** Joins the session a code opens, under {@code name}. */
    static ClientSide join(ServerAddress server, Fingerprint pinned, String code, String name) {
        ClientManager manager = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(new PinnedTrust(pinned).sslContext(), true, false, false);
        ssl.setHostVerificationEnabled(false);
        manager.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        ClientSide client = new ClientSide();
        try {
            client.socket = manager.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session s, EndpointConfig config) {
                            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) client::received);
                        }
                    },
                    ClientEndpointConfig.Builder.create().build(),
                    URI.create("wss://" + server.key() + "/ws/client"));
        } catch (DeploymentException | IOException e) {
            throw new DemoException("The client's side could not connect: " + e.getMessage(), e);
        }
        client.session = ((ClientJoined) client.request(new ClientJoin(code, name))).session();
        return client;
    }

    private void received(String text) {
        Frame frame = ProtocolCodec.decode(text);
        CompletableFuture<Message> answer = frame.re() == null ? null : waiting.remove(frame.re());
        if (answer != null) {
            answer.complete(frame.body());
        }
    }

    private Message request(Message message) {
        String id = "d" + ids.incrementAndGet();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            socket.getBasicRemote().sendText(ProtocolCodec.encode(Frame.request(id, message)));
            Message reply = answer.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
            if (reply instanceof ErrorReply error) {
                throw new DemoException("The server refused the client's "
                        + MessageType.of(message).wireName() + ": " + error.message());
            }
            return reply;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new DemoException("The client's side got no answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Stopped.");
        }
    }

    /** Writes in the session's chat. */
    void chat(String text) {
        request(new ChatSend(session, text));
    }

    /** Approves or declines a request. */
    void answer(String approvalId, boolean approve, String reason) {
        request(new ApprovalAnswer(session, approvalId, approve, reason));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // the demo is ending; nothing to tell
        }
    }
}
