package org.hotline.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way people type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 30} (seconds) or ISO {@code PT30S}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(text);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return Duration.parse(value.trim());
        } catch (RuntimeException e) {
            throw new TypeConversionException("'" + value + "' is not a duration; try 30s, 500ms, 2m or PT30S");
        }
    }
}
