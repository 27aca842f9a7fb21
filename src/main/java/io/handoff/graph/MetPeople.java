package io.handoff.graph;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The people met in one ego-map read, in the order met, and the map of them the read hands out: one table serves as
 * the index the lines' ids are looked up in (where they stand in the text, as {@link RegionMap}), as the list of
 * people in order and, once the read is done, as the graph's {@code Map<PersonId, Person>} (a read-only view, see
 * {@link ReadOnlyView#isOwned}), so no map is built at the end and no entry object is made per person. Open
 * addressing over a power-of-two table of indexes into dense arrays (the people in order met); the hash is
 * {@link String#hashCode} of the id, the same whether worked out from the text or from a {@link PersonId}. Not
 * thread-safe while filled; the view is not changed afterwards.
 */
final class MetPeople {
    private String[] keys;
    private int[] hashes;
    private PersonId[] ids;
    private Person[] people;
    private boolean[] read;
    private int size;
    /** Index + 1 of the person in each slot; 0 for an empty slot. */
    private int[] slots;
    private int shift;
    private final RegionHash regionHash = new RegionHash();

    MetPeople(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected));
        keys = new String[capacity];
        hashes = new int[capacity];
        ids = new PersonId[capacity];
        people = new Person[capacity];
        read = new boolean[capacity];
        allocateSlots(capacity * 2);
    }

    int size() {
        return size;
    }

    /** Makes room for {@code more} people beyond those met, at once (one growth instead of several). */
    void expect(int more) {
        int wanted = size + more;
        if (wanted > keys.length) {
            resize(Integer.highestOneBit(wanted - 1) << 1);
        }
    }

    /** The index of the person whose id is {@code text[from, to)} (its {@link #hash} given), or -1. */
    int find(String text, int from, int to, int hash) {
        int length = to - from;
        int mask = slots.length - 1;
        for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
            int index = slots[slot] - 1;
            if (index < 0) {
                return -1;
            }
            String key = keys[index];
            if (hashes[index] == hash && key.length() == length && text.regionMatches(from, key, 0, length)) {
                return index;
            }
        }
    }

    int find(String key) {
        return find(key, 0, key.length(), key.hashCode());
    }

    /** Adds someone not met before (their id {@code key}, its hash, their PersonId when made already) and answers their index. */
    int add(String key, int hash, PersonId id) {
        if (size == keys.length) {
            resize(keys.length * 2);
        }
        int index = size++;
        keys[index] = key;
        hashes[index] = hash;
        ids[index] = id;
        int mask = slots.length - 1;
        int slot = slot(hash);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index + 1;
        return index;
    }

    String key(int index) {
        return keys[index];
    }

    /** The person's id, made (and checked) when first asked for. */
    PersonId id(int index) {
        PersonId id = ids[index];
        if (id == null) {
            id = ids[index] = PersonId.of(keys[index]);
        }
        return id;
    }

    Person person(int index) {
        return people[index];
    }

    void person(int index, Person person) {
        people[index] = person;
    }

    boolean read(int index) {
        return read[index];
    }

    void markRead(int index) {
        read[index] = true;
    }

    /** {@link String#hashCode} of the region, without making it a String ({@link RegionHash}). */
    int hash(String text, int from, int to) {
        return regionHash.of(text, from, to);
    }

    /** Everyone with a card or summary, by id, in the order met: the table itself, seen read-only. */
    Map<PersonId, Person> view() {
        return new View(this);
    }

    private void resize(int capacity) {
        keys = java.util.Arrays.copyOf(keys, capacity);
        hashes = java.util.Arrays.copyOf(hashes, capacity);
        ids = java.util.Arrays.copyOf(ids, capacity);
        people = java.util.Arrays.copyOf(people, capacity);
        read = java.util.Arrays.copyOf(read, capacity);
        allocateSlots(capacity * 2);
        int mask = slots.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = slot(hashes[index]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
    }

    private void allocateSlots(int capacity) {
        slots = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** The people with a card or summary (someone met without one, a centre deleted meanwhile, is left out). */
    static final class View extends AbstractMap<PersonId, Person> {
        private final MetPeople met;
        private final int count;

        private View(MetPeople met) {
            this.met = met;
            int count = 0;
            for (int i = 0; i < met.size; i++) {
                count += met.people[i] == null ? 0 : 1;
            }
            this.count = count;
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public Person get(Object key) {
            if (!(key instanceof PersonId id)) {
                return null;
            }
            int index = met.find(id.value());
            return index < 0 ? null : met.people[index];
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<PersonId, Person>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<PersonId, Person>> iterator() {
                    return new People<>() {
                        @Override
                        Entry<PersonId, Person> at(int index) {
                            return new SimpleImmutableEntry<>(met.ids[index], met.people[index]);
                        }
                    };
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }

        @Override
        public Set<PersonId> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<PersonId> iterator() {
                    return new People<>() {
                        @Override
                        PersonId at(int index) {
                            return met.ids[index];
                        }
                    };
                }

                @Override
                public boolean contains(Object key) {
                    return containsKey(key);
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }

        @Override
        public Collection<Person> values() {
            return new AbstractCollection<>() {
                @Override
                public Iterator<Person> iterator() {
                    return new People<>() {
                        @Override
                        Person at(int index) {
                            return met.people[index];
                        }
                    };
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }

        /** Walks the people with a card or summary, in the order met. */
        private abstract class People<T> implements Iterator<T> {
            private int next = skip(0);

            private int skip(int from) {
                int index = from;
                while (index < met.size && met.people[index] == null) {
                    index++;
                }
                return index;
            }

            abstract T at(int index);

            @Override
            public boolean hasNext() {
                return next < met.size;
            }

            @Override
            public T next() {
                if (next >= met.size) {
                    throw new NoSuchElementException();
                }
                T value = at(next);
                next = skip(next + 1);
                return value;
            }
        }
    }
}
