package dev.caisey.agent.exec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kills a process and everything it started. The descendants are listed before the root dies (after that they are
 * orphans no longer linked to it); each is asked for its own children again just before it is killed, in a bounded
 * number of rounds, so a child forked meanwhile is caught too.
 */
public final class ProcessTree {
    /** Rounds of looking for children forked while the tree was being killed. */
    static final int KILL_ROUNDS = 5;

    private ProcessTree() {}

    /** Kills {@code root} and its descendants forcibly; returns every process it tried to kill. */
    public static List<ProcessHandle> kill(ProcessHandle root) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        List<ProcessHandle> round = new ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        all.add(root);
        for (int i = 0; i < KILL_ROUNDS && !round.isEmpty(); i++) {
            List<ProcessHandle> next = new ArrayList<>();
            for (ProcessHandle process : round) {
                if (all.add(process) || process.isAlive()) {
                    next.addAll(process.children().toList());
                    process.destroyForcibly();
                }
            }
            next.removeIf(p -> !p.isAlive());
            round = next;
        }
        return List.copyOf(all);
    }
}
