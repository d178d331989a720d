package org.dbb.console.core.database;

/**
 * The embedded database could not be opened, migrated or used. The message names the file and what the operator
 * can do about it; it never carries a stack trace or a secret. Immutable.
 */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
