package dev.caisey.report.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.Shell;
import org.junit.jupiter.api.Test;

class ConsequencesTest {
    private final Phrasebook phrasebook = Phrasebook.standard();

    private String of(Shell shell, String script) {
        return Consequences.of(phrasebook.phrase(shell, script)).orElse(null);
    }

    @Test
    void saysWhatTheClientWillNotice() {
        assertThat(of(Shell.POWERSHELL, "Restart-Service Spooler")).isEqualTo("Printing will stop for a few seconds.");
        assertThat(of(Shell.SH, "systemctl restart cups")).isEqualTo("Printing will stop for a few seconds.");
        assertThat(of(Shell.POWERSHELL, "Restart-Computer")).startsWith("The computer will restart");
        assertThat(of(Shell.SH, "systemctl restart ssh"))
                .isEqualTo("That service will pause for a few seconds while it restarts.");
    }

    @Test
    void saysNothingWhereNothingChangesForThem() {
        assertThat(of(Shell.POWERSHELL, "Get-Service Spooler")).isNull();
        assertThat(of(Shell.SH, "uptime")).isNull();
        assertThat(of(Shell.SH, "frobnicate --all")).isNull();
    }
}
