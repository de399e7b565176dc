package dev.caisey.server;

import dev.caisey.server.sessions.SessionState;
import dev.caisey.server.sessions.Sessions;
import dev.caisey.server.store.EventStore;
import dev.caisey.server.ws.ServerContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At start-up, finds the sessions still open, so returning agents rejoin them and get their pending commands, and
 * restarts the timers of the approvals they wait for.
 */
final class OpenSessions {
    private OpenSessions() {}

    static void load(EventStore store, Sessions sessions, ServerContext context) {
        for (String session : store.sessions()) {
            SessionState state = sessions.state(session);
            if (!state.closed()) {
                context.openSessions()
                        .computeIfAbsent(state.endpoint().id(), e -> ConcurrentHashMap.newKeySet())
                        .add(session);
                context.commands().resume(state);
            }
        }
    }
}
