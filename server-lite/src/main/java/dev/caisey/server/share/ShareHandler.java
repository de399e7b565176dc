package dev.caisey.server.share;

import dev.caisey.record.export.ExportCodec;
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
 * {@code GET /share/<token>/record.json}: the shared session's export, for download and third-party verification.
 * Any link that does not open a record now (unknown, expired, revoked, malformed) gets the same plain 404, and the
 * response reveals nothing about other sessions. (The read-only page at {@code /share/<token>} is the client pages'.)
 */
public final class ShareHandler extends HttpHandler {
    private static final Pattern PATH = Pattern.compile("/share/([A-Za-z0-9_-]{1,512})/record\\.json");

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
        byte[] body = ExportCodec.write(exports.of(session));
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + session + ".caisey.json\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
