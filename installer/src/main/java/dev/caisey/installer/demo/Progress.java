package dev.caisey.installer.demo;

import java.io.PrintStream;

/** What the demo tells the person who started it: one line per step, then what to try. */
final class Progress {
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        out.println("• " + what + "…");
        out.flush();
    }

    void say(String line) {
        out.println(line);
        out.flush();
    }
}
