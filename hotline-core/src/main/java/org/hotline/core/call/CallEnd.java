package org.hotline.core.call;

import java.time.Instant;

/**
 * What the dialplan's hangup handler reports when a call ends.
 *
 * @param asteriskUniqueId the channel's unique id, always present
 * @param callId           our call id if the IVR got far enough to set it, else null
 * @param dialStatus       Asterisk's DIALSTATUS (ANSWER, NOANSWER, BUSY, CANCEL, ...), or null if no Dial ran
 * @param talkSeconds      seconds the operator and the caller were connected (from the operator's answer to
 *                         the hang-up), or null
 * @param endedAt          when the handler ran
 */
public record CallEnd(String asteriskUniqueId, String callId, String dialStatus, Integer talkSeconds,
                      Instant endedAt) {
}
