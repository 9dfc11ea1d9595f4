package org.hotline.dispatch.alerts;

import java.util.ArrayList;
import java.util.List;
import org.hotline.core.bus.Wallboard;

/**
 * The thresholds a manager set for the wallboard's alerts; a null threshold raises none. Pure: routing asks it which
 * alerts a wallboard raises before publishing it.
 *
 * @param serviceLevelBelow   alert when today's service level (percent of queued callers answered) is below this
 * @param longestWaitOver     alert when the longest current wait is over this many seconds
 * @param emergenciesWaiting  alert when at least this many emergencies wait
 */
public record AlertThresholds(Integer serviceLevelBelow, Integer longestWaitOver, Integer emergenciesWaiting) {
    /** No thresholds set: no alerts. */
    public static final AlertThresholds NONE = new AlertThresholds(null, null, null);

    /** The alert kinds, as the screen knows them. */
    public static final String SERVICE_LEVEL = "service-level";
    public static final String LONGEST_WAIT = "longest-wait";
    public static final String EMERGENCIES_WAITING = "emergencies-waiting";

    /** The alerts this wallboard raises. */
    public List<Wallboard.Alert> alerts(Wallboard board) {
        List<Wallboard.Alert> alerts = new ArrayList<>();
        int served = board.answeredToday() + board.abandonedToday();
        if (serviceLevelBelow != null && served > 0) {
            long level = Math.round(100.0 * board.answeredToday() / served);
            if (level < serviceLevelBelow) {
                alerts.add(new Wallboard.Alert(SERVICE_LEVEL, level, serviceLevelBelow));
            }
        }
        if (longestWaitOver != null && board.longestWaitSeconds() > longestWaitOver) {
            alerts.add(new Wallboard.Alert(LONGEST_WAIT, board.longestWaitSeconds(), longestWaitOver));
        }
        int emergencies = board.waitingByPriority().getOrDefault("emergency", 0);
        if (emergenciesWaiting != null && emergencies >= emergenciesWaiting) {
            alerts.add(new Wallboard.Alert(EMERGENCIES_WAITING, emergencies, emergenciesWaiting));
        }
        return alerts;
    }
}
