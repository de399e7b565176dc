/** The technician's client: the client core, the {@code caisey} command line and (later) the desktop console. */
package dev.caisey.console;
