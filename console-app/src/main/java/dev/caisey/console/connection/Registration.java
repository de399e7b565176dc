package dev.caisey.console.connection;

/**
 * A listener's place on a list, returned when it is added: closing it removes the listener, so a view that goes away
 * stops being told. Closing twice does nothing.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    /** Removes the listener. */
    @Override
    void close();

    /** The registration of {@code listener} on {@code list}. */
    static <T> Registration of(java.util.Collection<T> list, T listener) {
        return () -> list.remove(listener);
    }
}
