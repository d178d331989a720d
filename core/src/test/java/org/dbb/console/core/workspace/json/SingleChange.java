package org.dbb.console.core.workspace.json;

/**
 * The one region in which two texts differ, found by trimming their common prefix and suffix: what the old text had
 * there and what the new text has. A test helper for asserting that an edit touched only one place. Immutable.
 *
 * @param offset  where the region starts (same in both texts)
 * @param removed the old text's characters in the region
 * @param added   the new text's characters in the region
 */
public record SingleChange(int offset, String removed, String added) {

    public static SingleChange between(String before, String after) {
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new SingleChange(prefix, before.substring(prefix, before.length() - suffix),
                after.substring(prefix, after.length() - suffix));
    }
}
