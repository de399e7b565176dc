package dev.caisey.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that forwards to the server and lets a test cut every connection, delay each forwarded read,
 * or hold all traffic (a network that silently stops carrying packets).
 */
final class TcpProxy implements AutoCloseable {
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final long HOLD_POLL_MILLIS = 10;

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile long delayMillis;
    private volatile boolean holding;
    private volatile boolean closed;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int cuts() {
        return cuts.get();
    }

    int open() {
        return sockets.size() / 2;
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    void hold(boolean hold) {
        holding = hold;
    }

    /** Closes every connection now. */
    void cutAll() {
        cuts.incrementAndGet();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                accepted.incrementAndGet();
                sockets.add(client);
                sockets.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                // Closed listener or a refused upstream: the client sees a dropped connection, as over a network.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (holding && !from.isClosed()) {
                    Thread.sleep(HOLD_POLL_MILLIS);
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // The connection was cut.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cutAll();
    }
}
