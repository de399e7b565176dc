package dev.caisey.console.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What became of one command so far, step by step: requested → prompted → approved, declined or expired → started →
 * finished with its exit code (or cancelled, or stopped at its time limit). It exists so a manager settling a dispute
 * sees on the command's own line whether the client was asked and said yes before anything ran, without reading the
 * events in between. Paths are immutable; each event makes a longer one.
 *
 * @param steps the steps in the order they were recorded
 * @param lastSeq the {@code seq} of the newest step's event, the end of the command's output when it has ended
 */
public record ApprovalPath(List<Step> steps, long lastSeq) {
    /** A stage of a command's path. */
    public enum Stage {
        /** The technician asked for the command. */
        REQUESTED("requested"),
        /** The client was asked to approve it ({@code approval.requested}). */
        PROMPTED("prompted"),
        /** The client approved. */
        APPROVED("approved"),
        /** The client declined; nothing ran. */
        DENIED("declined"),
        /** Nobody answered in time; nothing ran. */
        EXPIRED("expired"),
        /** It started on the computer. */
        STARTED("started"),
        /** It finished with an exit code. */
        FINISHED("finished"),
        /** It was stopped before it finished. */
        CANCELLED("cancelled"),
        /** It was stopped at its time limit. */
        TIMED_OUT("timed out");

        private final String words;

        Stage(String words) {
            this.words = words;
        }

        /** The stage in words, "declined". */
        public String words() {
            return words;
        }

        /** Whether the command can go no further after this stage. */
        public boolean ends() {
            return this == DENIED || this == EXPIRED || this == FINISHED || this == CANCELLED || this == TIMED_OUT;
        }
    }

    /**
     * One step.
     *
     * @param stage what happened
     * @param time the local time it happened, "10:16:01"
     * @param note what to add in words ("by Maria Lopez", "exit 0"), or empty
     */
    public record Step(Stage stage, String time, String note) {
        /** Checks the members. */
        public Step {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(note, "note");
        }

        /** "approved 10:16:01 by Maria Lopez". */
        public String words() {
            return stage.words() + " " + time + (note.isEmpty() ? "" : " " + note);
        }
    }

    /** Copies the steps. */
    public ApprovalPath {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a command's path starts with its request; it has no steps");
        }
    }

    /** The path of a command just requested at {@code time} by event {@code seq}. */
    public static ApprovalPath requested(String time, long seq) {
        return new ApprovalPath(List.of(new Step(Stage.REQUESTED, time, "")), seq);
    }

    /** This path with one more step, recorded by event {@code seq}. */
    public ApprovalPath then(Stage stage, String time, String note, long seq) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(new Step(stage, time, note));
        return new ApprovalPath(longer, seq);
    }

    /** The stages in order, for tests and styling. */
    public List<Stage> stages() {
        return steps.stream().map(Step::stage).toList();
    }

    /** The newest stage. */
    public Stage current() {
        return steps.getLast().stage();
    }

    /** Whether the command has ended (finished, refused, expired, cancelled or timed out). */
    public boolean ended() {
        return current().ends();
    }

    /** "requested 10:15:53 → prompted 10:15:53 → approved 10:16:01 by Maria Lopez → started 10:16:04 → finished…". */
    public String text() {
        return steps.stream().map(Step::words).collect(Collectors.joining(" → "));
    }
}
