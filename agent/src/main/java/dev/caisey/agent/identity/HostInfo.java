package dev.caisey.agent.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the agent says about its endpoint when it enrolls and signs in: host name, operating system and its own version.
 *
 * @param hostname the host name ("PRN-ACCT-01")
 * @param os the operating system and version ("Linux 6.1.0")
 * @param agentVersion this agent's version
 */
public record HostInfo(String hostname, String os, String agentVersion) {
    /** Used when the jar carries no version (running from classes in tests). */
    public static final String DEVELOPMENT_VERSION = "0.1.0-dev";

    /** This machine, as far as Java can tell. */
    public static HostInfo current() {
        String version = HostInfo.class.getPackage().getImplementationVersion();
        return new HostInfo(
                localHostname(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                version == null ? DEVELOPMENT_VERSION : version);
    }

    private static String localHostname() {
        String fromEnvironment = System.getenv(isWindows() ? "COMPUTERNAME" : "HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Whether this is Windows. */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
