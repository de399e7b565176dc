package dev.caisey.record.protocol;

/** Who sends a message over a connection; each {@link MessageType} says which senders may send it. */
public enum Sender {
    /** The headless agent on an endpoint. */
    AGENT,
    /** A technician's or manager's desktop console. */
    CONSOLE,
    /** The client's browser page of one session. */
    CLIENT,
    /** The server, to any of the others. */
    SERVER
}
