package storeops.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import storeops.common.problem.ProblemException;
import storeops.common.security.ContactMasking;
import storeops.common.time.DayPeriod;

class ConventionsTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", ContactMasking.maskPhone("13812345678"));
        assertEquals("+86****5678", ContactMasking.maskPhone("+8613812345678"));
        assertEquals("****78", ContactMasking.maskPhone("123478"));
    }

    @Test
    void addressesKeepTheRegionAndHideTheStreet() {
        assertEquals("浙江省杭州市余杭区****", ContactMasking.maskAddress("浙江省杭州市余杭区文一西路969号3号楼"));
        assertEquals("上海市浦东新区****", ContactMasking.maskAddress("上海市浦东新区世纪大道100号"));
        assertEquals("****", ContactMasking.maskAddress("12 Harbour Road, Wan Chai"));
    }

    @Test
    void aPeriodIsInclusiveAndItsPreviousHasTheSameLength() {
        DayPeriod week = DayPeriod.parse("2026-11-01", "2026-11-07");
        assertEquals(7, week.days());
        assertEquals(new DayPeriod(LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-31")), week.previous());
        assertEquals(366, DayPeriod.parse("2024-01-01", "2024-12-31").days());
    }

    @Test
    void badPeriodsAre400s() {
        assertEquals(400, assertThrows(ProblemException.class, () -> DayPeriod.parse("2026-11-07", "2026-11-01")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> DayPeriod.parse("2025-01-01", "2026-01-02")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> DayPeriod.parse("11/01/2026", "2026-11-02")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> DayPeriod.parse(null, "2026-11-02")).status());
    }
}
