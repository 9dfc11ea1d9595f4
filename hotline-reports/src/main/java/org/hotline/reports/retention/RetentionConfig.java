package org.hotline.reports.retention;

import java.nio.file.Path;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;

/**
 * How long each kind of record is kept ({@code retention.*} in hotline.properties), in days.
 *
 * @param tipSummaryDays  tip summaries (the free text) are cleared after this
 * @param callDays        call rows are deleted after this, once folded into the daily aggregates
 * @param voicemailDays   voice-message audio is deleted after this, or as soon as its task is done
 * @param auditDays       audit rows are deleted after this
 * @param voicemailDir    where Asterisk records voice messages ({@code ivr.voicemail.dir})
 */
public record RetentionConfig(int tipSummaryDays, int callDays, int voicemailDays, int auditDays, Path voicemailDir) {

    public static RetentionConfig from(Settings settings) {
        return new RetentionConfig(days(settings, "retention.tip-summary-days"), days(settings, "retention.call-days"),
                days(settings, "retention.voicemail-days"), days(settings, "retention.audit-days"),
                settings.path("ivr.voicemail.dir").toAbsolutePath().normalize());
    }

    private static int days(Settings settings, String key) {
        int days = settings.integer(key);
        if (days < 1) {
            throw new SettingsException("setting '" + key + "' (" + Settings.environmentName(key)
                    + ") must be a number of days of at least 1, not " + days);
        }
        return days;
    }
}
