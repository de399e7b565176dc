package dev.caisey.installer.demo;

/** Something stopped the demo; the message says what, in words, and where to look. */
final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
