package dev.caisey.server.share;

import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.ShareTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /share/<token>}: a plain read-only page naming the shared session, and {@code GET
 * /share/<token>/record.json}: its export, for download and third-party verification. Any link that does not open a
 * record now (unknown, expired, revoked, malformed) gets the same plain 404, and nothing about other sessions is
 * revealed. The page has no script and no outside resources; the client pages' full timeline replaces it.
 */
public final class ShareHandler extends HttpHandler {
    private static final Pattern PATH = Pattern.compile("/share/([A-Za-z0-9_-]{1,512})(/record\\.json)?");

    private final ShareTokens shares;
    private final SessionExport exports;
    private final Clock clock;

    /** Serves the exports of {@code exports} to holders of {@code shares}' links. */
    public ShareHandler(ShareTokens shares, SessionExport exports, Clock clock) {
        this.shares = shares;
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        Matcher path = PATH.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod().getMethodString()) || !path.matches()) {
            plain(response, 404, ShareTokens.NOT_VALID);
            return;
        }
        String session;
        try {
            session = shares.session(path.group(1), clock.instant());
        } catch (ServerException e) {
            plain(response, 404, e.getMessage());
            return;
        }
        RecordExport export = exports.of(session);
        if (path.group(2) == null) {
            page(response, export, path.group(1));
            return;
        }
        byte[] body = ExportCodec.write(export);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + session + ".caisey.json\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void page(Response response, RecordExport export, String token) throws java.io.IOException {
        SessionSummary s = export.session();
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Support session record</title></head><body><main>"
                + "<h1>Support session record</h1><dl>"
                + row("Organisation", s.organisation())
                + row("Computer", s.endpoint())
                + row("Technician", s.technician())
                + (s.ticket() == null ? "" : row("Ticket", s.ticket()))
                + row("Opened", utc(s.openedAt()))
                + (s.closedAt() == null ? "" : row("Closed", utc(s.closedAt())))
                + (s.outcome() == null ? "" : row("Outcome", s.outcome()))
                + row("Events recorded", Long.toString(s.eventCount()))
                + "</dl><p><a href=\"/share/" + token + "/record.json\" download>Download the signed record</a>"
                + " (JSON; check it with caisey-verify, or with python3 and openssl as its format document"
                + " explains).</p></main></body></html>\n";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String row(String name, String value) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
    }

    private static String utc(long micros) {
        return java.time.Instant.ofEpochSecond(micros / 1_000_000L)
                .toString()
                .replace("T", " ")
                .replace("Z", " UTC");
    }

    /** Everything a person typed is shown as text, never as markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void plain(Response response, int status, String text) throws java.io.IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
