package org.hotline.agi.call;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import org.hotline.agi.callback.CallbackDesk;
import org.hotline.agi.hold.HoldLoop;
import org.hotline.agi.intake.DispatchClient;
import org.hotline.agi.menu.IvrRoutes;
import org.hotline.agi.menu.LanguageMenu;
import org.hotline.agi.menu.PurposeMenu;
import org.hotline.agi.pseudonym.Pseudonymizer;
import org.hotline.agi.voicemail.VoicemailRecorder;
import org.hotline.core.call.CallJournal;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.storage.PatientWriter;

/**
 * Everything a call needs, shared by all calls. All of it is stateless or thread-safe: one instance serves
 * every call at once. {@code stepLog} makes each record durable on local disk before the caller hears the next
 * prompt; {@code journalWriter} then stores it in the database off the caller's path, and again while the database
 * is unreachable. {@code zone} is the hotline's time zone, in which an out-of-hours caller is told when it opens.
 */
public record IvrServices(IvrRoutes routes, LanguageMenu languageMenu, PurposeMenu purposeMenu, HoldLoop holdLoop,
                          VoicemailRecorder voicemail, DispatchClient dispatch, Pseudonymizer pseudonymizer,
                          CallJournal journal, PatientWriter journalWriter, StepLog stepLog, IvrMetrics metrics, Clock clock,
                          BooleanSupplier draining, ZoneId zone, CallbackDesk callbacks) {
}
