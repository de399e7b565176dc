package dev.caisey.report.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.Shell;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhrasebookTest {
    private static final Phrasebook PHRASEBOOK = Phrasebook.standard();

    static Stream<Arguments> powershell() {
        return Stream.of(
                Arguments.of("Restart-Service Spooler", "Restarted the Print Spooler service"),
                Arguments.of("Restart-Service -Name Spooler -Force", "Restarted the Print Spooler service"),
                Arguments.of("Get-Service Spooler", "Checked the status of the Print Spooler service"),
                Arguments.of("Get-Service", "Listed the services of the computer"),
                Arguments.of("Stop-Service wuauserv", "Stopped the Windows Update service"),
                Arguments.of(
                        "Set-Service -Name Spooler -StartupType Automatic",
                        "Set the Print Spooler service to start automatically"),
                Arguments.of(
                        "Get-ItemProperty 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows'",
                        "Read a setting in the computer-wide part of the registry (HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows)"),
                Arguments.of(
                        "Set-ItemProperty -Path HKCU:\\Control\\Desktop -Name Wallpaper -Value ''",
                        "Changed a setting in the current user's part of the registry (HKCU:\\Control\\Desktop)"),
                Arguments.of(
                        "reg query HKLM\\Software\\Caisey",
                        "Read a setting in the computer-wide part of the registry (HKLM\\Software\\Caisey)"),
                Arguments.of("Get-Process", "Listed the programs running on the computer"),
                Arguments.of("Get-Process outlook", "Checked whether the program outlook is running"),
                Arguments.of("Stop-Process -Name OUTLOOK -Force", "Closed the program OUTLOOK"),
                Arguments.of("taskkill /F /IM winword.exe", "Closed the program winword"),
                Arguments.of("Test-Connection 8.8.8.8 -Count 4", "Checked the network connection to 8.8.8.8"),
                Arguments.of(
                        "Test-NetConnection mail.harbor.example -Port 587",
                        "Checked that mail.harbor.example can be reached on port 587"),
                Arguments.of(
                        "ipconfig /flushdns", "Cleared the computer's list of remembered web addresses (DNS cache)"),
                Arguments.of("ipconfig /all", "Looked up the network settings"),
                Arguments.of(
                        "Resolve-DnsName intranet.harbor.example", "Looked up the address of intranet.harbor.example"),
                Arguments.of("Get-Volume", "Checked the disks and their free space"),
                Arguments.of("Clear-RecycleBin -Force", "Emptied the Recycle Bin"),
                Arguments.of("Remove-Item 'C:\\Temp\\old.log'", "Deleted C:\\Temp\\old.log"),
                Arguments.of(
                        "Get-ChildItem C:\\Users\\maria\\Desktop", "Listed the files in C:\\Users\\maria\\Desktop"),
                Arguments.of("Get-LocalUser", "Listed the user accounts on the computer"),
                Arguments.of("Disable-LocalUser -Name temp", "Disabled the user account temp"),
                Arguments.of(
                        "Add-LocalGroupMember -Group Administrators -Member maria",
                        "Added maria to the Administrators group"),
                Arguments.of("Get-HotFix", "Listed the installed Windows updates"),
                Arguments.of("Install-WindowsUpdate -AcceptAll", "Installed the available Windows updates"),
                Arguments.of("Restart-Computer -Force", "Restarted the computer"),
                Arguments.of("gpupdate /force", "Refreshed the computer's group policy settings"),
                Arguments.of(
                        "Stop-Service Spooler; Remove-Item C:\\Windows\\System32\\spool\\PRINTERS\\* ; Start-Service Spooler",
                        "Stopped the Print Spooler service, then deleted C:\\Windows\\System32\\spool\\PRINTERS\\*, then "
                                + "started the Print Spooler service"),
                Arguments.of(
                        "$s = Get-Service Spooler\nWrite-Host $s.Status",
                        "Checked the status of the Print Spooler service"));
    }

    static Stream<Arguments> sh() {
        return Stream.of(
                Arguments.of("systemctl restart cups", "Restarted the printing (CUPS) service"),
                Arguments.of("sudo systemctl status nginx.service", "Checked the status of the nginx service"),
                Arguments.of("systemctl enable --now sshd", "Set the SSH remote login service to start automatically"),
                Arguments.of("service apache2 restart", "Restarted the apache2 service"),
                Arguments.of("journalctl -u cups --since today", "Read the log of the printing (CUPS) service"),
                Arguments.of("ps aux | grep cupsd", "Listed the programs running on the computer"),
                Arguments.of("pkill -f firefox", "Closed the program firefox"),
                Arguments.of("kill -9 4242", "Stopped the program with process number 4242"),
                Arguments.of("ping -c 4 192.168.1.1", "Checked the network connection to 192.168.1.1"),
                Arguments.of("curl -I https://harbor.example", "Checked that https://harbor.example responds"),
                Arguments.of("ip addr", "Looked up the network settings"),
                Arguments.of("dig harbor.example", "Looked up the address of harbor.example"),
                Arguments.of("df -h", "Checked the free disk space"),
                Arguments.of("du -sh /var/log", "Measured how much space /var/log uses"),
                Arguments.of("ls -la /var/spool/cups", "Listed the files in /var/spool/cups"),
                Arguments.of("rm -rf /tmp/cache", "Deleted /tmp/cache"),
                Arguments.of(
                        "rm -f '/var/spool/my jobs'/*.job", "Deleted the files matching *.job in /var/spool/my jobs"),
                Arguments.of("ls -l \"/srv/share\"", "Listed the files in /srv/share"),
                Arguments.of("tail -n 50 /var/log/syslog", "Read the file /var/log/syslog"),
                Arguments.of("useradd -m maria", "Created the user account maria"),
                Arguments.of("usermod -aG lpadmin maria", "Added maria to the lpadmin group"),
                Arguments.of(
                        "sudo apt-get update && sudo apt-get upgrade -y",
                        "Refreshed the list of available updates, then installed the available updates"),
                Arguments.of("apt install -y cups-bsd", "Installed the software package cups-bsd"),
                Arguments.of("softwareupdate -l", "Checked for macOS updates"),
                Arguments.of("reboot", "Restarted the computer"),
                Arguments.of("uptime", "Checked how busy the computer is"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("powershell")
    void wordsPowerShellCommands(String script, String sentence) {
        assertThat(PHRASEBOOK.phrase(Shell.POWERSHELL, script).done()).isEqualTo(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sh")
    void wordsShCommands(String script, String sentence) {
        assertThat(PHRASEBOOK.phrase(Shell.SH, script).done()).isEqualTo(sentence);
    }

    @Test
    void fallsBackForAnythingItDoesNotKnow() {
        Phrase phrase = PHRASEBOOK.phrase(Shell.POWERSHELL, "Invoke-Frobnicate -Level 11");
        assertThat(phrase).isEqualTo(Phrase.FALLBACK);
        assertThat(phrase.done()).isEqualTo("Ran a command on the computer");
        assertThat(PHRASEBOOK.phrase(Shell.SH, "./configure --prefix=/opt").recognised())
                .isFalse();
    }

    @Test
    void saysWhatWasAskedForInTheInfinitive() {
        assertThat(PHRASEBOOK
                        .phrase(Shell.POWERSHELL, "Restart-Service Spooler")
                        .todo())
                .isEqualTo("restart the Print Spooler service");
    }

    @Test
    void mentionsStepsItDoesNotUnderstand() {
        assertThat(PHRASEBOOK
                        .phrase(Shell.SH, "systemctl restart cups; ./fix-it.sh")
                        .done())
                .isEqualTo("Restarted the printing (CUPS) service, and ran one more command");
    }

    @Test
    void namesAtMostThreeStepsThenCountsTheRest() {
        assertThat(PHRASEBOOK
                        .phrase(Shell.SH, "df -h; uptime; ip addr; reboot; ls")
                        .done())
                .isEqualTo("Checked the free disk space, then checked how busy the computer is, then looked up the "
                        + "network settings, and 2 more steps");
    }
}
