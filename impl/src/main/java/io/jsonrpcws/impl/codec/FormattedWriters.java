package io.jsonrpcws.impl.codec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values Yasson writes as strings through serializers of its own, with a default configuration: a {@code UUID},
 * {@code Duration} and {@code Period} by their {@code toString()}, and the {@code java.time} dates and times by the
 * ISO formatter each of Yasson's serializers uses when no date format is set ({@code formatDefault}), with the same
 * zone and locale. The ISO formats print no localized text, so the locale, which Yasson takes from the default when
 * it builds its serializer, changes nothing.
 */
final class FormattedWriters {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private FormattedWriters() {
    }

    /** The writer of exactly this class, or {@code null} when it is not one of these. */
    static ValueWriter of(Class<?> type) {
        Function<Object, String> format = formats(Locale.getDefault()).get(type);
        return format == null ? null : new Formatted(format);
    }

    private static Map<Class<?>, Function<Object, String>> formats(Locale locale) {
        DateTimeFormatter instant = DateTimeFormatter.ISO_INSTANT.withLocale(locale);
        DateTimeFormatter localDate = DateTimeFormatter.ISO_LOCAL_DATE.withZone(UTC).withLocale(locale);
        DateTimeFormatter localDateTime = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(locale);
        DateTimeFormatter localTime = DateTimeFormatter.ISO_LOCAL_TIME.withLocale(locale);
        DateTimeFormatter offsetDateTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(locale);
        DateTimeFormatter offsetTime = DateTimeFormatter.ISO_OFFSET_TIME.withLocale(locale);
        DateTimeFormatter zonedDateTime = DateTimeFormatter.ISO_ZONED_DATE_TIME.withLocale(locale);
        return Map.of(
                UUID.class, Object::toString,
                Duration.class, Object::toString,
                Period.class, Object::toString,
                Instant.class, v -> instant.format((Instant) v),
                LocalDate.class, v -> localDate.format((LocalDate) v),
                LocalDateTime.class, v -> localDateTime.format((LocalDateTime) v),
                LocalTime.class, v -> localTime.format((LocalTime) v),
                OffsetDateTime.class, v -> offsetDateTime.format((OffsetDateTime) v),
                OffsetTime.class, v -> offsetTime.format((OffsetTime) v),
                ZonedDateTime.class, v -> zonedDateTime.format((ZonedDateTime) v));
    }

    private static final class Formatted extends ValueWriter {
        private final Function<Object, String> format;

        Formatted(Function<Object, String> format) {
            this.format = format;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            ResponseWriter.string(out, format.apply(value));
        }
    }
}
