package storeops.traffic.repository;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;

/**
 * The known visitor keys of one shop: an open-addressing table (linear probing) of visitor id to
 * key that only grows. The joins look up tens of thousands of ids a call in a table of millions,
 * so a probe reads one {@code long} per slot, the id's hash and its key side by side, and touches
 * the id itself only when the hashes match; a map of nodes and boxed keys missed the processor's
 * caches four times a look-up.
 *
 * <p>Look-ups never block and may run on any number of threads; additions serialize on this
 * object. A key is never replaced nor removed, so a reader sees at worst a table without the last
 * additions, which the callers treat as not cached.
 */
final class VisitorKeyCache {

    /** Past this share of slots in use the table doubles: probes stay short with a mixed hash. */
    private static final double MAX_LOAD = 0.6;
    private static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Read once per look-up: a reader then probes one table whatever the writers publish meanwhile. */
    private volatile Table table;
    /** Ids in the published table; guarded by this. */
    private int size;

    VisitorKeyCache() {
        table = new Table(16);
    }

    /** The key of this id, -1 when it is not cached (keys come from AUTO_INCREMENT: never negative). */
    int get(String id) {
        Table t = table;
        long[] slots = t.slots;
        int mask = slots.length - 1;
        int hash = hash(id);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            // acquire: pairs with the writer's release, so the id written before the slot is seen
            long slot = (long) SLOTS.getAcquire(slots, i);
            if (slot == 0) {
                return -1; // an empty slot ends every probe: the table always keeps some
            }
            if ((int) (slot >>> 32) == hash && t.ids[i].equals(id)) {
                return (int) slot;
            }
        }
    }

    /** Caches the key of this id unless it is cached already (a key never changes); true when added. */
    synchronized boolean add(String id, int key) {
        return addLocked(id, key);
    }

    /** {@link #add} for each entry, under one hold of the lock; the number of ids added. */
    synchronized int addAll(Map<String, Integer> keys) {
        int added = 0;
        for (Map.Entry<String, Integer> e : keys.entrySet()) {
            if (addLocked(e.getKey(), e.getValue())) {
                added++;
            }
        }
        return added;
    }

    synchronized int size() {
        return size;
    }

    /** Slots of the published table, for the tests of its growth. */
    int capacity() {
        return table.slots.length;
    }

    private boolean addLocked(String id, int key) {
        int hash = hash(id);
        Table t = table;
        int free = t.find(id, hash);
        if (free < 0) {
            return false;
        }
        if (size + 1 > t.threshold) {
            t = t.doubled();
            free = t.emptySlot(hash);
            t.place(free, id, hash, key);
            // a volatile write: a reader that reads this table reads every slot and id placed in it
            // (above, by plain writes) as they were; readers of the old table keep a consistent one
            table = t;
        } else {
            t.publish(free, id, hash, key);
        }
        size++;
        return true;
    }

    /**
     * The String's hash through murmur3's finalizer: ids like "u123456" differ in a few low digits,
     * whose raw hashes fill runs of neighbouring slots. Never 0, which marks an empty slot.
     */
    static int hash(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private static final class Table {
        /** Per slot {@code hash << 32 | key}, 0 when empty; the hash is never 0. */
        final long[] slots;
        /** The id of each used slot, read only after its slot. */
        final String[] ids;
        /** The most ids this table holds; below its capacity, so a probe always meets an empty slot. */
        final int threshold;

        Table(int capacity) {
            slots = new long[capacity];
            ids = new String[capacity];
            threshold = Math.min(capacity - 1, (int) (capacity * MAX_LOAD));
        }

        /** The empty slot this id would take, or -1 when it is here already. Only under the lock. */
        int find(String id, int hash) {
            int mask = slots.length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                long slot = slots[i];
                if (slot == 0) {
                    return i;
                }
                if ((int) (slot >>> 32) == hash && ids[i].equals(id)) {
                    return -1;
                }
            }
        }

        /** The first empty slot of this hash's probe, for an id known not to be here. */
        int emptySlot(int hash) {
            int mask = slots.length - 1;
            int i = hash & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Into a table no reader sees yet. */
        void place(int i, String id, int hash, int key) {
            ids[i] = id;
            slots[i] = pack(hash, key);
        }

        /**
         * Into the published table, while readers probe it: the id first, then the slot with a
         * release write. A reader that sees the slot (acquire read) then sees the id too; one that
         * reads the slot still empty ends its probe there and answers "not cached", never an id-less
         * match. Slots are only ever filled, never moved, so no probe chain breaks under a reader.
         */
        void publish(int i, String id, int hash, int key) {
            ids[i] = id;
            SLOTS.setRelease(slots, i, pack(hash, key));
        }

        Table doubled() {
            if (slots.length >= MAX_CAPACITY) {
                throw new IllegalStateException("Too many visitor keys to cache: " + slots.length);
            }
            Table grown = new Table(slots.length << 1);
            for (int i = 0; i < slots.length; i++) {
                long slot = slots[i];
                if (slot != 0) {
                    int hash = (int) (slot >>> 32);
                    grown.place(grown.emptySlot(hash), ids[i], hash, (int) slot);
                }
            }
            return grown;
        }

        private static long pack(int hash, int key) {
            return ((long) hash << 32) | (key & 0xFFFF_FFFFL);
        }
    }
}
