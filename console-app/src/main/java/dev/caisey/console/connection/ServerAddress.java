package dev.caisey.console.connection;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a server is: host and port of its one TLS port, which serves both the console's WebSocket ({@value
 * #CONSOLE_PATH}) and HTTPS downloads. People may give it as {@code wss://host:port}, {@code https://host:port} or
 * {@code host:port}; all three name the same server, and it is remembered as {@link #key()}.
 *
 * @param host the host name or address
 * @param port the TLS port
 */
public record ServerAddress(String host, int port) {
    /** The console's WebSocket path on the server. */
    public static final String CONSOLE_PATH = "/ws/console";

    /** The port a server listens on when the URL names none. */
    public static final int DEFAULT_PORT = 8443;

    /** Checks the members. */
    public ServerAddress {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new ConsoleException(Failure.BAD_INPUT, "A server address needs a host name.");
        }
        if (port < 1 || port > 65_535) {
            throw new ConsoleException(Failure.BAD_INPUT, "A server port is a number from 1 to 65535.");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code wss://host:port}, {@code https://host:port} or {@code host:port}.
     *
     * @throws ConsoleException with {@link Failure#BAD_INPUT} saying what is accepted
     */
    public static ServerAddress parse(String text) {
        String given = text == null ? "" : text.strip();
        String withScheme = given.contains("://") ? given : "wss://" + given;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("wss") && !scheme.equals("https")) {
                throw unreadable(given, "the console speaks only TLS: use wss:// or https://");
            }
            if (uri.getHost() == null) {
                throw unreadable(given, "it names no host");
            }
            return new ServerAddress(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
        } catch (URISyntaxException e) {
            throw unreadable(given, "it is not a URL");
        }
    }

    /** {@code host:port}, how the server is remembered in the known-servers file. */
    public String key() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The console's WebSocket URL. */
    public URI webSocket() {
        return URI.create("wss://" + key() + CONSOLE_PATH);
    }

    /** The HTTPS URL of a path on the server ({@code /health}). */
    public URI https(String path) {
        return URI.create("https://" + key() + path);
    }

    /** {@code wss://host:port}, as people type it. */
    @Override
    public String toString() {
        return "wss://" + key();
    }

    private static ConsoleException unreadable(String given, String why) {
        return new ConsoleException(
                Failure.BAD_INPUT,
                "The server address '" + given + "' cannot be used: " + why
                        + " (for example wss://caisey.example:8443).");
    }
}
