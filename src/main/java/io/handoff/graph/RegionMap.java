package io.handoff.graph;

/**
 * A hash map whose keys are looked up as a region of a longer text ({@code text[from, to)}), so reading an adjacency
 * string does not cut a substring out of it for every id, team, time zone or item it meets again: only a key not met
 * before becomes a String. Open addressing with linear probing over a power-of-two table; the String hash is mixed
 * (Fibonacci hashing) so ids such as {@code u1234} that differ only in their last digits spread well. Not thread-safe:
 * one per read.
 */
final class RegionMap<V> {
    private String[] keys;
    private int[] hashes;
    private Object[] values;
    private int size;
    private int shift;
    private final RegionHash regionHash = new RegionHash();

    RegionMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(2, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new Object[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    /** The value of the key spelled by {@code text[from, to)}, or null. */
    @SuppressWarnings("unchecked")
    V get(String text, int from, int to) {
        return get(text, from, to, hash(text, from, to));
    }

    /** As {@link #get(String, int, int)}, with the region's {@link #hash} worked out already. */
    @SuppressWarnings("unchecked")
    V get(String text, int from, int to, int hash) {
        int length = to - from;
        int mask = keys.length - 1;
        for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return null;
            }
            if (hashes[slot] == hash && key.length() == length && text.regionMatches(from, key, 0, length)) {
                return (V) values[slot];
            }
        }
    }

    /** The value of {@code key}, or null. */
    V get(String key) {
        return get(key, 0, key.length());
    }

    /** Maps {@code key} to {@code value}, replacing any value it had. */
    void put(String key, V value) {
        put(key, key.hashCode(), value);
    }

    /** As {@link #put(String, Object)}, with {@code hash} the key's {@link #hash} (its String hash) worked out already. */
    void put(String key, int hash, V value) {
        int mask = keys.length - 1;
        int slot = slot(hash);
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        rehash(oldKeys, oldHashes, oldValues);
    }

    private void rehash(String[] oldKeys, int[] oldHashes, Object[] oldValues) {
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldHashes[i]);
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** {@link String#hashCode} of the region, without making it a String ({@link RegionHash}). */
    int hash(String text, int from, int to) {
        return regionHash.of(text, from, to);
    }
}
