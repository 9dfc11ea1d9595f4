package org.hotline.reports;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;
import org.hotline.core.storage.StorageConfig;
import org.hotline.core.i18n.DateCalendar;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.reports.render.ReportLanguage;
import org.hotline.reports.render.Targets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report settings ({@code report.*} and {@code time-zone} in hotline.properties).
 *
 * @param enabled     whether the running hotline generates the nightly report and purges
 * @param time        local time of day of the nightly run
 * @param zone        the hotline's time zone; day boundaries follow it
 * @param catchUpDays how far back missed days are generated at start
 * @param dir         where reports are stored
 * @param targets     the service targets shown against the figures
 * @param language    the language and calendar of {@code report.html}
 * @param also        further languages stored beside it ({@code report.<code>.html}), each in its own calendar
 */
public record ReportConfig(boolean enabled, LocalTime time, ZoneId zone, int catchUpDays, Path dir, Targets targets,
                           ReportLanguage language, List<ReportLanguage> also) {

    public ReportConfig {
        also = List.copyOf(also);
    }

    public static ReportConfig from(Settings settings) {
        String dir = settings.string("report.dir");
        Path reports = dir.isBlank() ? StorageConfig.from(settings).dataDir().resolve("reports")
                : Path.of(dir).toAbsolutePath().normalize();
        int catchUp = settings.integer("report.catch-up-days");
        if (catchUp < 0 || catchUp > 366) {
            throw new SettingsException("setting 'report.catch-up-days' must be from 0 to 366, not " + catchUp);
        }
        return new ReportConfig(settings.bool("report.enabled"), time(settings), zone(settings), catchUp, reports,
                new Targets(percent(settings, "report.target.answered"), percent(settings, "report.target.abandoned"),
                        settings.duration("report.target.average-answer")), language(settings), also(settings));
    }

    static ReportLanguage language(Settings settings) {
        UiLanguage language = uiLanguage(settings.string("report.language"), "report.language");
        String calendar = settings.string("report.calendar");
        try {
            return new ReportLanguage(language, calendar.isBlank() ? DateCalendar.GREGORIAN
                    : DateCalendar.parse(calendar));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting 'report.calendar' (" + Settings.environmentName("report.calendar")
                    + ") must be gregorian or solar-hijri, not '" + calendar + "'");
        }
    }

    private static List<ReportLanguage> also(Settings settings) {
        List<ReportLanguage> also = new ArrayList<>();
        for (String code : settings.string("report.also-languages").split(",")) {
            if (!code.isBlank()) {
                ReportLanguage language = ReportLanguage.of(uiLanguage(code, "report.also-languages"));
                if (!also.contains(language)) {
                    also.add(language);
                }
            }
        }
        return also;
    }

    private static UiLanguage uiLanguage(String code, String key) {
        return UiLanguage.byCode(code).orElseThrow(() -> new SettingsException("setting '" + key + "' ("
                + Settings.environmentName(key) + ") must name languages among "
                + String.join(", ", Arrays.stream(UiLanguage.values()).map(UiLanguage::code).toList())
                + ", not '" + code.trim() + "'"));
    }

    private static LocalTime time(Settings settings) {
        try {
            return LocalTime.parse(settings.string("report.time"));
        } catch (DateTimeParseException e) {
            throw new SettingsException("setting 'report.time' (" + Settings.environmentName("report.time")
                    + ") must be a time of day such as 00:30, not '" + settings.string("report.time") + "'");
        }
    }

    static ZoneId zone(Settings settings) {
        try {
            return ZoneId.of(settings.string("time-zone"));
        } catch (java.time.DateTimeException e) {
            throw new SettingsException("setting 'time-zone' must be a time zone such as Asia/Kabul, not '"
                    + settings.string("time-zone") + "'");
        }
    }

    private static double percent(Settings settings, String key) {
        int value = settings.integer(key);
        if (value < 0 || value > 100) {
            throw new SettingsException("setting '" + key + "' must be a percentage from 0 to 100, not " + value);
        }
        return value;
    }
}
