package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples ({@code jdk.ExecutionSample}): by the method on top of the stack
 * (where the CPU went), and by the first frame of our own code below it (which of our paths paid for it).
 */
final class JfrTop {
    private static final String OURS = "org.hotline.";

    record Row(String frame, int samples, double percent) {
        String line() {
            return String.format(Locale.ROOT, "%.1f%% %s", percent, frame);
        }
    }

    record Top(int samples, List<Row> self, List<Row> ours) {
    }

    private JfrTop() {
    }

    static Top read(Path recording, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            String owner = "(no frame of ours: JDK, Netty, Vert.x, H2 threads)";
            for (RecordedFrame frame : frames) {
                if (frame.getMethod().getType().getName().startsWith(OURS)) {
                    owner = name(frame);
                    break;
                }
            }
            ours.merge(owner, 1, Integer::sum);
        }
        return new Top(samples, top(self, samples, rows), top(ours, samples, rows));
    }

    private static List<Row> top(Map<String, Integer> counts, int samples, int rows) {
        List<Row> top = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> top.add(new Row(e.getKey(), e.getValue(), 100.0 * e.getValue() / samples)));
        return top;
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}
