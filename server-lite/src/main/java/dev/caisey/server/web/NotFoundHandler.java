package dev.caisey.server.web;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Every path the server does not serve: a short plain 404 that names nothing else on the server. */
final class NotFoundHandler extends HttpHandler {
    private static final byte[] BODY = "There is nothing here.\n".getBytes(StandardCharsets.UTF_8);

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setStatus(404);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain");
        response.setCharacterEncoding("utf-8");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
