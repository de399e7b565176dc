package dev.caisey.console.endpoints;

import dev.caisey.console.connection.Registration;
import dev.caisey.console.connection.ServerConnection;
import dev.caisey.record.protocol.EndpointInfo;
import dev.caisey.record.protocol.EndpointPresence;
import dev.caisey.record.protocol.Endpoints;
import dev.caisey.record.protocol.EndpointsList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The endpoints the user may see, with live presence: the list the server gives at every sign-in, kept current by its
 * {@code endpoint.presence} pushes. Listeners receive the whole list as an immutable snapshot at each change, on the
 * connection's event thread.
 */
public final class EndpointDirectory {
    private final ServerConnection connection;
    private final List<Consumer<List<EndpointInfo>>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<EndpointInfo> endpoints = List.of();

    /** A directory over {@code connection}; it refreshes at every sign-in and follows presence pushes. */
    public EndpointDirectory(ServerConnection connection) {
        this.connection = connection;
        connection.onSignedIn(ok -> refresh());
        connection.onPush(frame -> {
            if (frame.body() instanceof EndpointPresence presence) {
                presence(presence);
            }
        });
    }

    /** The endpoints as last known; never blocks. */
    public List<EndpointInfo> snapshot() {
        return endpoints;
    }

    /** Adds a listener told the whole list at each change. */
    public Registration onChange(Consumer<List<EndpointInfo>> listener) {
        listeners.add(listener);
        return Registration.of(listeners, listener);
    }

    /** Asks the server for the list again; the future completes with it. */
    public CompletableFuture<List<EndpointInfo>> refresh() {
        return connection.request(new EndpointsList()).thenApply(answer -> {
            List<EndpointInfo> fresh = ((Endpoints) answer).endpoints();
            publish(fresh);
            return fresh;
        });
    }

    private void presence(EndpointPresence change) {
        List<EndpointInfo> next = new ArrayList<>(endpoints.size());
        boolean known = false;
        for (EndpointInfo e : endpoints) {
            if (e.id().equals(change.endpointId())) {
                known = true;
                Long lastSeen = change.online() ? e.lastSeenAt() : Long.valueOf(change.at());
                next.add(new EndpointInfo(
                        e.id(),
                        e.name(),
                        e.os(),
                        e.organisationId(),
                        e.organisationName(),
                        change.online(),
                        lastSeen,
                        e.agentVersion()));
            } else {
                next.add(e);
            }
        }
        if (known) {
            publish(List.copyOf(next));
        } else {
            // A new endpoint: only the server knows its name and organisation.
            refresh();
        }
    }

    private void publish(List<EndpointInfo> fresh) {
        endpoints = fresh;
        listeners.forEach(l -> l.accept(fresh));
    }
}
