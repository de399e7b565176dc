package dev.caisey.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.agent.AgentException;
import dev.caisey.record.event.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
    private static final String SCRIPT = "Restart-Service \"Spooler\"; Get-Service 'Spooler'";

    @Test
    void runsShScriptsWithBinShDashC() {
        ShellCommand unix = new ShellCommand(false, name -> Optional.empty());
        assertThat(unix.commandLine(Shell.SH, "echo \"hi\" | wc -c"))
                .containsExactly("/bin/sh", "-c", "echo \"hi\" | wc -c");
    }

    @Test
    void prefersPwshOnWindowsWhenItIsOnThePath() {
        Path pwsh = Path.of("C:\\Program Files\\PowerShell\\7\\pwsh.exe");
        ShellCommand windows =
                new ShellCommand(true, name -> name.equals("pwsh.exe") ? Optional.of(pwsh) : Optional.empty());
        assertThat(windows.commandLine(Shell.POWERSHELL, SCRIPT))
                .containsExactly(
                        pwsh.toString(),
                        "-NoProfile",
                        "-NonInteractive",
                        "-EncodedCommand",
                        ShellCommand.encoded(SCRIPT));
    }

    @Test
    void fallsBackToWindowsPowerShell() {
        ShellCommand windows = new ShellCommand(true, name -> Optional.empty());
        assertThat(windows.commandLine(Shell.POWERSHELL, SCRIPT).subList(0, 4))
                .containsExactly("powershell.exe", "-NoProfile", "-NonInteractive", "-EncodedCommand");
    }

    @Test
    void encodesTheScriptAsUtf16LittleEndianBase64() {
        String encoded = ShellCommand.encoded(SCRIPT);
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE))
                .isEqualTo(SCRIPT);
        assertThat(encoded).doesNotContain("\"", " ");
    }

    @Test
    void refusesAShellTheEndpointDoesNotHave() {
        assertThatThrownBy(
                        () -> new ShellCommand(false, name -> Optional.empty()).commandLine(Shell.POWERSHELL, SCRIPT))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("PowerShell is not available on this endpoint");
        assertThatThrownBy(() -> new ShellCommand(true, name -> Optional.empty()).commandLine(Shell.SH, "ls"))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("sh is not available");
    }
}
