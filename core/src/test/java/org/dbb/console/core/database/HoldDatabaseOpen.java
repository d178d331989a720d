package org.dbb.console.core.database;

import java.sql.Connection;
import java.sql.DriverManager;

/** Another program holding an H2 file open without sharing it, until its standard input closes. */
public final class HoldDatabaseOpen {

    static final String READY = "ready";

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
