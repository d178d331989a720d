package org.dbb.console.core.workspace.pipeline;

/**
 * Words for a retry count that show both retries and attempts, because Fabric's {@code retry} counts retries after
 * the first attempt and operators otherwise misread it: {@code 3 retries · up to 4 attempts}. Stateless.
 */
public final class RetryWording {

    private static final String SEPARATOR = " \u00b7 ";

    private RetryWording() {
    }

    /**
     * {@code no retries · 1 attempt}, {@code 1 retry · up to 2 attempts}, {@code 3 retries · up to 4 attempts}.
     *
     * @throws IllegalArgumentException when {@code retries} is negative
     */
    public static String describe(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries cannot be negative: " + retries);
        }
        if (retries == 0) {
            return "no retries" + SEPARATOR + "1 attempt";
        }
        long attempts = retries + 1L;
        return retries + (retries == 1 ? " retry" : " retries") + SEPARATOR + "up to " + attempts + " attempts";
    }
}
