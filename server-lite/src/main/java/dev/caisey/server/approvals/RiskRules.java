package dev.caisey.server.approvals;

import dev.caisey.record.event.ApprovalPolicy;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which commands count as risky under an organisation's {@link ApprovalPolicy#RISKY} policy: anything that stops or
 * restarts a service, writes the registry, kills a process, reboots or shuts down, deletes files or formats disks,
 * changes accounts, installs or removes software, changes the firewall or the network, or runs code fetched at run
 * time. The rules are deliberately broad: a false alarm costs the client one click, a miss costs their trust.
 *
 * <p>Matching is case-insensitive and looks at whole words anywhere in the script, so {@code Get-Service; Restart-Service
 * Spooler} is risky. A technician can always ask for approval of any command; these rules only decide when they must.
 */
public final class RiskRules {
    /** One rule: what a person is told it is about, and the pattern that finds it. */
    public record Rule(String reason, Pattern pattern) {}

    private static final String START = "(?<![\\w-])";
    private static final String END = "(?![\\w-])";

    static final List<Rule> RULES = List.of(
            rule(
                    "stops, restarts or reconfigures a service",
                    "(Restart|Stop|Suspend|Set|Remove)-Service",
                    "sc(\\.exe)?\\s+(stop|config|delete|pause)",
                    "net\\s+stop",
                    "systemctl\\s+(restart|stop|disable|mask|kill|reload)",
                    "service\\s+\\S+\\s+(restart|stop)",
                    "launchctl\\s+(unload|stop|remove|bootout)"),
            rule(
                    "changes the registry",
                    "(Set|New|Remove|Rename|Clear)-ItemProperty",
                    "reg(\\.exe)?\\s+(add|delete|import|restore|load)",
                    "(New|Remove|Set)-Item\\s+.*HK(LM|CU|CR|U|CC)",
                    "Remove-Item\\s+.*(HK(LM|CU|CR|U|CC):|Registry::)"),
            rule("ends a process", "Stop-Process", "taskkill(\\.exe)?", "kill", "pkill", "killall", "xkill"),
            rule(
                    "restarts or shuts down the computer",
                    "(Restart|Stop)-Computer",
                    "shutdown(\\.exe)?",
                    "reboot",
                    "halt",
                    "poweroff",
                    "init\\s+[06]",
                    "systemctl\\s+(reboot|poweroff|halt)"),
            rule(
                    "deletes files or formats a disk",
                    "Remove-Item",
                    "Clear-Content",
                    "Clear-RecycleBin",
                    "del",
                    "erase",
                    "rd",
                    "rmdir",
                    "rm",
                    "Format-Volume",
                    "Clear-Disk",
                    "Initialize-Disk",
                    "diskpart(\\.exe)?",
                    "format(\\.com)?",
                    "mkfs(\\.\\w+)?",
                    "dd",
                    "shred",
                    "wipefs",
                    "truncate",
                    "cipher(\\.exe)?\\s+/w"),
            rule(
                    "changes user accounts or permissions",
                    "net\\s+(user|localgroup)",
                    "(New|Remove|Set|Disable|Enable|Rename)-LocalUser",
                    "(Add|Remove)-LocalGroupMember",
                    "useradd",
                    "userdel",
                    "usermod",
                    "passwd",
                    "chpasswd",
                    "visudo",
                    "icacls(\\.exe)?",
                    "takeown(\\.exe)?",
                    "Set-Acl",
                    "chown",
                    "chmod"),
            rule(
                    "installs, removes or updates software",
                    "(Install|Uninstall|Update)-(Package|Module|Script)",
                    "msiexec(\\.exe)?",
                    "winget(\\.exe)?\\s+(install|uninstall|upgrade|remove)",
                    "choco(\\.exe)?\\s+(install|uninstall|upgrade)",
                    "apt(-get)?\\s+(install|remove|purge|upgrade|dist-upgrade|full-upgrade|autoremove)",
                    "(yum|dnf|zypper|pacman|apk|brew|snap|pip3?|npm)\\s+(install|remove|erase|upgrade|update|uninstall|-S|-R|add|del)",
                    "dpkg\\s+(-i|-r|-P|--install|--remove|--purge)",
                    "Install-WindowsUpdate",
                    "wusa(\\.exe)?"),
            rule(
                    "changes the firewall or the network",
                    "netsh(\\.exe)?",
                    "(New|Set|Remove|Disable|Enable)-NetFirewall\\w*",
                    "(Disable|Enable|Restart)-NetAdapter",
                    "(Set|New|Remove)-NetIPAddress",
                    "Set-DnsClientServerAddress",
                    "route(\\.exe)?\\s+(add|delete|change)",
                    "iptables",
                    "ip6tables",
                    "nft",
                    "ufw",
                    "firewall-cmd",
                    "ip\\s+(link|addr|route)\\s+\\S*\\s*(set|add|del|flush)",
                    "ifconfig\\s+\\S+\\s+(down|up)",
                    "ifdown",
                    "ifup",
                    "nmcli"),
            rule(
                    "changes security settings",
                    "Set-ExecutionPolicy",
                    "Set-MpPreference",
                    "Add-MpPreference",
                    "bcdedit(\\.exe)?",
                    "Disable-\\w+",
                    "setenforce",
                    "Set-ItemProperty"),
            rule(
                    "runs code it downloads or builds at run time",
                    "Invoke-Expression",
                    "iex",
                    "Invoke-WebRequest\\s+.*\\|",
                    "(curl|wget)\\s+.*\\|\\s*(ba|z|da)?sh",
                    "Start-Process",
                    "Invoke-Command",
                    "Enter-PSSession",
                    "schtasks(\\.exe)?\\s+/(create|change|delete|run)",
                    "(Register|Unregister|Set)-ScheduledTask",
                    "crontab",
                    "at\\s+\\d"));

    private RiskRules() {}

    /** Why a command is risky, or empty if no rule matches. */
    public static Optional<String> reason(String script) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(script).find()) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /** Whether the organisation's policy requires the client's approval before {@code script} runs. */
    public static boolean requiresApproval(ApprovalPolicy policy, String script) {
        return switch (policy) {
            case NONE -> false;
            case ALL -> true;
            case RISKY -> reason(script).isPresent();
        };
    }

    private static Rule rule(String reason, String... words) {
        String alternatives = String.join("|", words);
        return new Rule(reason, Pattern.compile(START + "(" + alternatives + ")" + END, Pattern.CASE_INSENSITIVE));
    }
}
