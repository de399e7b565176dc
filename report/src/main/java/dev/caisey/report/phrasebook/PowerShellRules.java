package dev.caisey.report.phrasebook;

import static dev.caisey.report.phrasebook.Names.END;
import static dev.caisey.report.phrasebook.Names.PS_NAME;
import static dev.caisey.report.phrasebook.Names.arg;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The phrasebook's rules for PowerShell on Windows, including the classic Windows tools PowerShell runs as well
 * ({@code ipconfig}, {@code net}, {@code reg}, {@code sc}). Order matters: the first rule that matches wins, so the
 * specific form of a command comes before its general form.
 */
final class PowerShellRules {
    private PowerShellRules() {}

    static List<Rule> rules() {
        return List.of(
                // services
                Rule.of("restart-service\\s+" + PS_NAME + arg("s"), "restart", "restarted", m -> svc(m)),
                Rule.of("start-service\\s+" + PS_NAME + arg("s"), "start", "started", m -> svc(m)),
                Rule.of("stop-service\\s+" + PS_NAME + arg("s"), "stop", "stopped", m -> svc(m)),
                Rule.of(
                        "set-service\\s+" + PS_NAME + arg("s") + ".*-startuptype\\s+" + arg("t"),
                        "set",
                        "set",
                        m -> svc(m) + " to start " + startup(arg(m, "t"))),
                Rule.of("get-service\\s+" + PS_NAME + arg("s"), "check", "checked", m -> "the status of " + svc(m)),
                Rule.of("get-service" + END, "list", "listed", "the services of the computer"),
                Rule.of("sc(?:\\.exe)?\\s+query\\s+" + arg("s"), "check", "checked", m -> "the status of " + svc(m)),
                Rule.of("sc(?:\\.exe)?\\s+stop\\s+" + arg("s"), "stop", "stopped", m -> svc(m)),
                Rule.of("sc(?:\\.exe)?\\s+start\\s+" + arg("s"), "start", "started", m -> svc(m)),
                Rule.of("net\\s+(?:stop)\\s+" + arg("s"), "stop", "stopped", m -> svc(m)),
                Rule.of("net\\s+(?:start)\\s+" + arg("s"), "start", "started", m -> svc(m)),
                // print queue
                Rule.of("(?:get-printjob|get-printer)" + END, "check", "checked", "the printers and their queues"),
                Rule.of("remove-printjob" + END, "clear", "cleared", "stuck jobs from the print queue"),
                // registry
                Rule.of(
                        "(?:get-itemproperty|get-itempropertyvalue)\\s+" + PS_NAME + arg("k"),
                        "read",
                        "read",
                        m -> Names.registryPlace(arg(m, "k"))),
                Rule.of(
                        "(?:set-itemproperty|new-itemproperty)\\s+" + PS_NAME + arg("k"),
                        "change",
                        "changed",
                        m -> Names.registryPlace(arg(m, "k"))),
                Rule.of(
                        "remove-itemproperty\\s+" + PS_NAME + arg("k"),
                        "remove",
                        "removed",
                        m -> Names.registryPlace(arg(m, "k"))),
                Rule.of(
                        "reg(?:\\.exe)?\\s+query\\s+" + arg("k"),
                        "read",
                        "read",
                        m -> Names.registryPlace(arg(m, "k"))),
                Rule.of(
                        "reg(?:\\.exe)?\\s+add\\s+" + arg("k"),
                        "change",
                        "changed",
                        m -> Names.registryPlace(arg(m, "k"))),
                Rule.of(
                        "reg(?:\\.exe)?\\s+delete\\s+" + arg("k"),
                        "remove",
                        "removed",
                        m -> Names.registryPlace(arg(m, "k"))),
                // processes
                Rule.of(
                        "get-process\\s+" + PS_NAME + arg("p"),
                        "check",
                        "checked",
                        m -> "whether the program " + Names.program(arg(m, "p")) + " is running"),
                Rule.of("(?:get-process|tasklist)" + END, "list", "listed", "the programs running on the computer"),
                Rule.of(
                        "stop-process\\s+-id\\s+" + arg("p"),
                        "close",
                        "closed",
                        m -> "the program with process number " + arg(m, "p")),
                Rule.of(
                        "stop-process\\s+" + PS_NAME + arg("p"),
                        "close",
                        "closed",
                        m -> "the program " + Names.program(arg(m, "p"))),
                Rule.of(
                        "taskkill(?:\\.exe)?\\s+.*/im\\s+" + arg("p"),
                        "close",
                        "closed",
                        m -> "the program " + Names.program(arg(m, "p"))),
                Rule.of(
                        "start-process\\s+" + PS_NAME + arg("p"),
                        "start",
                        "started",
                        m -> "the program " + Names.program(arg(m, "p"))),
                // network
                Rule.of(
                        "test-netconnection\\s+" + PS_NAME + arg("h") + ".*-port\\s+" + arg("port"),
                        "check",
                        "checked",
                        m -> "that " + arg(m, "h") + " can be reached on port " + arg(m, "port")),
                Rule.of(
                        "(?:test-connection|test-netconnection|ping(?:\\.exe)?)\\s+(?:-\\w+\\s+\\S+\\s+)*" + PS_NAME
                                + arg("h"),
                        "check",
                        "checked",
                        m -> "the network connection to " + arg(m, "h")),
                Rule.of(
                        "(?:ipconfig(?:\\.exe)?\\s+/flushdns|clear-dnsclientcache)" + END,
                        "clear",
                        "cleared",
                        "the computer's list of remembered web addresses (DNS cache)"),
                Rule.of("ipconfig(?:\\.exe)?\\s+/renew" + END, "renew", "renewed", "the computer's network address"),
                Rule.of(
                        "(?:ipconfig(?:\\.exe)?|get-netipconfiguration|get-netipaddress)" + END,
                        "look up",
                        "looked up",
                        "the network settings"),
                Rule.of(
                        "(?:resolve-dnsname|nslookup(?:\\.exe)?)\\s+" + PS_NAME + arg("h"),
                        "look up",
                        "looked up",
                        m -> "the address of " + arg(m, "h")),
                Rule.of(
                        "restart-netadapter\\s+" + PS_NAME + arg("a"),
                        "restart",
                        "restarted",
                        m -> "the network adapter " + arg(m, "a")),
                Rule.of("get-netadapter" + END, "list", "listed", "the network adapters"),
                Rule.of(
                        "tracert(?:\\.exe)?\\s+" + arg("h"),
                        "trace",
                        "traced",
                        m -> "the network route to " + arg(m, "h")),
                // disks
                Rule.of(
                        "(?:get-psdrive|get-volume|get-disk|get-ciminstance\\s+(?:-classname\\s+)?win32_logicaldisk)"
                                + END,
                        "check",
                        "checked",
                        "the disks and their free space"),
                Rule.of("(?:chkdsk(?:\\.exe)?|repair-volume)" + END, "check", "checked", "the disk for errors"),
                Rule.of("optimize-volume" + END, "optimise", "optimised", "the disk"),
                Rule.of("clear-recyclebin" + END, "empty", "emptied", "the Recycle Bin"),
                // files
                Rule.of(
                        "(?:get-childitem|dir|ls|gci)\\s+" + PS_NAME + arg("f"),
                        "list",
                        "listed",
                        m -> "the files in " + arg(m, "f")),
                Rule.of("(?:get-childitem|dir|ls|gci)" + END, "list", "listed", "the files in the current folder"),
                Rule.of(
                        "(?:get-content|type|cat|gc)\\s+" + PS_NAME + arg("f"),
                        "read",
                        "read",
                        m -> "the file " + arg(m, "f")),
                Rule.of("(?:remove-item|del|rm|erase)\\s+" + PS_NAME + arg("f"), "delete", "deleted", m -> arg(m, "f")),
                Rule.of(
                        "(?:copy-item|copy|cp)\\s+" + PS_NAME + arg("a") + "\\s+(?:-destination\\s+)?" + arg("b"),
                        "copy",
                        "copied",
                        m -> arg(m, "a") + " to " + arg(m, "b")),
                Rule.of(
                        "(?:move-item|move|mv)\\s+" + PS_NAME + arg("a") + "\\s+(?:-destination\\s+)?" + arg("b"),
                        "move",
                        "moved",
                        m -> arg(m, "a") + " to " + arg(m, "b")),
                Rule.of(
                        "(?:new-item\\s+.*-itemtype\\s+directory.*|mkdir|md)\\s+" + PS_NAME + arg("f"),
                        "create",
                        "created",
                        m -> "the folder " + arg(m, "f")),
                Rule.of(
                        "test-path\\s+" + PS_NAME + arg("f"),
                        "check",
                        "checked",
                        m -> "whether " + arg(m, "f") + " exists"),
                // users
                Rule.of("get-localuser" + END, "list", "listed", "the user accounts on the computer"),
                Rule.of(
                        "new-localuser\\s+" + PS_NAME + arg("u"),
                        "create",
                        "created",
                        m -> "the user account " + arg(m, "u")),
                Rule.of(
                        "remove-localuser\\s+" + PS_NAME + arg("u"),
                        "delete",
                        "deleted",
                        m -> "the user account " + arg(m, "u")),
                Rule.of(
                        "disable-localuser\\s+" + PS_NAME + arg("u"),
                        "disable",
                        "disabled",
                        m -> "the user account " + arg(m, "u")),
                Rule.of(
                        "enable-localuser\\s+" + PS_NAME + arg("u"),
                        "enable",
                        "enabled",
                        m -> "the user account " + arg(m, "u")),
                Rule.of(
                        "set-localuser\\s+" + PS_NAME + arg("u") + ".*-password.*",
                        "reset",
                        "reset",
                        m -> "the password of " + arg(m, "u")),
                Rule.of(
                        "add-localgroupmember\\s+-group\\s+" + arg("g") + "\\s+-member\\s+" + arg("u"),
                        "add",
                        "added",
                        m -> arg(m, "u") + " to the " + arg(m, "g") + " group"),
                Rule.of(
                        "net(?:\\.exe)?\\s+user\\s+" + arg("u") + "\\s+/active:no",
                        "disable",
                        "disabled",
                        m -> "the user account " + arg(m, "u")),
                Rule.of("(?:quser|query\\s+user)(?:\\.exe)?" + END, "check", "checked", "who is signed in"),
                // updates
                Rule.of("get-hotfix" + END, "list", "listed", "the installed Windows updates"),
                Rule.of(
                        "(?:get-windowsupdate|usoclient(?:\\.exe)?\\s+startscan)" + END,
                        "check",
                        "checked",
                        "for Windows updates"),
                Rule.of(
                        "(?:install-windowsupdate|usoclient(?:\\.exe)?\\s+startinstall)" + END,
                        "install",
                        "installed",
                        "the available Windows updates"),
                // the computer as a whole
                Rule.of("restart-computer" + END, "restart", "restarted", "the computer"),
                Rule.of("stop-computer" + END, "shut down", "shut down", "the computer"),
                Rule.of(
                        "(?:get-computerinfo|systeminfo(?:\\.exe)?)" + END,
                        "collect",
                        "collected",
                        "information about the computer"),
                Rule.of("gpupdate(?:\\.exe)?" + END, "refresh", "refreshed", "the computer's group policy settings"),
                Rule.of("sfc(?:\\.exe)?\\s+/scannow" + END, "check", "checked", "Windows system files for damage"),
                Rule.of("(?:get-eventlog|get-winevent)" + END, "read", "read", "the Windows event log"));
    }

    private static String svc(Matcher m) {
        return Names.windowsService(arg(m, "s"));
    }

    private static String startup(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "automatic" -> "automatically";
            case "manual" -> "only when needed";
            case "disabled" -> "never (disabled)";
            default -> type;
        };
    }
}
