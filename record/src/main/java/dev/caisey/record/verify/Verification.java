package dev.caisey.record.verify;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.export.RecordExport;

/** The verdict on an export: either every check passed, or the first problem found. */
public sealed interface Verification {

    /** A one-paragraph sentence for people. */
    String message();

    /**
     * Every check passed.
     *
     * @param export the verified document
     * @param lastCheckpoint the checkpoint with the highest {@code seq}
     * @param message a one-paragraph summary for people
     */
    record Verified(RecordExport export, Checkpoint lastCheckpoint, String message) implements Verification {}

    /**
     * A check failed; nothing after the first problem was checked.
     *
     * @param code what kind of problem
     * @param message which event or member, and what is wrong with it
     */
    record Refused(ErrorCode code, String message) implements Verification {}
}
