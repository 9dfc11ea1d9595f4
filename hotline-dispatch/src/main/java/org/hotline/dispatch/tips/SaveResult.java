package org.hotline.dispatch.tips;

/** The stored tip, and whether this submission created it (false: a repeat of an id already saved). */
record SaveResult(StoredTip tip, boolean created) {
}
