package storeops.order.reconciliation.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The order numbers of an export, kept as 64-bit hashes in an open-addressing table: a million
 * rows take 16 MB instead of the hundred a set of strings would. Two order numbers sharing a
 * hash (odds about 1 in 10^7 for a million rows) would hide one "missing there".
 */
final class OrderNoSet {

    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;

    /** False when the order number was already there. */
    boolean add(String orderNo) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        boolean added = insert(slots, hash(orderNo));
        if (added) {
            size++;
        }
        return added;
    }

    boolean contains(String orderNo) {
        long h = hash(orderNo);
        int mask = slots.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == h) {
                return true;
            }
        }
        return false;
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        Arrays.stream(old).filter(h -> h != EMPTY).forEach(h -> insert(bigger, h));
        slots = bigger;
    }

    /** 64-bit FNV-1a, never 0 (the empty slot). */
    private static long hash(String orderNo) {
        long h = 0xcbf29ce484222325L;
        for (byte b : orderNo.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h == EMPTY ? 1 : h;
    }
}
