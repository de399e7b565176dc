package dev.caisey.server.web;

import dev.caisey.assets.Assets;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /assets/<file>}: the client page's script and the pages' stylesheet, from the {@code assets} module. Only
 * the files named here are served, each with its own content type; any other name is a 404, so nothing else on the
 * classpath can be reached by guessing.
 */
public final class StaticHandler extends HttpHandler {
    /** The URL prefix of the files. */
    public static final String PREFIX = "/assets/";

    private static final Map<String, String> TYPES = Map.of(
            "caisey.css", "text/css",
            "client.js", "text/javascript");

    private final Map<String, byte[]> files;

    /** Reads the whitelisted files once. */
    public StaticHandler() {
        this.files = Map.copyOf(TYPES.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(name -> name, name -> Assets.bytes(Assets.WEB + name))));
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String uri = request.getRequestURI();
        String name = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
        byte[] body = files.get(name);
        if (body == null || !"GET".equals(request.getMethod().getMethodString())) {
            Pages.bytes(
                    response,
                    404,
                    "text/plain",
                    "There is nothing here.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        Pages.bytes(response, 200, TYPES.get(name), body);
        response.setHeader("Cache-Control", "no-cache");
    }
}
