/**
 * fabric-cicd {@code parameter.yml}: the domain records and {@link
 * org.dbb.console.core.workspace.params.ParameterFileValidator}, which reaches fabric-cicd 1.3.0's valid/invalid
 * verdict on every file and positions each problem by file, line and column.
 *
 * <p>How it stays faithful: SnakeYAML only composes the node tree; typing follows PyYAML's SafeLoader (YAML 1.1
 * resolvers, its constructors, its tab, anchor and directive rules where SnakeYAML is laxer, its error texts), and
 * fabric-cicd's duplicate-key traversal is reproduced. Python's {@code re} parser, jsonpath_ng's lexer and LALR
 * grammar (with PLY's conflict resolution) and fabric-cicd's path and variable parsing are re-implemented rather than
 * approximated with Java's regex or Jayway, whose accepted languages differ.
 *
 * <p>Deliberate differences from fabric-cicd 1.3.0, none of which changes a verdict on an existing file:
 * <ul>
 *   <li>It does not stop at the first error: later independent errors are reported too (the first error is the
 *       one fabric-cicd reports). An entry stops at its own first error, so there are no follow-on errors.</li>
 *   <li>Crashes become errors with a message: environment keys that YAML reads as booleans or numbers (TypeError),
 *       entries that are not mappings, a file that is a list (AttributeError), explicit tags PyYAML cannot build.</li>
 *   <li>A comment-only file (and one emptied by template merging) gets a real message; fabric-cicd's is empty.</li>
 *   <li>A missing parameter file is an error; fabric-cicd skips parameterization with a warning.</li>
 *   <li>{@code $ENV:} tokens are not substituted (fabric-cicd does so only behind a feature flag and only for OS
 *       variables literally named {@code $ENV:x}); they stay literal, as with the flag off, and are warned about.</li>
 *   <li>Messages fabric-cicd logs at debug level for key_value_replace (missing target environment, unmatched
 *       filters) are reported as warnings; for list filters every missing value is reported, with a note that
 *       fabric-cicd only looks at the last one.</li>
 *   <li>Warnings are added for problems fabric-cicd only meets while publishing: find values starting with
 *       {@code $}, replace values that are not valid variables, regexes without exactly one capture group, paths
 *       that select an object, a boolean replaced by a quoted string, or nothing.</li>
 *   <li>Wildcard {@code file_path} values are matched case-sensitively and backslashes are treated as separators,
 *       as on the Linux and Windows agents fabric-cicd runs on respectively.</li>
 * </ul>
 */
package org.dbb.console.core.workspace.params;
