package org.hotline.dispatch.people;

import java.security.SecureRandom;

/** A password made for a person when the admin types none: shown once to the admin, never stored in clear or logged. */
final class GeneratedPassword {
    /** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    static char[] make() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }
}
