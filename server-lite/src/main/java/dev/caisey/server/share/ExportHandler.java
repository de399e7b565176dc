package dev.caisey.server.share;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.server.ServerException;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.auth.SessionTokens;
import dev.caisey.server.sessions.Participant;
import dev.caisey.server.sessions.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /api/sessions/<id>/record.json} and {@code /report.pdf}: a session's signed record and its signed PDF
 * report for a signed-in console ({@code Authorization: Bearer <session token>}); {@code /events?after=N[&limit=M]}: the next
 * {@link SyncPage} of the record for the console's mirror. All under the same rule as following
 * the session or making a share link of it: an account that may access its organisation. The signed-in counterpart of
 * {@link ShareHandler}; every download is written to the access log (a mirror's once, when it fetches the first
 * page). Refusals are short plain-text sentences with
 * 401 (no or expired sign-in), 403 (not yours) or 404 (no such session), and reveal nothing else.
 */
public final class ExportHandler extends HttpHandler {
    private static final Pattern PATH =
            Pattern.compile("/api/sessions/([A-Za-z0-9_.:-]{1,128})/(record\\.json|report\\.pdf|events)");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,15}");
    private static final String BEARER = "Bearer ";

    private final SessionTokens tokens;
    private final Sessions sessions;
    private final SessionExport exports;
    private final Function<String, byte[]> reports;
    private final AccessLog accessLog;
    private final Clock clock;

    /**
     * Serves {@code exports} and the PDFs of {@code reports} (session id to signed PDF) to holders of {@code tokens}
     * who may read the session in {@code sessions}.
     */
    public ExportHandler(
            SessionTokens tokens,
            Sessions sessions,
            SessionExport exports,
            Function<String, byte[]> reports,
            AccessLog accessLog,
            Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.exports = exports;
        this.reports = reports;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Matcher path = PATH.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod().getMethodString()) || !path.matches()) {
            plain(response, 404, "There is nothing here.");
            return;
        }
        String session = path.group(1);
        String what = path.group(2);
        Principal who;
        try {
            who = tokens.authenticate(bearer(request), clock.instant());
            Participant.requireStaffReader(who, sessions.organisationOf(session));
        } catch (ServerException e) {
            plain(response, status(e.code()), e.getMessage());
            return;
        }
        if (what.equals("events")) {
            String after = request.getParameter("after");
            String limit = request.getParameter("limit");
            if (after == null || !NUMBER.matcher(after).matches()) {
                plain(response, 400, "Say after which event to start: ?after=0 for the whole record.");
                return;
            }
            int pageSize = limit == null ? SyncPage.MAX_EVENTS : parseLimit(limit);
            if (pageSize < 1) {
                plain(response, 400, "The limit must be 1 to " + SyncPage.MAX_EVENTS + " events.");
                return;
            }
            if (after.equals("0")) {
                accessLog.record(who, AccessAction.EXPORT, session, "record mirrored to the console");
            }
            send(response, "application/json", exports.page(session, Long.parseLong(after), pageSize));
            return;
        }
        boolean pdf = what.endsWith(".pdf");
        byte[] body = pdf ? reports.apply(session) : ExportCodec.write(exports.of(session));
        accessLog.record(who, AccessAction.EXPORT, session, pdf ? "PDF report" : "record JSON");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + session + (pdf ? ".pdf" : ".caisey.json") + "\"");
        send(response, pdf ? "application/pdf" : "application/json", body);
    }

    private static int parseLimit(String limit) {
        if (!NUMBER.matcher(limit).matches()) {
            return 0;
        }
        long value = Long.parseLong(limit);
        return value > SyncPage.MAX_EVENTS ? 0 : (int) value;
    }

    private static void send(Response response, String type, byte[] body) throws IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String bearer(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER) || header.length() > 1024) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, "Sign in first: this download needs your session.");
        }
        return header.substring(BEARER.length()).strip();
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            default -> 400;
        };
    }

    private static void plain(Response response, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
