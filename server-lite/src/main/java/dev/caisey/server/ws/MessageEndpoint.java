package dev.caisey.server.ws;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.Sender;
import dev.caisey.server.ServerException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A WebSocket endpoint for one kind of peer: decodes every text frame strictly as that sender's, hands it to the
 * connection's {@link Channel} in arrival order on the connection's own virtual thread, and answers any refusal with
 * an {@code error} frame naming the request it answers. A bad frame changes nothing and the connection survives;
 * only a flood beyond {@link #MAX_QUEUED_REQUESTS} unanswered requests closes it.
 */
public final class MessageEndpoint extends Endpoint {
    /** Requests a peer may have waiting before it is disconnected for flooding. */
    static final int MAX_QUEUED_REQUESTS = 256;

    private static final System.Logger LOG = System.getLogger(MessageEndpoint.class.getName());
    private static final String CHANNEL = "caisey.channel";
    private static final String CONNECTION = "caisey.connection";

    private final Sender sender;
    private final Function<Connection, Channel> channels;

    private MessageEndpoint(Sender sender, Function<Connection, Channel> channels) {
        this.sender = sender;
        this.channels = channels;
    }

    /** The configuration that serves this kind of peer at {@code path}. */
    public static ServerEndpointConfig at(String path, Sender sender, Function<Connection, Channel> channels) {
        MessageEndpoint endpoint = new MessageEndpoint(sender, channels);
        return ServerEndpointConfig.Builder.create(MessageEndpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(endpoint);
                    }

                    @Override
                    public void modifyHandshake(
                            ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
                        // Tyrus gives each handshake its own copy of these properties, which the session inherits.
                        config.getUserProperties().put(Connection.HANDSHAKE, Handshake.of(request.getHeaders()));
                    }
                })
                .build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(Limits.MAX_MESSAGE_BYTES * 2);
        Connection connection = new Connection(session);
        Channel channel = channels.apply(connection);
        BlockingQueue<String> inbox = new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS);
        session.getUserProperties().put(CHANNEL, channel);
        session.getUserProperties().put(CONNECTION, connection);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (!inbox.offer(text)) {
                connection.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many requests at once");
            }
        });
        Thread.ofVirtual().name("ws-in-" + session.getId()).start(() -> serve(session, connection, channel, inbox));
    }

    private void serve(Session session, Connection connection, Channel channel, BlockingQueue<String> inbox) {
        channel.opened();
        try {
            while (session.isOpen() || !inbox.isEmpty()) {
                String text = inbox.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (text != null) {
                    receive(connection, channel, text);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(Connection connection, Channel channel, String text) {
        Frame frame = null;
        try {
            frame = ProtocolCodec.decodeFrom(sender, text);
            channel.handle(frame);
        } catch (RecordException e) {
            if (frame == null) {
                refuseUnreadable(connection, Unreadable.requestId(text), e.code(), e.getMessage());
            } else {
                refuse(connection, frame, e.code(), e.getMessage());
            }
        } catch (ServerException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                LOG.log(Level.ERROR, "a request failed inside the server", e);
            }
            refuse(connection, frame, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "a request failed unexpectedly", e);
            refuse(connection, frame, ErrorCode.INTERNAL, "The server could not do this; nothing was changed.");
        }
    }

    /** Sends an error frame answering {@code frame} (or nothing identifiable, if it could not be read). */
    static void refuse(Connection connection, Frame frame, ErrorCode code, String message) {
        LOG.log(
                Level.DEBUG,
                () -> "refused "
                        + (frame == null ? "an unreadable frame" : frame.type().wireName()) + " from "
                        + connection.remote() + ": " + code.wireName());
        ErrorReply reply = ErrorReply.of(new RecordException(code, message));
        connection.send(frame == null ? Frame.of(reply) : frame.reply(reply));
    }

    /** Sends an error frame answering a frame that could not be decoded, naming its request {@code re} if known. */
    private static void refuseUnreadable(Connection connection, String re, ErrorCode code, String message) {
        LOG.log(Level.DEBUG, () -> "refused an unreadable frame from " + connection.remote() + ": " + code.wireName());
        connection.send(new Frame(null, re, ErrorReply.of(new RecordException(code, message))));
    }

    /**
     * Answers {@code frame} once {@code work} completes: with {@code reply}'s message, or with an error frame carrying
     * the refusal's code and words.
     */
    static <T> void replyWhenDone(
            Connection connection, Frame frame, CompletableFuture<T> work, Function<T, Message> reply) {
        work.whenComplete((result, failure) -> {
            if (failure == null) {
                connection.send(frame.reply(reply.apply(result)));
                return;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ServerException refusal) {
                refuse(connection, frame, refusal.code(), refusal.getMessage());
            } else {
                LOG.log(Level.ERROR, "a request failed inside the server", cause);
                refuse(connection, frame, ErrorCode.INTERNAL, "The server could not do this; nothing was changed.");
            }
        });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (session.getUserProperties().get(CONNECTION) instanceof Connection connection) {
            connection.markClosed();
        }
        Channel channel = (Channel) session.getUserProperties().get(CHANNEL);
        if (channel != null) {
            channel.closed(
                    reason.getCloseCode().getCode() == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()
                            ? "left"
                            : "connection lost");
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.DEBUG, "a WebSocket connection failed", failure);
    }
}
