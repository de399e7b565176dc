package dev.caisey.bench.footprint;

import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * A technician's console reduced to what the footprint and relay benchmarks need: a real WebSocket over TLS on loopback
 * that sends requests, waits for their answers, and notices when a command's last event is recorded.
 */
public final class BenchConsole implements AutoCloseable {
    /** How long a request waits for its answer. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    /** Largest frame read, in characters. */
    static final int MAX_FRAME_CHARS = 1024 * 1024;

    private final Map<String, CompletableFuture<Message>> answers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Event>> commandEnds = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Session session;

    private BenchConsole(URI uri, SSLContext trust) throws DeploymentException, IOException {
        ClientManager client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(trust, true, false, false);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        this.session = client.connectToServer(
                new Endpoint() {
                    @Override
                    public void onOpen(Session s, EndpointConfig config) {
                        s.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
                        s.addMessageHandler(String.class, (MessageHandler.Whole<String>) BenchConsole.this::receive);
                    }
                },
                ClientEndpointConfig.Builder.create().build(),
                uri);
    }

    /** Connects to {@code wss://127.0.0.1:PORT/PATH}, trusting {@code trust}. */
    public static BenchConsole connect(int port, String path, SSLContext trust)
            throws DeploymentException, IOException {
        return new BenchConsole(URI.create("wss://127.0.0.1:" + port + path), trust);
    }

    /** Sends a request and returns its answer, failing on an error answer or after {@link #ANSWER_WAIT}. */
    public <T extends Message> T ask(Message request, Class<T> answer) throws IOException, InterruptedException {
        String id = "b" + ids.incrementAndGet();
        CompletableFuture<Message> reply = new CompletableFuture<>();
        answers.put(id, reply);
        session.getBasicRemote().sendText(ProtocolCodec.encode(Frame.request(id, request)));
        Message body = await(reply, "the answer to " + request.getClass().getSimpleName());
        if (body instanceof ErrorReply error) {
            throw new IllegalStateException(
                    "the server refused: " + error.code().wireName() + ": " + error.message());
        }
        return answer.cast(body);
    }

    /** Completes with the command's finished, cancelled or timed-out event once it is recorded. */
    public CompletableFuture<Event> commandEnd(String commandId) {
        return commandEnds.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    private void receive(String text) {
        Frame frame = ProtocolCodec.decode(text);
        if (frame.re() != null) {
            CompletableFuture<Message> reply = answers.remove(frame.re());
            if (reply != null) {
                reply.complete(frame.body());
            }
        }
        if (frame.body() instanceof EventPush push) {
            Event event = push.event().event();
            String commandId = commandIdOfEnd(event);
            if (commandId != null) {
                commandEnd(commandId).complete(event);
            }
        }
    }

    private static String commandIdOfEnd(Event event) {
        if (event instanceof CommandFinished f) {
            return f.commandId();
        }
        if (event instanceof CommandCancelled c) {
            return c.commandId();
        }
        return event instanceof CommandTimedOut t ? t.commandId() : null;
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not come within " + ANSWER_WAIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
