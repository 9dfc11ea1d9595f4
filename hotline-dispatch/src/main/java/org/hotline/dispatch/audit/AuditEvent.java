package org.hotline.dispatch.audit;

import java.time.Instant;
import org.hotline.dispatch.operators.Role;

/**
 * One row of the audit trail: who did what to which record, and when. No record content, ever. Held as the
 * stored codes, because the trail is shared: the retention purge writes rows too, with no person as actor.
 *
 * @param at          when it happened
 * @param actorId     the operator id of the person who did it, or null for the system
 * @param actorRole   their role code at the time ({@code operator}, {@code manager}, {@code admin}), or the
 *                    writer's own word for a non-person actor
 * @param action      what was done, for example {@code tip-opened}
 * @param subjectType the kind of record: {@code tip}, {@code call}, ...
 * @param subjectId   the id of the record
 */
public record AuditEvent(Instant at, String actorId, String actorRole, String action, String subjectType,
                         String subjectId) {

    /** Something a signed-in person did. */
    public static AuditEvent by(Instant at, String actorId, Role role, AuditAction action, String subjectId) {
        return new AuditEvent(at, actorId, role.code(), action.code(), action.subjectType(), subjectId);
    }
}
