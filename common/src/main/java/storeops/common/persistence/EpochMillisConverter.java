package storeops.common.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Instants are stored as BIGINT epoch milliseconds: mysql-connector-j drops the fractional
 * seconds of every timestamp parameter against MariaDB, and a number compares and indexes the
 * same way on MySQL 8 and MariaDB.
 */
@Converter
public class EpochMillisConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
