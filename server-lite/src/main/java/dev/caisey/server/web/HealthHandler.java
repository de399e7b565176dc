package dev.caisey.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** {@code GET /health}: a small JSON document for monitoring, with no secrets and nothing about any session. */
public final class HealthHandler extends HttpHandler {
    private final Clock clock;
    private final String version;
    private final IntSupplier agentsOnline;

    /** A handler reporting the server's version and the number of connected agents. */
    public HealthHandler(Clock clock, String version, IntSupplier agentsOnline) {
        this.clock = clock;
        this.version = version;
        this.agentsOnline = agentsOnline;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("version", version);
        body.put("time", clock.instant().toString());
        body.put("agentsOnline", agentsOnline.getAsInt());
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
