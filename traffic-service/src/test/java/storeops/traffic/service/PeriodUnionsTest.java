package storeops.traffic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * A period's union is kept while its day sets are the same sets, grown by the last day's sets when
 * only they changed, and composed again when an earlier day changed; the kept sets are never
 * modified.
 */
class PeriodUnionsTest {

    private static final LocalDate FROM = LocalDate.parse("2026-05-01");

    @Test
    void aUnionIsKeptWhileItsDaySetsStandStill() {
        PeriodUnions unions = new PeriodUnions(1 << 20);
        List<RoaringBitmap> days = List.of(RoaringBitmap.bitmapOf(1, 2), RoaringBitmap.bitmapOf(2, 3),
                RoaringBitmap.bitmapOf(7));
        RoaringBitmap first = unions.union("s", "viewers", FROM, 1, days);
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 3, 7), first);
        assertSame(first, unions.union("s", "viewers", FROM, 1, new ArrayList<>(days)));
        assertEquals(RoaringBitmap.bitmapOf(1, 2), days.get(0), "the day sets are left as they were");

        // the last day stored again: the kept union of the days before it grows by the new set
        List<RoaringBitmap> today = List.of(days.get(0), days.get(1), RoaringBitmap.bitmapOf(7, 9));
        RoaringBitmap grown = unions.union("s", "viewers", FROM, 1, today);
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 3, 7, 9), grown);
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 3, 7), first, "a union handed out is never modified");

        // an earlier day changed (a late event): composed again
        List<RoaringBitmap> late = List.of(RoaringBitmap.bitmapOf(1, 2, 4), days.get(1), today.get(2));
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 3, 4, 7, 9), unions.union("s", "viewers", FROM, 1, late));
        // another shop or audience with the same sets is its own union
        assertNotSame(grown, unions.union("t", "viewers", FROM, 1, today));
        RoaringBitmap buyers = unions.union("s", "buyers", FROM, 1, today);
        assertNotSame(grown, buyers);
        assertEquals(grown, buyers);
    }

    @Test
    void severalSetsADayGrowByTheLastDaysSets() {
        PeriodUnions unions = new PeriodUnions(1 << 20);
        RoaringBitmap pc1 = RoaringBitmap.bitmapOf(1);
        RoaringBitmap wap1 = RoaringBitmap.bitmapOf(2);
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 3, 4), unions.union("s", "all", FROM, 2,
                List.of(pc1, wap1, RoaringBitmap.bitmapOf(3), RoaringBitmap.bitmapOf(4))));
        assertEquals(RoaringBitmap.bitmapOf(1, 2, 5, 6), unions.union("s", "all", FROM, 2,
                List.of(pc1, wap1, RoaringBitmap.bitmapOf(5), RoaringBitmap.bitmapOf(6))));
    }

    @Test
    void withNoRoomEveryUnionIsComposed() {
        PeriodUnions unions = new PeriodUnions(0);
        List<RoaringBitmap> days = List.of(RoaringBitmap.bitmapOf(1), RoaringBitmap.bitmapOf(2));
        RoaringBitmap first = unions.union("s", "viewers", FROM, 1, days);
        assertNotSame(first, unions.union("s", "viewers", FROM, 1, days));
        assertEquals(RoaringBitmap.bitmapOf(1, 2), first);
    }
}
