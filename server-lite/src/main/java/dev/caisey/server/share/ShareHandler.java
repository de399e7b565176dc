package dev.caisey.server.share;

import dev.caisey.record.protocol.AccessAction;
import dev.caisey.report.html.SharePage;
import dev.caisey.server.ServerException;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.ShareTokens;
import dev.caisey.server.reports.SessionReports;
import dev.caisey.server.web.FailedAttempts;
import dev.caisey.server.web.Pages;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /share/<token>}: the read-only page of one closed session (the report module's {@link SharePage}: the
 * same story as the PDF); {@code /share/<token>/report.pdf}: the signed PDF report; {@code /share/<token>/record.json}:
 * the record itself, for third-party verification. Any link that does not open a record now (unknown, expired,
 * revoked, malformed) gets the same page, so nothing about other sessions is revealed; failed links count against the
 * address like wrong join codes.
 */
public final class ShareHandler extends HttpHandler {
    private static final Pattern PATH = Pattern.compile("/share/([A-Za-z0-9_-]{1,512})(/record\\.json|/report\\.pdf)?");

    private final ShareTokens shares;
    private final SessionReports reports;
    private final FailedAttempts failures;
    private final AccessLog accessLog;
    private final Clock clock;
    private final SharePage page = SharePage.create();

    /** Serves {@code reports} of the sessions {@code shares}' links open; every view and download goes to the log. */
    public ShareHandler(
            ShareTokens shares, SessionReports reports, FailedAttempts failures, AccessLog accessLog, Clock clock) {
        this.shares = shares;
        this.reports = reports;
        this.failures = failures;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String address = request.getRemoteAddr();
        if (failures.blocked(address)) {
            Pages.message(
                    response,
                    429,
                    "Please wait a minute",
                    "Too many links that did not work were opened from this connection.",
                    "Wait a minute, then open the link again, exactly as you received it.",
                    null,
                    null);
            return;
        }
        Matcher path = PATH.matcher(request.getRequestURI());
        ShareTokens.Shared shared = null;
        if ("GET".equals(request.getMethod().getMethodString()) && path.matches()) {
            try {
                shared = shares.open(path.group(1), clock.instant());
            } catch (ServerException e) {
                shared = null;
            }
        }
        if (shared == null) {
            failures.failed(address);
            Pages.message(
                    response,
                    404,
                    "This link does not work any more",
                    "This link has expired or was withdrawn.",
                    "Ask whoever sent it to you for a new one.",
                    null,
                    null);
            return;
        }
        String session = shared.session();
        String base = "/share/" + path.group(1);
        String what = path.group(2);
        accessLog.record(
                "holder of share link " + shared.id(),
                null,
                what == null ? AccessAction.SHARE_VIEWED : AccessAction.EXPORT,
                session,
                what == null ? "share page" : what.equals("/record.json") ? "record JSON" : "PDF report");
        if (what == null) {
            String main = page.render(reports.json(session), base + "/report.pdf", base + "/record.json");
            Pages.send(response, 200, "Support session record", main);
        } else if (what.equals("/record.json")) {
            download(response, "application/json", session + ".caisey.json", reports.json(session));
        } else {
            download(response, "application/pdf", session + ".pdf", reports.pdf(session));
        }
    }

    private static void download(Response response, String type, String name, byte[] body) throws java.io.IOException {
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Pages.bytes(response, 200, type, body);
    }
}
