package dev.caisey.console.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the server, so a test can cut every connection at once the way a failing network
 * or a restarting server does: both sockets close abruptly and the client must notice, reconnect and resume.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstream;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int accepted;
    private volatile boolean down;

    TcpProxy(int upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted;
    }

    /** Cuts every open connection and refuses new ones until {@link #up()}: the network is down. */
    void down() {
        down = true;
        cutAll();
    }

    /** Lets connections through again. */
    void up() {
        down = false;
    }

    /** Cuts every open connection. */
    void cutAll() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                accepted++;
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().name("proxy-pump").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or closed by the other side
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }
}
