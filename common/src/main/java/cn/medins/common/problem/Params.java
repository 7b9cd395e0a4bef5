package cn.medins.common.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses query parameters taken as text, so that a bad value is a 400 naming the parameter
 * (framework conversion failures cannot name it).
 */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a whole number");
        }
    }

    public static long requiredId(String name, String value) {
        Long id = id(name, value);
        if (id == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return id;
    }

    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not an id");
        }
    }
}
