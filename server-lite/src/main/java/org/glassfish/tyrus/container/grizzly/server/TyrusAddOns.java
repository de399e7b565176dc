package org.glassfish.tyrus.container.grizzly.server;

import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * Opens Tyrus's {@link WebSocketAddOn} to Caisey's own Grizzly server, so WebSockets and plain HTTP share one TLS
 * port. Tyrus keeps the add-on public for exactly this use (TYRUS-317) but its constructor package-private; this is
 * the only class of Caisey in a Tyrus package.
 */
public final class TyrusAddOns {
    private TyrusAddOns() {}

    /** The add-on that serves the container's WebSocket endpoints under {@code contextPath} on a listener. */
    public static AddOn webSockets(ServerContainer container, String contextPath) {
        return new WebSocketAddOn(container, contextPath);
    }
}
