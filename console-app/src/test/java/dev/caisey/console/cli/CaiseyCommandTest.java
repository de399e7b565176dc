package dev.caisey.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.record.protocol.AccountRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a server: help, usage errors and what it says before anyone signed in. */
class CaiseyCommandTest {
    @TempDir
    Path config;

    private String out;
    private String err;

    private int caisey(String... args) {
        CliRun run = CliRun.of(config, args);
        out = run.out();
        err = run.err();
        return run.status();
    }

    @Test
    void helpDocumentsEveryExitStatus() {
        assertThat(caisey("--help")).isZero();
        assertThat(out).contains("Exit status:");
        for (int status : new int[] {0, 1, 2, 3, 4, 120, 121, 122, 124, 125}) {
            assertThat(out).containsPattern("(?m)^  " + status + " +\\S");
        }
        assertThat(caisey("export", "--help")).isZero();
        assertThat(out).contains("--pdf=FILE").contains("--record=FILE").contains("--json");
        assertThat(caisey("verify", "--help")).isZero();
        assertThat(caisey("session", "exec", "--help")).isZero();
        assertThat(out).contains("--ask-approval").contains("--script-stdin");
    }

    @Test
    void usageErrorsAreWordsWithStatusTwo() {
        assertThat(caisey()).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("Say what to do");
        assertThat(caisey("session")).isEqualTo(ExitCodes.USAGE);
        assertThat(caisey("session", "exec")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("Missing required parameter: 'SESSION'");
        assertThat(caisey("session", "open", "PRN", "--reported-at", "yesterday"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("'yesterday' is not a time with its zone offset");
        assertThat(caisey("session", "exec", "s-1", "--shell", "bash", "--", "ls"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--shell must be sh or powershell");
    }

    @Test
    void anExpiredSignInIsNotSentAndSaysToSignInAgain() {
        new ConsoleHome(config)
                .tokens()
                .save(new SavedLogin(
                        new ServerAddress("127.0.0.1", 1), "dana", AccountRole.TECHNICIAN, "old-token", 1_000_000));

        assertThat(caisey("sessions")).isEqualTo(ExitCodes.NOT_SIGNED_IN);
        assertThat(err)
                .isEqualTo("caisey: The sign-in to wss://127.0.0.1:1 expired at 1970-01-01T00:00:01Z. Run caisey"
                        + " login again.\n");
    }

    @Test
    void beforeSigningInEveryCommandSaysSo() {
        for (String[] args : new String[][] {
            {"endpoints"},
            {"sessions"},
            {"show", "s-1"},
            {"session", "open", "PRN"},
            {"session", "chat", "s-1", "hi"},
            {"session", "note", "s-1", "hi"},
            {"session", "verify", "s-1", "--passed", "ok"},
            {"session", "invite", "s-1"},
            {"session", "close", "s-1", "--resolution", "done"}
        }) {
            assertThat(caisey(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.NOT_SIGNED_IN);
            assertThat(err).startsWith("caisey: Not signed in.").doesNotContain("Exception");
        }
        assertThat(caisey("session", "exec", "s-1", "--", "ls")).isEqualTo(ExitCodes.EXEC_FAILED);
        assertThat(err).startsWith("caisey: Not signed in.");
        assertThat(caisey("logout")).isZero();
        assertThat(out).contains("Not signed in; nothing to do.");
        assertThat(caisey("logout", "--json")).isZero();
        assertThat(out.strip()).isEqualTo("{\"signedOut\":false}");
    }
}
