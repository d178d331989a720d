package org.dbb.console.core.workspace.params.resolve;

/** How fabric-cicd and the console name entries in messages. Stateless and thread-safe. */
final class EntryLabels {

    private EntryLabels() {
    }

    /** fabric-cicd's form: {@code find_replace 2}, or just {@code find_replace} when the list has one entry. */
    static String fabric(String list, int number, int listSize) {
        return listSize > 1 ? list + " " + number : list;
    }

    /** The console's form, always numbered: {@code find_replace 2}. */
    static String numbered(String list, int number) {
        return list + " " + number;
    }

    /** fabric-cicd's "replacement will be skipped" sentence. */
    static String skipped(String valueType, String findValue, String reason, String fabricLabel) {
        return "The " + valueType + " '" + findValue + "' replacement will be skipped due to " + reason
                + " in parameter " + fabricLabel;
    }
}
