package dev.caisey.report.phrasebook;

import dev.caisey.record.event.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a command (its shell and script) into a sentence a person without technical training understands: {@code
 * Restart-Service Spooler} is "Restarted the Print Spooler service", {@code Get-Service Spooler} is "Checked the status
 * of the Print Spooler service".
 *
 * <p>A script is split into statements (at {@code ;}, {@code &&}, {@code ||} and line ends outside quotes); each
 * statement's pipeline is read from its first stage the rules understand. Up to {@value #MAX_STEPS} understood
 * statements are joined with "then"; a script no rule understands reads "Ran a command on the computer". Comments,
 * {@code echo} and the like say nothing and are skipped. The rules cover services, the registry, processes, the
 * network, disks, files, users and updates, for PowerShell ({@link PowerShellRules}) and {@code sh} ({@link ShRules}).
 */
public final class Phrasebook {
    /** How many understood statements a sentence names before "and N more steps". */
    public static final int MAX_STEPS = 3;

    private static final Pattern SILENT = Pattern.compile(
            "(?i)(?:#.*|echo\\b.*|write-(?:host|output|verbose)\\b.*|set\\s+-[eux]+.*|\\$erroractionpreference\\s*=.*"
                    + "|import-module\\b.*|param\\s*\\(.*|exit(?:\\s+\\d+)?)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\$[\\w:]+\\s*=\\s*");
    private static final Pattern SUDO = Pattern.compile("^(?:sudo\\s+(?:-\\w+\\s+)*)+");

    private final Map<Shell, List<Rule>> rules;

    private Phrasebook(Map<Shell, List<Rule>> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** The phrasebook with the built-in rules for PowerShell and sh. */
    public static Phrasebook standard() {
        return new Phrasebook(Map.of(Shell.POWERSHELL, PowerShellRules.rules(), Shell.SH, ShRules.rules()));
    }

    /** The phrase for a script run in a shell; never {@code null}, {@link Phrase#FALLBACK} when nothing is understood. */
    public Phrase phrase(Shell shell, String script) {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(script, "script");
        List<Phrase> steps = new ArrayList<>();
        int unknown = 0;
        for (String statement : Statements.split(script)) {
            String s = statement.strip();
            if (s.isEmpty() || SILENT.matcher(s).matches()) {
                continue;
            }
            Optional<Phrase> phrase = pipeline(shell, s);
            if (phrase.isPresent()) {
                if (!steps.contains(phrase.get())) {
                    steps.add(phrase.get());
                }
            } else {
                unknown++;
            }
        }
        return join(steps, unknown);
    }

    private Optional<Phrase> pipeline(Shell shell, String statement) {
        String body = ASSIGNMENT.matcher(statement).replaceFirst("");
        for (String stage : Statements.stages(body)) {
            String command = SUDO.matcher(stage.strip()).replaceFirst("");
            for (Rule rule : rules.get(shell)) {
                Optional<Phrase> phrase = rule.phrase(command);
                if (phrase.isPresent()) {
                    return phrase;
                }
            }
        }
        return Optional.empty();
    }

    private static Phrase join(List<Phrase> steps, int unknown) {
        if (steps.isEmpty()) {
            return Phrase.FALLBACK;
        }
        Phrase joined = steps.getFirst();
        for (Phrase step : steps.subList(1, Math.min(steps.size(), MAX_STEPS))) {
            joined = joined.then(step);
        }
        int more = steps.size() - MAX_STEPS;
        if (more > 0) {
            String tail = ", and " + more + (more == 1 ? " more step" : " more steps");
            joined = new Phrase(joined.todo() + tail, joined.done() + tail, true);
        }
        if (unknown > 0) {
            String tail = unknown == 1 ? ", and ran one more command" : ", and ran " + unknown + " more commands";
            joined = new Phrase(joined.todo() + tail.replace("ran", "run"), joined.done() + tail, true);
        }
        return joined;
    }
}
