package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code UUID}s, durations, periods and the {@code java.time} dates and times take the fast path and come out as
 * Yasson's own serializers write them with a default configuration: ISO text, fractions of seconds as far as they
 * go, years past 9999 and before year 1 signed, zones by offset and by region.
 */
class DatesTimesAndUuidsAreWrittenAsYassonWritesThemTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public record Event(UUID id, Instant at, LocalDate day, LocalDateTime local, LocalTime time, OffsetDateTime offset,
                        OffsetTime offsetTime, ZonedDateTime zoned, Duration took, Period span, Optional<Instant> ended) {
    }

    @Test
    void eachAlone() {
        for (Instant i : List.of(Instant.EPOCH, Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Instant.ofEpochMilli(-1),
                Instant.MAX, Instant.MIN, Instant.parse("2024-02-29T23:59:59.100Z"))) {
            both.fast(i);
        }
        for (LocalDate d : List.of(LocalDate.of(2024, 2, 29), LocalDate.of(10_000, 1, 1), LocalDate.of(-5, 12, 31), LocalDate.MIN)) {
            both.fast(d);
        }
        both.fast(LocalDateTime.of(2024, 1, 2, 3, 4));
        both.fast(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000));
        both.fast(LocalTime.MIDNIGHT);
        both.fast(LocalTime.of(23, 59, 59, 999_999_999));
        both.fast(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-9, -30)));
        both.fast(OffsetTime.of(1, 2, 3, 4, ZoneOffset.UTC));
        both.fast(ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneId.of("Europe/Paris")));
        both.fast(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14)));
        both.fast(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")));
        both.fast(Duration.ofMillis(-1500));
        both.fast(Duration.ofDays(400).plusNanos(1));
        both.fast(Period.of(1, -2, 3));
        both.fast(Period.ZERO);
        both.fast(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        both.fast(new UUID(-1, 0));
    }

    @Test
    void asProperties() {
        both.fast(new Event(UUID.randomUUID(), Instant.ofEpochSecond(1_700_000_000L, 5), LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 12, 0), LocalTime.NOON, OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.UTC),
                OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(1)), ZonedDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneId.of("Asia/Tokyo")),
                Duration.ofSeconds(90), Period.ofWeeks(2), Optional.empty()));
        both.fast(new Event(null, null, null, null, null, null, null, null, null, null, Optional.of(Instant.EPOCH)));
    }
}
