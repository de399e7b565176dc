package dev.caisey.server.ws;

import dev.caisey.record.protocol.Frame;

/**
 * The server's side of one connection, for one kind of peer (agent, console, client page): it receives the peer's
 * frames in order, one at a time, and answers through its {@link Connection}.
 */
interface Channel {
    /** Called once the connection is open, before any frame. */
    default void opened() {}

    /**
     * Handles one well-formed frame the peer may send. A refusal is thrown as a {@code ServerException} or {@code
     * RecordException}; the endpoint answers it with an {@code error} frame and the connection stays open.
     */
    void handle(Frame frame);

    /** Called once when the connection has closed, with the reason if known. */
    default void closed(String reason) {}
}
