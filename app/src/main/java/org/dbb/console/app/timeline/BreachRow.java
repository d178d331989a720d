package org.dbb.console.app.timeline;

/**
 * One threshold breach a monitoring notebook reported, as the step detail lists it; a field the notebook did not
 * report is empty. Immutable.
 *
 * @param check    what was measured
 * @param table    the table checked
 * @param expected the limit
 * @param actual   the measured value
 */
public record BreachRow(String check, String table, String expected, String actual) {
}
