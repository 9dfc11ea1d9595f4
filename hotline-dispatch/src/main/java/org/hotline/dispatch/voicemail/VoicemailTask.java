package org.hotline.dispatch.voicemail;

import java.time.Instant;

/**
 * A voice message as the task list shows it: no caller data, and no file name.
 *
 * @param claimedByMe whether the person asking holds it (false: nobody does yet)
 */
record VoicemailTask(String callId, String language, String purpose, String priority, Instant receivedAt,
                     boolean claimedByMe, Instant claimedAt, Instant doneAt) {
}
