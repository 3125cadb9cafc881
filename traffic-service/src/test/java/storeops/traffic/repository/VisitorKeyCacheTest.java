package storeops.traffic.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The visitor key table answers the key an id was first given, or -1, however the ids' hashes
 * collide and while the table grows under readers.
 */
class VisitorKeyCacheTest {

    @Test
    void answersTheFirstKeyOfAnIdAndMinusOneForOthers() {
        VisitorKeyCache cache = new VisitorKeyCache();
        assertEquals(-1, cache.get("u1"));
        assertTrue(cache.add("u1", 0));
        assertTrue(cache.add("u2", 7));
        assertTrue(cache.add("u1 ", 9), "a padded id is an id of its own here");
        assertFalse(cache.add("u1", 5), "a key never changes");

        assertEquals(0, cache.get("u1"));
        assertEquals(0, cache.get(new String("u1".toCharArray())), "compared by value");
        assertEquals(7, cache.get("u2"));
        assertEquals(9, cache.get("u1 "));
        assertEquals(-1, cache.get("u3"));
        assertEquals(-1, cache.get("U1"));
        assertEquals(3, cache.size());

        // a String hash of 0 mixes to 0, the mark of an empty slot
        assertEquals(0, "".hashCode());
        assertEquals(0, "\0".hashCode());
        assertEquals(-1, cache.get(""));
        assertTrue(cache.add("", 11));
        assertEquals(-1, cache.get("\0"));
        assertTrue(cache.add("\0", Integer.MAX_VALUE));
        assertEquals(11, cache.get(""));
        assertEquals(Integer.MAX_VALUE, cache.get("\0"));
    }

    @Test
    void addAllCountsOnlyTheIdsItAdded() {
        VisitorKeyCache cache = new VisitorKeyCache();
        cache.add("a", 1);
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put("a", 100);
        keys.put("b", 2);
        keys.put("c", 3);
        assertEquals(2, cache.addAll(keys));
        assertEquals(1, cache.get("a"));
        assertEquals(2, cache.get("b"));
        assertEquals(3, cache.get("c"));
        assertEquals(0, cache.addAll(keys));
    }

    @Test
    void idsOfOneStringHashAreToldApartByValue() {
        // "Aa" and "BB" hash alike, so every string of 11 such pairs has one hash: 2,048 ids
        List<String> ids = new ArrayList<>();
        collide("", 11, ids);
        assertEquals(2048, ids.size());
        assertEquals(1, ids.stream().map(String::hashCode).distinct().count());

        VisitorKeyCache cache = new VisitorKeyCache();
        for (int i = 0; i < ids.size(); i += 2) { // every other one: the rest probe the same chain and miss
            assertTrue(cache.add(ids.get(i), i));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i % 2 == 0 ? i : -1, cache.get(ids.get(i)), ids.get(i));
        }
        assertFalse(cache.add(ids.get(10), -5));
        assertEquals(10, cache.get(ids.get(10)));
        assertEquals(1024, cache.size());
    }

    @Test
    void everyKeyIsFoundAcrossManyGrowths() {
        VisitorKeyCache cache = new VisitorKeyCache();
        TreeSet<Integer> capacities = new TreeSet<>();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertTrue(cache.add("u" + i, i * 3));
            capacities.add(cache.capacity());
            if (i % 50_000 == 0) { // found after each growth so far, not only at the end
                for (int j = 0; j <= i; j += 97) {
                    assertEquals(j * 3, cache.get("u" + j));
                }
            }
        }
        assertTrue(capacities.size() >= 10, "grew from 16 slots: " + capacities);
        assertTrue(n <= cache.capacity() * 0.6, "at most 0.6 of the slots in use: " + cache.capacity());
        assertEquals(n, cache.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i * 3, cache.get("u" + i));
        }
        for (int i = n; i < n + 10_000; i++) {
            assertEquals(-1, cache.get("u" + i));
        }
    }

    @Test
    void readersSeeOnlyRightKeysWhileWritersAddAndGrow() throws Exception {
        VisitorKeyCache cache = new VisitorKeyCache();
        int writers = 2;
        int perWriter = 100_000;
        // per writer, how many of its ids it has added: every one below is cached by then
        AtomicIntegerArray added = new AtomicIntegerArray(writers);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 3);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(threads.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        int key = writer * perWriter + i;
                        if (i % 1000 == 999) { // part of them in batches, as existingKeysOf remembers
                            Map<String, Integer> batch = new LinkedHashMap<>();
                            for (int j = i - 499; j <= i; j++) {
                                batch.put(id(writer * perWriter + j), writer * perWriter + j);
                            }
                            cache.addAll(batch);
                        } else {
                            cache.add(id(key), key);
                        }
                        added.set(writer, i + 1);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                reads.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int checked = 0;
                    for (int round = 0; round < 1_000_000 && (writing.get() || round < 1000); round++) {
                        int writer = random.nextInt(writers);
                        int done = added.get(writer);
                        if (done > 0) {
                            int key = writer * perWriter + random.nextInt(done);
                            assertEquals(key, cache.get(id(key)), "an added id is found");
                        }
                        int later = writer * perWriter + random.nextInt(perWriter);
                        int found = cache.get(id(later));
                        assertTrue(found == -1 || found == later, "an id being added: " + found + " for " + later);
                        assertEquals(-1, cache.get("absent-" + later));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<?> write : writes) {
                write.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get(2, TimeUnit.MINUTES) > 0);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(writers * perWriter, cache.size());
        for (int key = 0; key < writers * perWriter; key++) {
            assertEquals(key, cache.get(id(key)));
        }
    }

    @Test
    void hashesSpreadSequentialIds() {
        // ids differing in their last digits: the low bits, which pick the slot, take every value
        int slots = 1 << 12;
        int[] perSlot = new int[slots];
        for (int i = 0; i < slots * 4; i++) {
            perSlot[VisitorKeyCache.hash("u" + (123_456 + i)) & (slots - 1)]++;
        }
        int max = 0;
        for (int count : perSlot) {
            max = Math.max(max, count);
        }
        assertTrue(max < 20, "4 ids a slot on average, at most " + max);
    }

    private static String id(int key) {
        return "u" + key;
    }

    private static void collide(String prefix, int pairs, List<String> into) {
        if (pairs == 0) {
            into.add(prefix);
            return;
        }
        collide(prefix + "Aa", pairs - 1, into);
        collide(prefix + "BB", pairs - 1, into);
    }
}
