package dev.caisey.bench.relay;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The relay baseline's server side: sends every text message straight back on the same connection. */
public final class EchoEndpoint extends Endpoint {
    /** Where the echo is served. */
    public static final String PATH = "/echo";

    /** Tyrus makes one per connection. */
    public EchoEndpoint() {}

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                throw new UncheckedIOException("the echo could not be sent", e);
            }
        });
    }
}
