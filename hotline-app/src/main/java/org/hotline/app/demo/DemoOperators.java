package org.hotline.app.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.operators.Role;

/**
 * The demo's three people: two operators and a manager. Each start gives them fresh random passwords, printed
 * once, so a demo database never has a known password.
 */
final class DemoOperators {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record Account(String username, String role, String password) {
    }

    private DemoOperators() {
    }

    static List<Account> ensure(OperatorDirectory directory) {
        PasswordHasher hasher = new PasswordHasher();
        List<Account> accounts = new ArrayList<>();
        accounts.add(ensure(directory, hasher, new NewOperator("demo-dari", "Demo operator (Dari, Pashto)",
                Role.OPERATOR, Set.of(Language.DARI, Language.PASHTO), true, "PJSIP/1001")));
        accounts.add(ensure(directory, hasher, new NewOperator("demo-urdu", "Demo operator (Urdu, Pashto, Tajik)",
                Role.OPERATOR, Set.of(Language.URDU, Language.PASHTO, Language.TAJIK), false, "PJSIP/1002")));
        // With a phone, so the demo manager can listen, whisper and join calls (the fake AMI's phones answer).
        accounts.add(ensure(directory, hasher, new NewOperator("demo-manager", "Demo manager", Role.MANAGER,
                Set.of(Language.DARI), false, "PJSIP/1004")));
        return accounts;
    }

    private static Account ensure(OperatorDirectory directory, PasswordHasher hasher, NewOperator operator) {
        String password = password();
        String hash = hasher.hash(password.toCharArray());
        if (directory.byUsername(operator.username()).isPresent()) {
            directory.setPasswordHash(operator.username(), hash);
            directory.setEnabled(operator.username(), true);
        } else {
            directory.add(operator, hash);
        }
        return new Account(operator.username(), operator.role().code(), password);
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
