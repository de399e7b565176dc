package dev.caisey.console.workspace;

import java.time.Instant;

/**
 * One chat message as shown.
 *
 * @param who the writer's name
 * @param fromClient whether the client wrote it (else the technician)
 * @param text the message
 * @param at when the server recorded it
 */
public record ChatLine(String who, boolean fromClient, String text, Instant at) {}
