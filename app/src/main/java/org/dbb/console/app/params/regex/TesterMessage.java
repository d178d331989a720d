package org.dbb.console.app.params.regex;

/**
 * A sentence the tester shows above the matches. Immutable.
 *
 * @param error whether fabric-cicd would refuse the entry or stop the deployment (else it does nothing useful)
 * @param text  the sentence
 */
public record TesterMessage(boolean error, String text) {
}
