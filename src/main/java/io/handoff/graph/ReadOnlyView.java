package io.handoff.graph;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Read-only views of a map and a list that a reader of this package built for one {@link OrgGraph} and hands over
 * without keeping a reference: {@link OrgGraph} takes them as they are instead of copying them (for a 5,000-person
 * ego map the copy of the people was more than half of the decoding time). Only this package can make one, so a
 * collection someone else may still change is always copied.
 */
final class ReadOnlyView {
    private ReadOnlyView() {
    }

    /** {@code owned} (no one changes it afterwards) seen read-only. */
    static <K, V> Map<K, V> map(Map<K, V> owned) {
        return new OwnedMap<>(owned);
    }

    /** {@code owned} (no one changes it afterwards; no nulls) seen read-only. */
    static <E> List<E> list(List<E> owned) {
        return new OwnedList<>(owned);
    }

    static boolean isOwned(Object collection) {
        return collection instanceof OwnedMap || collection instanceof OwnedList;
    }

    private static final class OwnedMap<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> view;

        OwnedMap(Map<K, V> owned) {
            this.view = Collections.unmodifiableMap(owned);
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<K> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<V> values() {
            return view.values();
        }

        @Override
        public V get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
    }

    private static final class OwnedList<E> extends AbstractList<E> implements RandomAccess {
        private final List<E> owned;

        OwnedList(List<E> owned) {
            this.owned = owned;
        }

        @Override
        public E get(int index) {
            return owned.get(index);
        }

        @Override
        public int size() {
            return owned.size();
        }
    }
}
