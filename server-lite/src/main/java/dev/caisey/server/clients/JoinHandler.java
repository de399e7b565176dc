package dev.caisey.server.clients;

import dev.caisey.assets.Assets;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.report.html.Html;
import dev.caisey.server.ServerException;
import dev.caisey.server.web.Pages;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * How a client gets from a join code to the session page: {@code GET /join} shows a form to type the code (people
 * read codes out over the phone), {@code POST /join} and {@code GET /join/<code>} redeem it through {@link JoinCodes}
 * (with its limit on wrong guesses per address) and exchange it for a {@link ClientPasses client pass} cookie, then
 * send the browser to {@value #PAGE_PATH} so the code leaves the address bar. {@code GET /client} is the page itself,
 * a static shell whose script connects with the cookie. A wrong or expired code, or too many of them, gets the form
 * again with a sentence saying what to do.
 */
public final class JoinHandler extends HttpHandler {
    /** The client's page. */
    public static final String PAGE_PATH = "/client";

    /** The name a client who did not give one is shown under. */
    static final String DEFAULT_NAME = "Client";

    private final JoinCodes codes;
    private final ClientPasses passes;
    private final Predicate<String> sessionOpen;
    private final byte[] clientPage = Assets.bytes(Assets.CLIENT_PAGE);

    /** Redeems {@code codes} for {@code passes} to sessions that {@code sessionOpen} says are still open. */
    public JoinHandler(JoinCodes codes, ClientPasses passes, Predicate<String> sessionOpen) {
        this.codes = codes;
        this.passes = passes;
        this.sessionOpen = sessionOpen;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String path = request.getRequestURI();
        boolean get = request.getMethod() == Method.GET;
        if (path.equals(PAGE_PATH) && get) {
            Pages.bytes(response, 200, "text/html", clientPage);
        } else if (path.equals("/join") && get) {
            form(response, 200, null, "");
        } else if (path.equals("/join") && request.getMethod() == Method.POST) {
            redeem(request, response, request.getParameter("code"), request.getParameter("name"));
        } else if (path.startsWith("/join/") && get) {
            String code = URLDecoder.decode(path.substring("/join/".length()), StandardCharsets.UTF_8);
            redeem(request, response, code, null);
        } else {
            Pages.message(
                    response,
                    404,
                    "Nothing here",
                    "This address does not lead to a support session.",
                    "To join a session, type the code your technician gave you.",
                    "/join",
                    "Type a code");
        }
    }

    private void redeem(Request request, Response response, String code, String name) throws IOException {
        String shown = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        if (shown.length() > Limits.MAX_SHORT_TEXT_CHARS || shown.chars().anyMatch(Character::isISOControl)) {
            form(response, 400, "Your name is too long or has characters that cannot be shown; shorten it.", "");
            return;
        }
        String session;
        try {
            session = codes.redeem(code == null ? "" : code.strip(), request.getRemoteAddr());
            if (!sessionOpen.test(session)) {
                throw new ServerException(ErrorCode.NOT_FOUND, "This session has already ended.");
            }
        } catch (ServerException e) {
            boolean limited = e.code() == ErrorCode.RATE_LIMITED;
            form(
                    response,
                    limited ? 429 : 404,
                    limited
                            ? "Too many wrong codes from this connection. Wait a minute, then try again."
                            : "That code did not work. It may be mistyped or expired (codes last 15 minutes). "
                                    + "Check it with your technician, or ask for a new one.",
                    "");
            return;
        }
        ClientPasses.Issued issued = passes.issue(session, shown);
        Pages.secure(response);
        response.addHeader("Set-Cookie", ClientPasses.cookie(issued.token()));
        response.setStatus(303);
        response.setHeader("Location", PAGE_PATH);
        response.setContentLength(0);
    }

    private static void form(Response response, int status, String problem, String name) throws IOException {
        Html html = new Html().markup("<section class=\"card join\"><h1>Join your support session</h1>");
        if (problem != null) {
            html.markup("<p class=\"problem\" role=\"alert\">").text(problem).markup("</p>");
        }
        html.markup("<p>Your technician will read you a short code, or send it in a link. Type it here.</p>"
                        + "<form method=\"post\" action=\"/join\">"
                        + "<label for=\"code\">Code</label>"
                        + "<input id=\"code\" name=\"code\" required autocomplete=\"off\" autocapitalize=\"characters\""
                        + " spellcheck=\"false\" maxlength=\"32\" aria-describedby=\"code-help\">"
                        + "<p id=\"code-help\" class=\"muted\">Eight letters and digits, for example K7PQ 4XMB."
                        + " Spaces and dashes do not matter.</p>"
                        + "<label for=\"name\">Your name <span class=\"muted\">(optional)</span></label>"
                        + "<input id=\"name\" name=\"name\" autocomplete=\"name\" maxlength=\"200\" value=\"")
                .text(name)
                .markup("\"><button type=\"submit\">Join</button></form>"
                        + "<p class=\"muted\">The session is recorded: everything you and your technician write or do"
                        + " is kept in a tamper-evident record you can ask for afterwards.</p></section>");
        Pages.send(response, status, "Join your support session", html.toString());
    }
}
