package dev.caisey.server.ws;

import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.EndpointPresence;
import dev.caisey.record.protocol.Frame;
import dev.caisey.server.sessions.AgentDispatch;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The connected agents, by endpoint: where commands are sent, and the source of online/offline presence. A new
 * connection of the same endpoint replaces the old one.
 */
public final class AgentLinks implements AgentDispatch {
    private final ConcurrentHashMap<String, Connection> byEndpoint = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Consumer<EndpointPresence> presence;

    /** Links that report every change of presence to {@code presence} (which must not block). */
    public AgentLinks(Clock clock, Consumer<EndpointPresence> presence) {
        this.clock = clock;
        this.presence = presence;
    }

    void connected(String endpointId, Connection connection) {
        Connection previous = byEndpoint.put(endpointId, connection);
        if (previous != null && previous != connection) {
            previous.close(jakarta.websocket.CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a newer connection");
        }
        presence.accept(new EndpointPresence(endpointId, true, Micros.now(clock)));
    }

    /** Returns whether {@code connection} was the endpoint's current one (and so the endpoint is now offline). */
    boolean disconnected(String endpointId, Connection connection) {
        if (byEndpoint.remove(endpointId, connection)) {
            presence.accept(new EndpointPresence(endpointId, false, Micros.now(clock)));
            return true;
        }
        return false;
    }

    /** Whether the endpoint's agent is connected now. */
    public boolean online(String endpointId) {
        return byEndpoint.containsKey(endpointId);
    }

    /** The endpoints whose agents are connected now. */
    public Set<String> onlineEndpoints() {
        return Set.copyOf(byEndpoint.keySet());
    }

    @Override
    public boolean run(String endpointId, CommandRun command) {
        Connection connection = byEndpoint.get(endpointId);
        return connection != null && connection.send(Frame.of(command));
    }

    @Override
    public boolean cancel(String endpointId, CommandCancel cancel) {
        Connection connection = byEndpoint.get(endpointId);
        return connection != null && connection.send(Frame.of(cancel));
    }
}
