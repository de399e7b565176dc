package dev.caisey.report.phrasebook;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Turns the technical names inside commands into names people know: Windows and Linux service names into their
 * display names ("Spooler" is "Print Spooler"), registry hives into words, quoted arguments into plain text. Also
 * holds the regular-expression pieces the rule tables share.
 */
final class Names {
    /**
     * One argument as the shell reads it: adjacent double-quoted, single-quoted and bare pieces ({@code '/tmp/a b'/*.job}
     * is one word); use with {@link #arg(Matcher, String)}.
     */
    static String arg(String group) {
        // One bare character or one whole quoted piece per repetition: no nested quantifier, so no runaway
        // backtracking.
        return "(?<" + group + ">(?:\"[^\"]*\"|'[^']*'|[^\\s\"';|&])+)";
    }

    /** PowerShell's optional parameter name before a positional argument: {@code -Name}, {@code -Path}. */
    static final String PS_NAME = "(?:-(?:name|displayname|path|literalpath|computername|targetname|id)\\s+)?";

    /** The end of the command word: the statement ends or white space follows. */
    static final String END = "(?=\\s|$)";

    private static final Map<String, String> WINDOWS_SERVICES = Map.ofEntries(
            Map.entry("spooler", "Print Spooler"),
            Map.entry("wuauserv", "Windows Update"),
            Map.entry("bits", "Background Intelligent Transfer"),
            Map.entry("dnscache", "DNS Client"),
            Map.entry("dhcp", "DHCP Client"),
            Map.entry("w32time", "Windows Time"),
            Map.entry("winrm", "Windows Remote Management"),
            Map.entry("lanmanserver", "File and Printer Sharing (Server)"),
            Map.entry("lanmanworkstation", "Workstation"),
            Map.entry("audiosrv", "Windows Audio"),
            Map.entry("eventlog", "Windows Event Log"),
            Map.entry("mpssvc", "Windows Defender Firewall"),
            Map.entry("windefend", "Microsoft Defender Antivirus"),
            Map.entry("wsearch", "Windows Search"),
            Map.entry("termservice", "Remote Desktop"),
            Map.entry("netlogon", "Netlogon"),
            Map.entry("themes", "Themes"),
            Map.entry("cryptsvc", "Cryptographic Services"));

    private static final Map<String, String> UNIX_SERVICES = Map.ofEntries(
            Map.entry("cups", "printing (CUPS)"),
            Map.entry("sshd", "SSH remote login"),
            Map.entry("ssh", "SSH remote login"),
            Map.entry("networkmanager", "network"),
            Map.entry("systemd-resolved", "DNS resolver"),
            Map.entry("cron", "scheduled tasks (cron)"),
            Map.entry("crond", "scheduled tasks (cron)"),
            Map.entry("smbd", "file sharing (Samba)"),
            Map.entry("docker", "Docker"));

    private static final Map<String, String> HIVES = Map.of(
            "hklm", "the computer-wide part of the registry",
            "hkey_local_machine", "the computer-wide part of the registry",
            "hkcu", "the current user's part of the registry",
            "hkey_current_user", "the current user's part of the registry",
            "hku", "the registry of all users",
            "hkey_users", "the registry of all users");

    private Names() {}

    /** A group's argument without its quotes. */
    static String arg(Matcher matcher, String group) {
        return unquote(matcher.group(group));
    }

    /** A value without its quotes: every quoted piece of the word loses its quote marks. */
    static String unquote(String value) {
        if (value == null) {
            return "";
        }
        return QUOTED.matcher(value.strip())
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'");

    /**
     * Files named by a path: the path itself, or for a pattern in its last part "the files matching *.job in
     * /var/spool" (a person reads "delete /var/spool" as the whole folder).
     */
    static String files(String path) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (last.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            return path;
        }
        return "the files matching " + last
                + (slash > 0 ? " in " + path.substring(0, slash) : slash == 0 ? " in /" : "");
    }

    /** "the Print Spooler service" for {@code Spooler}. */
    static String windowsService(String name) {
        String known = WINDOWS_SERVICES.get(unquote(name).toLowerCase(Locale.ROOT));
        return "the " + (known != null ? known : unquote(name)) + " service";
    }

    /** "the printing (CUPS) service" for {@code cups.service}. */
    static String unixService(String name) {
        String bare = unquote(name).replaceFirst("(?i)\\.service$", "");
        String known = UNIX_SERVICES.get(bare.toLowerCase(Locale.ROOT));
        return "the " + (known != null ? known : bare) + " service";
    }

    /** Where a registry path points, in words, with the path itself: "a setting in … (HKLM:\Software\Foo)". */
    static String registryPlace(String path) {
        String p = unquote(path);
        String hive = p.split("[:\\\\]", 2)[0].toLowerCase(Locale.ROOT);
        String words = HIVES.getOrDefault(hive, "the Windows registry");
        return "a setting in " + words + " (" + p + ")";
    }

    /** A program's name without its directory and {@code .exe}: "outlook" for {@code C:\…\OUTLOOK.EXE}. */
    static String program(String name) {
        String bare = unquote(name).replaceAll("^.*[\\\\/]", "");
        return bare.replaceFirst("(?i)\\.exe$", "");
    }
}
