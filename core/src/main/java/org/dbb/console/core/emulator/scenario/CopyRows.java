package org.dbb.console.core.emulator.scenario;

/**
 * What one Copy activity of a pipeline reports in its output: rows read from the source and rows copied to the sink.
 * Immutable.
 *
 * @param read   {@code rowsRead}
 * @param copied {@code rowsCopied}; at most {@code read}
 */
public record CopyRows(long read, long copied) {

    public CopyRows {
        if (read < 0 || copied < 0) {
            throw new IllegalArgumentException("row counts cannot be negative: read " + read + ", copied " + copied);
        }
        if (copied > read) {
            throw new IllegalArgumentException("a copy cannot write more rows than it read: read " + read
                    + ", copied " + copied);
        }
    }

    /** A copy that wrote every row it read. */
    public static CopyRows all(long rows) {
        return new CopyRows(rows, rows);
    }
}
