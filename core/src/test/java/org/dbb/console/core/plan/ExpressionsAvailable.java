package org.dbb.console.core.plan;

import org.junit.jupiter.api.Assumptions;

import org.dbb.console.core.expr.ExpressionParser;

/** Skips a test that needs the expression grammar when this build does not have it yet. Stateless. */
final class ExpressionsAvailable {

    private ExpressionsAvailable() {
    }

    static void assume() {
        boolean available;
        try {
            new ExpressionParser().parse("@pipeline().RunId");
            available = true;
        } catch (UnsupportedOperationException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "skipped: the expression parser is not in this build yet; plans parse"
                + " every pipeline expression");
    }
}
