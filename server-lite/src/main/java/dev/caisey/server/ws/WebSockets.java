package dev.caisey.server.ws;

import dev.caisey.record.protocol.Sender;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** The three WebSocket endpoints of the server, one per kind of peer. */
public final class WebSockets {
    /** Where agents connect. */
    public static final String AGENT_PATH = "/ws/agent";

    /** Where consoles connect. */
    public static final String CONSOLE_PATH = "/ws/console";

    /** Where the client's browser page connects. */
    public static final String CLIENT_PATH = "/ws/client";

    private WebSockets() {}

    /** The endpoint configurations, each creating a channel of its kind per connection. */
    public static List<ServerEndpointConfig> endpoints(ServerContext context) {
        return List.of(
                MessageEndpoint.at(AGENT_PATH, Sender.AGENT, connection -> new AgentChannel(connection, context)),
                MessageEndpoint.at(CONSOLE_PATH, Sender.CONSOLE, connection -> new ConsoleChannel(connection, context)),
                MessageEndpoint.at(CLIENT_PATH, Sender.CLIENT, connection -> new ClientChannel(connection, context)));
    }
}
