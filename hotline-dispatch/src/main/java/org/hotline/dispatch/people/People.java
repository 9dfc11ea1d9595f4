package org.hotline.dispatch.people;

import static org.hotline.core.db.Tables.OPERATORS;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * The people changes an admin makes, each in one transaction with its audit row (subject: the person's id; never a
 * password). A change that would leave no enabled admin is refused, with the admins' rows locked so two admins
 * demoting each other at once cannot both pass. Blocking: worker or virtual threads only.
 */
final class People {
    private final DSLContext dsl;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock;

    People(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A person as the list shows them, with their screen language (empty: English). */
    record Listed(Operator person, String interfaceLanguage) {
    }

    List<Listed> all() {
        OperatorDirectory directory = new JooqOperatorDirectory(dsl);
        return directory.all().stream()
                .map(o -> new Listed(o, directory.interfaceLanguage(o.id()).orElse(""))).toList();
    }

    Operator add(SignedIn admin, PeopleForm.Addition addition, char[] password) {
        String hash = hash(password);
        return dsl.transactionResult(tx -> {
            OperatorDirectory directory = new JooqOperatorDirectory(tx.dsl());
            if (directory.byUsername(addition.person().username()).isPresent()) {
                throw ApiError.conflict("username", "This username is taken.");
            }
            Operator added = directory.add(addition.person(), hash);
            audit(tx.dsl(), admin, AuditAction.PERSON_ADDED, added.id());
            return added;
        });
    }

    Operator updateProfile(SignedIn admin, String id, java.util.function.Function<Role, PeopleForm.Profile> read) {
        return dsl.transactionResult(tx -> {
            OperatorDirectory directory = new JooqOperatorDirectory(tx.dsl());
            Operator person = existing(directory, id);
            PeopleForm.Profile profile = read.apply(person.role());
            directory.updateProfile(id, profile.displayName(), profile.languages(), profile.interpreter(),
                    profile.endpoint());
            audit(tx.dsl(), admin, AuditAction.PERSON_EDITED, id);
            return directory.byId(id).orElseThrow();
        });
    }

    /** Changes the role; answers the person before the change and after it. */
    Operator[] setRole(SignedIn admin, String id, Role role) {
        return dsl.transactionResult(tx -> {
            OperatorDirectory directory = new JooqOperatorDirectory(tx.dsl());
            Operator person = existing(directory, id);
            if (person.role() == role) {
                return new Operator[] {person, person};
            }
            if (person.role() == Role.ADMIN && person.enabled()) {
                requireAnotherAdmin(tx.dsl(), id, "No enabled admin would be left. Make someone else admin first.");
            }
            if (role == Role.OPERATOR && (person.languages().isEmpty() || person.endpoint() == null)) {
                throw ApiError.conflict("role", "An operator needs languages and an endpoint: add them first.");
            }
            directory.setRole(id, role);
            audit(tx.dsl(), admin, AuditAction.PERSON_ROLE_CHANGED, id);
            return new Operator[] {person, directory.byId(id).orElseThrow()};
        });
    }

    Operator resetPassword(SignedIn admin, String id, char[] password) {
        String hash = hash(password);
        return dsl.transactionResult(tx -> {
            OperatorDirectory directory = new JooqOperatorDirectory(tx.dsl());
            Operator person = existing(directory, id);
            directory.setPasswordHash(person.username(), hash);
            audit(tx.dsl(), admin, AuditAction.PERSON_PASSWORD_RESET, id);
            return person;
        });
    }

    Operator setEnabled(SignedIn admin, String id, boolean enabled) {
        return dsl.transactionResult(tx -> {
            OperatorDirectory directory = new JooqOperatorDirectory(tx.dsl());
            Operator person = existing(directory, id);
            if (!enabled && person.role() == Role.ADMIN && person.enabled()) {
                requireAnotherAdmin(tx.dsl(), id, "No enabled admin would be left. Enable or make another admin first.");
            }
            if (person.enabled() != enabled) {
                directory.setEnabled(person.username(), enabled);
                audit(tx.dsl(), admin, enabled ? AuditAction.PERSON_ENABLED : AuditAction.PERSON_DISABLED, id);
            }
            return directory.byId(id).orElseThrow();
        });
    }

    private static Operator existing(OperatorDirectory directory, String id) {
        return directory.byId(id).orElseThrow(() -> ApiError.notFound("No such person."));
    }

    /** Locks the enabled admins' rows and refuses unless one other than {@code id} stays. */
    private static void requireAnotherAdmin(DSLContext tx, String id, String refusal) {
        List<String> admins = tx.select(OPERATORS.ID).from(OPERATORS)
                .where(OPERATORS.ROLE.eq(Role.ADMIN.code())).and(OPERATORS.ENABLED.isTrue())
                .forUpdate().fetch(OPERATORS.ID);
        if (admins.stream().noneMatch(a -> !a.equals(id))) {
            throw ApiError.conflict(refusal);
        }
    }

    private void audit(DSLContext tx, SignedIn admin, AuditAction action, String subjectId) {
        new JooqAuditTrail(tx).record(AuditEvent.by(clock.instant(), admin.operatorId(), admin.role(), action,
                subjectId));
    }

    private String hash(char[] password) {
        try {
            return hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
