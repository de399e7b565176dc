package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.console.cli.ExitCodes;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.config.TokenStore;
import dev.caisey.console.it.ConsoleHarness.Run;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code caisey} subcommand against a real server and a real agent process, run in-process. */
class CaiseyCliIT {
    private static final Pattern COMMAND_ID = Pattern.compile("Command (c-[0-9a-f-]+) requested");

    @TempDir
    Path dir;

    @Test
    void everySubcommandWorksAgainstARealServerAndAgent() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            String endpoint = h.startAgent();
            h.login();
            Path tokenFile = h.configDir.resolve(TokenStore.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(tokenFile)).doesNotContain(ServerFixture.PASSWORD);
            assertThat(Files.readString(h.configDir.resolve(KnownServers.FILE))).contains(h.fingerprint());

            Run endpoints = h.caisey("endpoints");
            assertThat(endpoints.status()).as(endpoints.err()).isZero();
            assertThat(endpoints.out()).contains(endpoint).contains("online").contains("Harbor Accounting LLP");
            JsonNode endpointsJson = json(h.caisey("endpoints", "--json"));
            assertThat(endpointsJson.get(0).get("id").asText()).isEqualTo(endpoint);
            assertThat(endpointsJson.get(0).get("online").asBoolean()).isTrue();

            Run open = h.caisey(
                    "session", "open", endpoint, "--ticket", "HD-4471", "--reported-at", "2026-11-25T09:30:00Z");
            assertThat(open.status()).as(open.err()).isZero();
            String session = open.out().strip();
            assertThat(session).isNotBlank().doesNotContain(" ");

            Run exec = h.caisey("session", "exec", session, "--", "printf 'h\\303\\251llo\\n'; echo oops >&2; exit 3");
            assertThat(exec.status()).as(exec.err()).isEqualTo(3);
            assertThat(exec.out()).isEqualTo("héllo\n");
            assertThat(exec.err()).contains("oops\n");
            String commandId = commandId(exec.err());

            Run execJson = h.caisey("session", "exec", "--json", session, "--", "echo", "fine");
            assertThat(execJson.status()).as(execJson.err()).isZero();
            assertThat(execJson.out()
                            .lines()
                            .map(l -> Json.parse(l).get("event").asText()))
                    .containsExactly("command.requested", "output", "command.finished");
            assertThat(execJson.out()).contains("\"text\":\"fine\\n\"").contains("\"exitCode\":0");

            Run script =
                    h.caiseyWithInput("echo one\necho two\nexit 0\n", "session", "exec", session, "--script-stdin");
            assertThat(script.status()).as(script.err()).isZero();
            assertThat(script.out()).isEqualTo("one\ntwo\n");

            assertThat(h.caisey("session", "chat", session, "Hello,", "I", "am", "on", "it")
                            .status())
                    .isZero();
            assertThat(h.caisey("session", "note", session, "Spooler", "looked", "stuck")
                            .out())
                    .contains("Note added");
            Run verified =
                    h.caisey("session", "verify", session, "--command", commandId, "--passed", "printf showed héllo");
            assertThat(verified.status()).as(verified.err()).isZero();
            assertThat(h.caisey("session", "verify", session, "--failed", "the page does not print yet")
                            .status())
                    .isZero();
            Run both = h.caisey("session", "verify", session, "--passed", "--failed", "what");
            assertThat(both.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(both.err()).contains("--passed or --failed").doesNotContain("Exception");

            Run invite = h.caisey("session", "invite", session);
            assertThat(invite.status()).as(invite.err()).isZero();
            Matcher code = Pattern.compile("Code: (\\S+)").matcher(invite.out());
            assertThat(code.find()).as(invite.out()).isTrue();
            assertThat(invite.out()).containsPattern("Join link: https://\\S+/join/\\S+");
            JsonNode inviteJson = json(h.caisey("session", "invite", "--json", session));
            assertThat(inviteJson.get("code").asText()).isNotBlank();

            try (WireClient page = h.fixture.connect(WebSockets.CLIENT_PATH)) {
                page.ask(new ClientJoin(code.group(1), "Maria Lopez"), ClientJoined.class);
                page.ask(new SessionSubscribe(session, 0), Ok.class);

                CompletableFuture<Run> held = CompletableFuture.supplyAsync(
                        () -> h.caisey("session", "exec", session, "--", "kill -0 $$ && echo approved && exit 7"));
                answerNextApproval(page, session, true);
                Run approved = held.get(ConsoleHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(approved.status()).as(approved.err()).isEqualTo(7);
                assertThat(approved.err())
                        .contains("Waiting for the client's approval")
                        .contains("Approved by Maria Lopez");
                assertThat(approved.out()).isEqualTo("approved\n");

                CompletableFuture<Run> refused = CompletableFuture.supplyAsync(
                        () -> h.caisey("session", "exec", session, "--", "kill -0 $$ && echo never"));
                answerNextApproval(page, session, false);
                Run denied = refused.get(ConsoleHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(denied.status()).as(denied.err()).isEqualTo(ExitCodes.DENIED);
                assertThat(denied.err()).contains("Declined by Maria Lopez (not now); nothing was run.");
                assertThat(denied.out()).isEmpty();
            }

            Run sessions = h.caisey("sessions");
            assertThat(sessions.status()).as(sessions.err()).isZero();
            assertThat(sessions.out()).contains(session).contains("open").contains("ticket HD-4471");

            Run close = h.caisey(
                    "session", "close", session, "--resolution", "Printed a test page", "--outcome", "resolved");
            assertThat(close.status()).as(close.err()).isZero();
            assertThat(json(h.caisey("sessions", "--json"))
                            .get(0)
                            .get("outcome")
                            .asText())
                    .isEqualTo("resolved");

            Run show = h.caisey("show", session);
            assertThat(show.status()).as(show.err()).isZero();
            assertThat(show.out())
                    .contains("Dana Whitfield wrote: “Hello, I am on it”")
                    .contains("Dana Whitfield added a note: “Spooler looked stuck”")
                    .contains("Dana Whitfield verified the fix: printf showed héllo")
                    .contains("Maria Lopez declined")
                    .contains("closed the session — ")
                    .contains("Printed a test page");
            JsonNode showJson = json(h.caisey("show", "--json", session));
            assertThat(showJson.get("timeline").size()).isGreaterThan(10);

            // Share links and the access log, scriptable.
            Run badDays = h.caisey("session", "share", session, "--days", "31");
            assertThat(badDays.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(badDays.err()).contains("--days must be 1 to 30; found 31.");
            JsonNode share = json(h.caisey("session", "share", "--json", session, "--days", "1"));
            assertThat(share.get("url").asText()).startsWith("https://").contains("/share/");
            String shareId = share.get("id").asText();
            Run unshare = h.caisey("session", "unshare", shareId);
            assertThat(unshare.status()).as(unshare.err()).isZero();
            assertThat(unshare.out()).isEqualTo("Revoked " + shareId + ".\n");
            Run access = h.caisey("session", "access", session);
            assertThat(access.status()).as(access.err()).isZero();
            assertThat(access.out()).contains("dana  share_created  ").contains("dana  share_revoked  ");
            JsonNode accessJson = json(h.caisey("session", "access", "--json", session));
            assertThat(accessJson.get("entries").findValuesAsText("action"))
                    .containsSubsequence("share_created", "share_revoked");
            Run unsent = h.caisey("session", "send", session, "--no-wait");
            // The fixture's organisation has no report address: refused in the server's words, nothing queued.
            assertThat(unsent.status()).as(unsent.out() + unsent.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(unsent.err()).contains("has no e-mail address for reports");

            Run logout = h.caisey("logout");
            assertThat(logout.status()).isZero();
            assertThat(tokenFile).doesNotExist();
            Run after = h.caisey("endpoints");
            assertThat(after.status()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
            assertThat(after.err()).startsWith("caisey: Not signed in.").doesNotContain("Exception");
        }
    }

    private static void answerNextApproval(WireClient page, String session, boolean approve) throws Exception {
        EventPush push = (EventPush)
                page.await(f -> f.body() instanceof EventPush p && p.event().event() instanceof ApprovalRequested)
                        .body();
        ApprovalRequested asked = (ApprovalRequested) push.event().event();
        page.ask(new ApprovalAnswer(session, asked.approvalId(), approve, approve ? null : "not now"), Ok.class);
    }

    private static String commandId(String stderr) {
        Matcher m = COMMAND_ID.matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        return m.group(1);
    }

    private static JsonNode json(Run run) {
        assertThat(run.status()).as(run.err()).isZero();
        return Json.parse(run.out());
    }
}
