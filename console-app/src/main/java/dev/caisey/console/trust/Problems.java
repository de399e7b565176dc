package dev.caisey.console.trust;

/** Words for a low-level failure: the innermost cause's kind and message, without a stack trace. */
public final class Problems {
    private Problems() {}

    /** "ConnectException (Connection refused)". */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
