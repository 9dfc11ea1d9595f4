package org.hotline.agi.server;

/** Told about every FastAGI connection that opens, closes, or is refused, so metrics can follow them. */
interface ConnectionWatcher {
    void opened();

    void closed();

    void refused(RefusalReason reason);
}
