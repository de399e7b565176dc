package dev.caisey.record.protocol;

/**
 * {@code endpoints.list}: a console asks for the endpoints its user may see; the server answers with {@link
 * Endpoints}.
 */
public record EndpointsList() implements Message {}
