package dev.caisey.report.phrasebook;

import static dev.caisey.report.phrasebook.Names.END;
import static dev.caisey.report.phrasebook.Names.arg;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The phrasebook's rules for {@code sh} on Linux and macOS: systemd and SysV services, processes, the network, disks,
 * files, users and package updates ({@code apt}, {@code dnf}/{@code yum}, macOS {@code softwareupdate}). A leading
 * {@code sudo} is removed before these rules see a statement. The first rule that matches wins.
 */
final class ShRules {
    /** Options before the subject of a command: {@code -la}, {@code --all}, {@code -c 4}. */
    private static final String OPTS = "(?:-{1,2}[\\w-]+(?:=\\S+)?\\s+(?:\\d+\\s+)?)*";

    private ShRules() {}

    static List<Rule> rules() {
        return List.of(
                // services
                Rule.of("systemctl\\s+" + OPTS + "restart\\s+" + arg("s"), "restart", "restarted", m -> svc(m)),
                Rule.of(
                        "systemctl\\s+" + OPTS + "reload\\s+" + arg("s"),
                        "reload",
                        "reloaded",
                        m -> "the settings of " + svc(m)),
                Rule.of("systemctl\\s+" + OPTS + "start\\s+" + arg("s"), "start", "started", m -> svc(m)),
                Rule.of("systemctl\\s+" + OPTS + "stop\\s+" + arg("s"), "stop", "stopped", m -> svc(m)),
                Rule.of(
                        "systemctl\\s+" + OPTS + "enable\\s+" + OPTS + arg("s"),
                        "set",
                        "set",
                        m -> svc(m) + " to start automatically"),
                Rule.of(
                        "systemctl\\s+" + OPTS + "disable\\s+" + OPTS + arg("s"),
                        "set",
                        "set",
                        m -> svc(m) + " not to start automatically"),
                Rule.of(
                        "systemctl\\s+" + OPTS + "(?:status|is-active)\\s+" + arg("s"),
                        "check",
                        "checked",
                        m -> "the status of " + svc(m)),
                Rule.of("service\\s+" + arg("s") + "\\s+restart" + END, "restart", "restarted", m -> svc(m)),
                Rule.of("service\\s+" + arg("s") + "\\s+start" + END, "start", "started", m -> svc(m)),
                Rule.of("service\\s+" + arg("s") + "\\s+stop" + END, "stop", "stopped", m -> svc(m)),
                Rule.of(
                        "service\\s+" + arg("s") + "\\s+status" + END,
                        "check",
                        "checked",
                        m -> "the status of " + svc(m)),
                Rule.of("journalctl\\s+.*-u\\s+" + arg("s"), "read", "read", m -> "the log of " + svc(m)),
                Rule.of("(?:journalctl|dmesg)" + END, "read", "read", "the system log"),
                // processes
                Rule.of(
                        "pgrep\\s+" + OPTS + arg("p"),
                        "check",
                        "checked",
                        m -> "whether the program " + arg(m, "p") + " is running"),
                Rule.of("ps" + END, "list", "listed", "the programs running on the computer"),
                Rule.of("(?:top|htop|uptime)" + END, "check", "checked", "how busy the computer is"),
                Rule.of(
                        "(?:pkill|killall)\\s+" + OPTS + arg("p"),
                        "close",
                        "closed",
                        m -> "the program " + arg(m, "p")),
                Rule.of(
                        "kill\\s+" + OPTS + "(?<p>\\d+)",
                        "stop",
                        "stopped",
                        m -> "the program with process number " + m.group("p")),
                // network
                Rule.of(
                        "ping\\s+" + OPTS + arg("h"),
                        "check",
                        "checked",
                        m -> "the network connection to " + arg(m, "h")),
                Rule.of(
                        "(?:curl|wget)\\s+" + OPTS + arg("h"),
                        "check",
                        "checked",
                        m -> "that " + arg(m, "h") + " responds"),
                Rule.of(
                        "(?:dig|nslookup|host)\\s+" + OPTS + arg("h"),
                        "look up",
                        "looked up",
                        m -> "the address of " + arg(m, "h")),
                Rule.of(
                        "(?:traceroute|tracepath)\\s+" + OPTS + arg("h"),
                        "trace",
                        "traced",
                        m -> "the network route to " + arg(m, "h")),
                Rule.of(
                        "(?:ip\\s+(?:-\\w+\\s+)*(?:a|addr|address|link|route|r)|ifconfig|nmcli)" + END,
                        "look up",
                        "looked up",
                        "the network settings"),
                Rule.of("(?:ss|netstat|lsof\\s+-i)" + END, "list", "listed", "the open network connections"),
                // disks
                Rule.of("df" + END, "check", "checked", "the free disk space"),
                Rule.of(
                        "du\\s+" + OPTS + arg("f"),
                        "measure",
                        "measured",
                        m -> "how much space " + arg(m, "f") + " uses"),
                Rule.of("(?:lsblk|fdisk\\s+-l|diskutil\\s+list)" + END, "list", "listed", "the disks"),
                Rule.of("(?:fsck|diskutil\\s+verifyvolume)" + END, "check", "checked", "the disk for errors"),
                // files
                Rule.of("ls\\s+" + OPTS + arg("f"), "list", "listed", m -> "the files in " + arg(m, "f")),
                Rule.of("ls" + END, "list", "listed", "the files in the current folder"),
                Rule.of(
                        "(?:cat|less|more|head|tail)\\s+" + OPTS + arg("f"),
                        "read",
                        "read",
                        m -> "the file " + arg(m, "f")),
                Rule.of("rm\\s+" + OPTS + arg("f"), "delete", "deleted", m -> Names.files(arg(m, "f"))),
                Rule.of(
                        "cp\\s+" + OPTS + arg("a") + "\\s+" + arg("b"),
                        "copy",
                        "copied",
                        m -> arg(m, "a") + " to " + arg(m, "b")),
                Rule.of(
                        "mv\\s+" + OPTS + arg("a") + "\\s+" + arg("b"),
                        "move",
                        "moved",
                        m -> arg(m, "a") + " to " + arg(m, "b")),
                Rule.of("mkdir\\s+" + OPTS + arg("f"), "create", "created", m -> "the folder " + arg(m, "f")),
                Rule.of(
                        "(?:chmod|chown)\\s+" + OPTS + "\\S+\\s+" + arg("f"),
                        "change",
                        "changed",
                        m -> "who may use " + arg(m, "f")),
                Rule.of("find\\s+" + arg("f"), "search", "searched", m -> "for files in " + arg(m, "f")),
                // users
                Rule.of(
                        "(?:useradd|adduser)\\s+" + OPTS + arg("u"),
                        "create",
                        "created",
                        m -> "the user account " + arg(m, "u")),
                Rule.of(
                        "(?:userdel|deluser)\\s+" + OPTS + arg("u"),
                        "delete",
                        "deleted",
                        m -> "the user account " + arg(m, "u")),
                Rule.of("passwd\\s+" + OPTS + arg("u"), "change", "changed", m -> "the password of " + arg(m, "u")),
                Rule.of(
                        "usermod\\s+-a?G\\s+" + arg("g") + "\\s+" + arg("u"),
                        "add",
                        "added",
                        m -> arg(m, "u") + " to the " + arg(m, "g") + " group"),
                Rule.of("(?:who|w|users|last)" + END, "check", "checked", "who is signed in"),
                // updates
                Rule.of(
                        "(?:apt|apt-get)\\s+" + OPTS + "update" + END,
                        "refresh",
                        "refreshed",
                        "the list of available updates"),
                Rule.of(
                        "(?:apt|apt-get|dnf|yum)\\s+" + OPTS + "(?:upgrade|dist-upgrade|full-upgrade|update)" + END,
                        "install",
                        "installed",
                        "the available updates"),
                Rule.of(
                        "(?:apt|apt-get|dnf|yum|brew)\\s+" + OPTS + "install\\s+" + OPTS + arg("p"),
                        "install",
                        "installed",
                        m -> "the software package " + arg(m, "p")),
                Rule.of(
                        "(?:apt|apt-get|dnf|yum|brew)\\s+" + OPTS + "(?:remove|purge|uninstall)\\s+" + OPTS + arg("p"),
                        "remove",
                        "removed",
                        m -> "the software package " + arg(m, "p")),
                Rule.of("softwareupdate\\s+(?:-l|--list)" + END, "check", "checked", "for macOS updates"),
                Rule.of("softwareupdate\\s+(?:-i|--install)" + END, "install", "installed", "macOS updates"),
                // the computer as a whole
                Rule.of("(?:reboot|shutdown\\s+-r)" + END, "restart", "restarted", "the computer"),
                Rule.of("(?:poweroff|halt|shutdown)" + END, "shut down", "shut down", "the computer"),
                Rule.of(
                        "(?:uname|hostnamectl|sw_vers|lsb_release)" + END,
                        "collect",
                        "collected",
                        "information about the computer"));
    }

    private static String svc(Matcher m) {
        return Names.unixService(arg(m, "s"));
    }
}
