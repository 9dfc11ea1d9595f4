package org.hotline.core.storage;

/**
 * A write that needs a record another writer has not stored yet: a dispatch step of a call whose entry the IVR
 * (perhaps on another node, perhaps held back by a database outage) is still writing. {@link PatientWriter}
 * tries such a write again, as it does one the database refused for being unreachable.
 */
public final class NotYetStored extends RuntimeException {
    /** @param what the record that is missing, in words, without data */
    public NotYetStored(String what) {
        super(what + " is not stored yet", null, false, false);
    }
}
