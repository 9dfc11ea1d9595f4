package org.hotline.dispatch.audit;

import java.util.List;

/**
 * The append-only audit trail. It offers insert and read only: nothing here changes or removes a row, and a test
 * scans the code base to keep it so (the future retention purge will be the one audited exception).
 * Blocking: call it from worker or virtual threads.
 */
public interface AuditTrail {

    /** Appends one event; throws if it cannot be written, so callers show nothing unaudited. */
    void record(AuditEvent event);

    /** Every event about one record, oldest first. */
    List<AuditEvent> about(String subjectType, String subjectId);
}
