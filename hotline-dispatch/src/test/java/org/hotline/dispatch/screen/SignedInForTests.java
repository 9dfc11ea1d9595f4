package org.hotline.dispatch.screen;

import io.vertx.ext.web.Session;

/**
 * Test-only access to {@link SignedIn#store}, so API tests can sign a person in without the sign-in page. Main
 * code keeps {@code store} package-private: only the screen's sign-in may put a person in a session.
 */
public final class SignedInForTests {
    private SignedInForTests() {
    }

    public static void store(Session session, SignedIn who) {
        who.store(session);
    }
}
