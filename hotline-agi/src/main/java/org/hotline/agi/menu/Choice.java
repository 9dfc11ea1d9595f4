package org.hotline.agi.menu;

/**
 * What a menu settled on, and whether the caller chose it or the menu fell back to its default.
 *
 * @param value     the choice
 * @param defaulted true when no valid key came within the retries
 */
public record Choice<T>(T value, boolean defaulted) {
    static <T> Choice<T> chosen(T value) {
        return new Choice<>(value, false);
    }

    static <T> Choice<T> defaulted(T value) {
        return new Choice<>(value, true);
    }
}
