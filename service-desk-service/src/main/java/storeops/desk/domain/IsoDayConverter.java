package storeops.desk.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;

/**
 * Natural days are stored as 'YYYY-MM-DD' text: no driver or session time zone can shift a string,
 * and it sorts and ranges like the date it is.
 */
@Converter
public class IsoDayConverter implements AttributeConverter<LocalDate, String> {

    @Override
    public String convertToDatabaseColumn(LocalDate day) {
        return day == null ? null : day.toString();
    }

    @Override
    public LocalDate convertToEntityAttribute(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
