package dev.caisey.server.web;

import dev.caisey.report.html.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;

/**
 * The frame and the headers of every page the server shows a person: one stylesheet of our own, no script unless the
 * page is the client's, no third-party origin, a strict Content-Security-Policy, and short pages in plain words for
 * everything that goes wrong (what happened, what to do next) instead of an error dump.
 */
public final class Pages {
    /** Only our own files, no inline script or style, no framing, forms post only to us. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Where the one stylesheet is served. */
    public static final String STYLESHEET = "/assets/caisey.css";

    private Pages() {}

    /** The security headers every response of ours carries; pages with data are never cached. */
    public static void secure(Response response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
    }

    /** Sends a page: {@code mainHtml} (built with {@link Html}) in the common frame. */
    public static void send(Response response, int status, String title, String mainHtml) throws IOException {
        String page = new Html()
                .markup("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .text(title)
                .markup("</title><link rel=\"stylesheet\" href=\"" + STYLESHEET
                        + "\"></head><body><main class=\"page\">")
                .markup(mainHtml)
                .markup("</main></body></html>\n")
                .toString();
        bytes(response, status, "text/html", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A short page that says what happened and what to do next, with an optional link back. */
    public static void message(
            Response response, int status, String title, String what, String next, String linkHref, String linkText)
            throws IOException {
        Html html = new Html()
                .markup("<section class=\"card notice\" role=\"alert\">")
                .element("h1", null, title)
                .element("p", "lead", what)
                .element("p", null, next);
        if (linkHref != null) {
            html.markup("<p><a class=\"button\" href=\"")
                    .text(linkHref)
                    .markup("\">")
                    .text(linkText)
                    .markup("</a></p>");
        }
        send(response, status, title, html.markup("</section>").toString());
    }

    /** Sends bytes with the security headers. */
    public static void bytes(Response response, int status, String contentType, byte[] body) throws IOException {
        secure(response);
        response.setStatus(status);
        response.setContentType(contentType);
        if (contentType.startsWith("text/") || contentType.endsWith("javascript") || contentType.endsWith("json")) {
            response.setCharacterEncoding("utf-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
