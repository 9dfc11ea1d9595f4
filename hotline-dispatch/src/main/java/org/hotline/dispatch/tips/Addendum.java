package org.hotline.dispatch.tips;

import java.time.Instant;

/** Something learnt about a tip after it was saved, as appended: never edited, never removed by the screen. */
record Addendum(long id, String tipId, String authorId, String authorName, Instant at, String text) {
}
