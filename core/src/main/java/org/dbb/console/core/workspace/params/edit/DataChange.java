package org.dbb.console.core.workspace.params.edit;

import java.util.List;

import org.dbb.console.core.workspace.params.edit.YamlData.DataMap;
import org.dbb.console.core.workspace.params.edit.YamlData.DataPair;

/**
 * One intended change to a document's data, stated independently of the text splice that makes it, so that the
 * edited text can be checked against "old data plus exactly these changes". Paths are lists of pair indexes (in
 * mappings) and item indexes (in sequences) from the root of the old document. Immutable.
 */
sealed interface DataChange {

    /** Applies the change to a mutable data tree (see {@link YamlData#copy}) and returns the new root. */
    Object applyTo(Object root);

    /** The value of pair {@code pairIndex} of the mapping at {@code mapPath} becomes {@code value}. */
    record ReplaceValue(List<Integer> mapPath, int pairIndex, Object value) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            List<DataPair> pairs = mapAt(root, mapPath).pairs();
            pairs.set(pairIndex, new DataPair(pairs.get(pairIndex).key(), value));
            return root;
        }
    }

    /** A new pair is inserted at {@code position} of the mapping at {@code mapPath}. */
    record InsertPair(List<Integer> mapPath, int position, Object key, Object value) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            mapAt(root, mapPath).pairs().add(position, new DataPair(key, value));
            return root;
        }
    }

    /** Pair {@code pairIndex} of the mapping at {@code mapPath} is removed. */
    record RemovePair(List<Integer> mapPath, int pairIndex) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            mapAt(root, mapPath).pairs().remove(pairIndex);
            return root;
        }
    }

    /** The key of pair {@code pairIndex} of the mapping at {@code mapPath} becomes {@code key}. */
    record RenameKey(List<Integer> mapPath, int pairIndex, Object key) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            List<DataPair> pairs = mapAt(root, mapPath).pairs();
            pairs.set(pairIndex, new DataPair(key, pairs.get(pairIndex).value()));
            return root;
        }
    }

    /** {@code value} is appended to the sequence at {@code sequencePath}. */
    record AppendItem(List<Integer> sequencePath, Object value) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            sequenceAt(root, sequencePath).add(value);
            return root;
        }
    }

    /** Item {@code index} of the sequence at {@code sequencePath} is removed. */
    record RemoveItem(List<Integer> sequencePath, int index) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            sequenceAt(root, sequencePath).remove(index);
            return root;
        }
    }

    /** The whole document becomes {@code value}; used when the old document was empty. */
    record ReplaceRoot(Object value) implements DataChange {
        @Override
        public Object applyTo(Object root) {
            return value;
        }
    }

    private static Object at(Object root, List<Integer> path) {
        Object current = root;
        for (int step : path) {
            if (current instanceof DataMap map) {
                current = map.pairs().get(step).value();
            } else if (current instanceof List<?> list) {
                current = list.get(step);
            } else {
                throw new IllegalStateException("path " + path + " runs into a scalar");
            }
        }
        return current;
    }

    private static DataMap mapAt(Object root, List<Integer> path) {
        if (at(root, path) instanceof DataMap map) {
            return map;
        }
        throw new IllegalStateException("path " + path + " is not a mapping");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sequenceAt(Object root, List<Integer> path) {
        if (at(root, path) instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalStateException("path " + path + " is not a sequence");
    }
}
