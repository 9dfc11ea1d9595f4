package org.hotline.app.screen;

import java.util.Set;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Operator;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.operators.Role;

/** Adds people straight to the directory, with real Argon2id hashes, as {@code hotline user add} would. */
final class People {
    static final String PASSWORD = "a long enough test password";

    private People() {
    }

    static Operator operator(Hotline hotline, String username, String displayName, Language language, String endpoint) {
        return add(hotline, new NewOperator(username, displayName, Role.OPERATOR, Set.of(language), false, endpoint));
    }

    static Operator manager(Hotline hotline, String username) {
        return add(hotline, new NewOperator(username, "Manager " + username, Role.MANAGER, Set.of(), false, null));
    }

    /** An admin: administers people, and sees what managers see. */
    static Operator admin(Hotline hotline, String username) {
        return add(hotline, new NewOperator(username, "Admin " + username, Role.ADMIN, Set.of(), false, null));
    }

    /** A manager with a phone: a supervisor who can listen, whisper and join calls. */
    static Operator supervisor(Hotline hotline, String username, String endpoint) {
        return add(hotline, new NewOperator(username, "Supervisor " + username, Role.MANAGER, Set.of(), false,
                endpoint));
    }

    private static Operator add(Hotline hotline, NewOperator person) {
        return new JooqOperatorDirectory(hotline.database().dsl()).add(person,
                new PasswordHasher().hash(PASSWORD.toCharArray()));
    }
}
