package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import java.util.List;

/**
 * {@code endpoints}: the endpoints a console's user may see, in the server's order (answering an {@link
 * EndpointsList}).
 *
 * @param endpoints at most {@link Limits#MAX_ENDPOINTS_PER_MESSAGE} endpoints
 */
public record Endpoints(List<EndpointInfo> endpoints) implements Message {
    /** Validates and copies the list. */
    public Endpoints {
        endpoints = Checks.list(endpoints, "endpoints", Limits.MAX_ENDPOINTS_PER_MESSAGE);
    }
}
