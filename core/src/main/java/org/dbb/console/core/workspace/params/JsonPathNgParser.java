package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An LALR(1) parser for the grammar of jsonpath_ng's {@code ExtendedJsonPathParser}, with its conflicts settled the
 * way PLY's yacc settles them (precedence and associativity, shift by default, earlier rule on reduce/reduce), so
 * it accepts exactly the paths jsonpath_ng accepts. The tables are built by the constructor; immutable and
 * thread-safe afterwards.
 */
final class JsonPathNgParser {

    /** A token from the lexer: its PLY type, its value as PLY prints it, and where it is. */
    record Token(String type, String value, int line, int col) {
    }

    /** Supplies tokens lazily, as PLY's lexer does; throws the lexer's error when it meets a bad character. */
    interface TokenSource {
        /** The next token, or null at the end of input. */
        Token next();
    }

    /** A production: left side, right side and the "line" PLY orders rules by. */
    private record Production(String lhs, String[] rhs, int line) {
    }

    private static final String END = "$end";
    private static final String START = "S'";

    /** The grammar in PLY's rule order (sorted by the line of each p_ function in jsonpath_ng). */
    private static final List<Production> PRODUCTIONS = List.of(
            p(0, START, "jsonpath"),
            p(1, "jsonpath", "NUMBER", "operator", "NUMBER"),
            p(1, "jsonpath", "FLOAT", "operator", "FLOAT"),
            p(1, "jsonpath", "ID", "operator", "ID"),
            p(1, "jsonpath", "NUMBER", "operator", "jsonpath"),
            p(1, "jsonpath", "FLOAT", "operator", "jsonpath"),
            p(1, "jsonpath", "jsonpath", "operator", "NUMBER"),
            p(1, "jsonpath", "jsonpath", "operator", "FLOAT"),
            p(1, "jsonpath", "jsonpath", "operator", "jsonpath"),
            p(2, "jsonpath", "jsonpath", ".", "jsonpath"),
            p(2, "jsonpath", "jsonpath", "DOUBLEDOT", "jsonpath"),
            p(2, "jsonpath", "jsonpath", "WHERE", "jsonpath"),
            p(2, "jsonpath", "jsonpath", "WHERENOT", "jsonpath"),
            p(2, "jsonpath", "jsonpath", "|", "jsonpath"),
            p(2, "jsonpath", "jsonpath", "&", "jsonpath"),
            p(3, "operator", "+"),
            p(3, "operator", "-"),
            p(3, "operator", "*"),
            p(3, "operator", "/"),
            p(4, "jsonpath", "NAMED_OPERATOR"),
            p(5, "jsonpath", "fields_or_any"),
            p(6, "expression", "jsonpath"),
            p(6, "expression", "jsonpath", "FILTER_OP", "ID"),
            p(6, "expression", "jsonpath", "FILTER_OP", "FLOAT"),
            p(6, "expression", "jsonpath", "FILTER_OP", "NUMBER"),
            p(6, "expression", "jsonpath", "FILTER_OP", "BOOL"),
            p(7, "jsonpath", "$"),
            p(8, "jsonpath", "[", "idx", "]"),
            p(9, "expressions", "expression"),
            p(9, "jsonpath", "[", "slice", "]"),
            p(10, "expressions", "expressions", "&", "expressions"),
            p(10, "jsonpath", "[", "fields", "]"),
            p(11, "jsonpath", "jsonpath", "[", "fields", "]"),
            p(12, "expressions", "(", "expressions", ")"),
            p(13, "jsonpath", "jsonpath", "[", "idx", "]"),
            p(14, "filter", "?", "expressions"),
            p(15, "jsonpath", "jsonpath", "[", "slice", "]"),
            p(16, "jsonpath", "jsonpath", "[", "filter", "]"),
            p(17, "jsonpath", "(", "jsonpath", ")"),
            p(18, "sort", "SORT_DIRECTION", "jsonpath"),
            p(19, "sorts", "sort"),
            p(19, "fields_or_any", "fields"),
            p(19, "fields_or_any", "*"),
            p(19, "fields_or_any", "NUMBER"),
            p(20, "sorts", "sorts", "sorts"),
            p(21, "jsonpath", "jsonpath", "[", "sorts", "]"),
            p(22, "fields", "ID"),
            p(23, "jsonpath", "@"),
            p(24, "fields", "fields", ",", "fields"),
            p(25, "idx", "NUMBER"),
            p(26, "idx", "idx", ",", "idx"),
            p(27, "slice", "*"),
            p(28, "slice", "maybe_int", ":", "maybe_int"),
            p(28, "slice", "maybe_int", ":", "maybe_int", ":", "maybe_int"),
            p(29, "maybe_int", "NUMBER"),
            p(29, "maybe_int", "empty"),
            p(30, "empty"));

    /** jsonpath_ng's precedence list: associativity and level per terminal (higher binds tighter). */
    private static final Map<String, Object[]> PRECEDENCE = precedenceTable();

    private static Map<String, Object[]> precedenceTable() {
        String[][] levels = {{"left", "+", "-"}, {"left", "*", "/"}, {"left", ","}, {"left", "DOUBLEDOT"},
            {"left", "."}, {"left", "|"}, {"left", "&"}, {"left", "WHERE"}, {"left", "WHERENOT"}, {"nonassoc", "ID"}};
        Map<String, Object[]> table = new HashMap<>();
        for (int level = 0; level < levels.length; level++) {
            for (int i = 1; i < levels[level].length; i++) {
                table.put(levels[level][i], new Object[] {levels[level][0], level + 1});
            }
        }
        return Map.copyOf(table);
    }

    private static Production p(int line, String lhs, String... rhs) {
        return new Production(lhs, rhs, line);
    }

    private final Set<String> nonterminals = new TreeSet<>();
    private final List<String> terminals = new ArrayList<>();
    private final Map<String, Integer> terminalIndex = new HashMap<>();
    private final Map<String, BitSet> first = new HashMap<>();
    private final Set<String> nullable = new TreeSet<>();
    /** Per state: terminal to action (shift: state+1 as positive, reduce: -(production), accept: 0, error: null). */
    private final List<Map<String, Integer>> actions = new ArrayList<>();
    private final List<Map<String, Integer>> gotos = new ArrayList<>();
    private final Map<Integer, Integer> defaultReductions = new HashMap<>();
    private final Map<String, List<Integer>> productionsOf = new HashMap<>();

    JsonPathNgParser() {
        for (Production prod : PRODUCTIONS) {
            nonterminals.add(prod.lhs());
        }
        for (Production prod : PRODUCTIONS) {
            for (String s : prod.rhs()) {
                if (!nonterminals.contains(s) && !terminalIndex.containsKey(s)) {
                    terminalIndex.put(s, terminals.size());
                    terminals.add(s);
                }
            }
        }
        terminalIndex.put(END, terminals.size());
        terminals.add(END);
        for (int p = 0; p < PRODUCTIONS.size(); p++) {
            productionsOf.computeIfAbsent(PRODUCTIONS.get(p).lhs(), k -> new ArrayList<>()).add(p);
        }
        computeFirstSets();
        buildTables();
    }

    // ------------------------------------------------------------------ FIRST sets

    private void computeFirstSets() {
        for (String nt : nonterminals) {
            first.put(nt, new BitSet());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Production prod : PRODUCTIONS) {
                BitSet target = first.get(prod.lhs());
                int before = target.cardinality();
                boolean allNullable = true;
                for (String s : prod.rhs()) {
                    if (nonterminals.contains(s)) {
                        target.or(first.get(s));
                        if (!nullable.contains(s)) {
                            allNullable = false;
                            break;
                        }
                    } else {
                        target.set(terminalIndex.get(s));
                        allNullable = false;
                        break;
                    }
                }
                if (allNullable && nullable.add(prod.lhs())) {
                    changed = true;
                }
                if (target.cardinality() != before) {
                    changed = true;
                }
            }
        }
    }

    /** FIRST of {@code rhs[from..]} followed by {@code lookahead}. */
    private BitSet firstOf(String[] rhs, int from, BitSet lookahead) {
        BitSet out = new BitSet();
        for (int i = from; i < rhs.length; i++) {
            String s = rhs[i];
            if (!nonterminals.contains(s)) {
                out.set(terminalIndex.get(s));
                return out;
            }
            out.or(first.get(s));
            if (!nullable.contains(s)) {
                return out;
            }
        }
        out.or(lookahead);
        return out;
    }

    // ------------------------------------------------------------------ LR(0) automaton with LALR(1) lookaheads

    private record Item(int production, int dot) implements Comparable<Item> {
        @Override
        public int compareTo(Item o) {
            return production != o.production ? Integer.compare(production, o.production) : Integer.compare(dot, o.dot);
        }
    }

    private List<Item> closure0(Set<Item> kernel) {
        List<Item> items = new ArrayList<>(kernel);
        Set<Item> seen = new TreeSet<>(kernel);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String[] rhs = PRODUCTIONS.get(it.production()).rhs();
            if (it.dot() < rhs.length && nonterminals.contains(rhs[it.dot()])) {
                for (int p : productionsOf.get(rhs[it.dot()])) {
                    Item added = new Item(p, 0);
                    if (seen.add(added)) {
                        items.add(added);
                    }
                }
            }
        }
        return items;
    }

    private void buildTables() {
        List<Set<Item>> kernels = new ArrayList<>();
        Map<Set<Item>, Integer> index = new HashMap<>();
        List<Map<String, Integer>> transitions = new ArrayList<>();
        Set<Item> start = new TreeSet<>(List.of(new Item(0, 0)));
        kernels.add(start);
        index.put(start, 0);
        for (int s = 0; s < kernels.size(); s++) {
            Map<String, Set<Item>> next = new LinkedHashMap<>();
            for (Item it : closure0(kernels.get(s))) {
                String[] rhs = PRODUCTIONS.get(it.production()).rhs();
                if (it.dot() < rhs.length) {
                    next.computeIfAbsent(rhs[it.dot()], k -> new TreeSet<>()).add(new Item(it.production(),
                            it.dot() + 1));
                }
            }
            Map<String, Integer> edges = new LinkedHashMap<>();
            for (Map.Entry<String, Set<Item>> e : next.entrySet()) {
                Integer target = index.get(e.getValue());
                if (target == null) {
                    target = kernels.size();
                    kernels.add(e.getValue());
                    index.put(e.getValue(), target);
                }
                edges.put(e.getKey(), target);
            }
            transitions.add(edges);
        }
        // Lookaheads of kernel items, grown to a fixed point: the LALR(1) lookaheads.
        List<Map<Item, BitSet>> lookaheads = new ArrayList<>();
        for (Set<Item> kernel : kernels) {
            Map<Item, BitSet> la = new HashMap<>();
            kernel.forEach(k -> la.put(k, new BitSet()));
            lookaheads.add(la);
        }
        lookaheads.get(0).get(new Item(0, 0)).set(terminalIndex.get(END));
        List<Map<Item, BitSet>> closures = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            closures.clear();
            for (int s = 0; s < kernels.size(); s++) {
                Map<Item, BitSet> closed = closure1(lookaheads.get(s));
                closures.add(closed);
                for (Map.Entry<Item, BitSet> e : closed.entrySet()) {
                    Item it = e.getKey();
                    String[] rhs = PRODUCTIONS.get(it.production()).rhs();
                    if (it.dot() < rhs.length) {
                        int target = transitions.get(s).get(rhs[it.dot()]);
                        BitSet la = lookaheads.get(target).get(new Item(it.production(), it.dot() + 1));
                        int before = la.cardinality();
                        la.or(e.getValue());
                        if (la.cardinality() != before) {
                            changed = true;
                        }
                    }
                }
            }
        }
        for (int s = 0; s < kernels.size(); s++) {
            buildState(s, closures.get(s), transitions.get(s));
        }
    }

    private Map<Item, BitSet> closure1(Map<Item, BitSet> kernel) {
        Map<Item, BitSet> items = new LinkedHashMap<>();
        kernel.forEach((k, v) -> items.put(k, (BitSet) v.clone()));
        java.util.ArrayDeque<Item> work = new java.util.ArrayDeque<>(items.keySet());
        while (!work.isEmpty()) {
            Item it = work.poll();
            String[] rhs = PRODUCTIONS.get(it.production()).rhs();
            if (it.dot() < rhs.length && nonterminals.contains(rhs[it.dot()])) {
                BitSet la = firstOf(rhs, it.dot() + 1, items.get(it));
                for (int p : productionsOf.get(rhs[it.dot()])) {
                    Item added = new Item(p, 0);
                    BitSet target = items.get(added);
                    if (target == null) {
                        items.put(added, (BitSet) la.clone());
                        work.add(added);
                    } else {
                        int before = target.cardinality();
                        target.or(la);
                        if (target.cardinality() != before && !work.contains(added)) {
                            work.add(added);
                        }
                    }
                }
            }
        }
        return items;
    }

    private static Object[] precedenceOf(String terminal) {
        return PRECEDENCE.getOrDefault(terminal, new Object[] {"right", 0});
    }

    /** A rule's precedence is that of its rightmost terminal, as in PLY. */
    private Object[] precedenceOf(Production prod) {
        for (int i = prod.rhs().length - 1; i >= 0; i--) {
            if (!nonterminals.contains(prod.rhs()[i])) {
                return precedenceOf(prod.rhs()[i]);
            }
        }
        return new Object[] {"right", 0};
    }

    private void buildState(int state, Map<Item, BitSet> items, Map<String, Integer> edges) {
        Map<String, Integer> action = new HashMap<>();
        Map<String, Integer> reducedBy = new HashMap<>();
        for (Map.Entry<Item, BitSet> e : items.entrySet()) {
            Item it = e.getKey();
            Production prod = PRODUCTIONS.get(it.production());
            if (it.dot() == prod.rhs().length) {
                if (it.production() == 0) {
                    action.put(END, 0);
                    continue;
                }
                for (int t = e.getValue().nextSetBit(0); t >= 0; t = e.getValue().nextSetBit(t + 1)) {
                    String a = terminals.get(t);
                    resolve(action, reducedBy, a, -it.production(), it.production());
                }
            } else {
                String a = prod.rhs()[it.dot()];
                if (!nonterminals.contains(a)) {
                    resolve(action, reducedBy, a, edges.get(a) + 1, -1);
                }
            }
        }
        Map<String, Integer> gotoRow = new HashMap<>();
        edges.forEach((symbol, target) -> {
            if (nonterminals.contains(symbol)) {
                gotoRow.put(symbol, target);
            }
        });
        actions.add(action);
        gotos.add(gotoRow);
        List<Integer> real = action.values().stream().filter(v -> v != null).toList();
        if (action.size() == 1 && real.size() == 1 && real.get(0) < 0) {
            defaultReductions.put(state, real.get(0));
        }
    }

    /** PLY's conflict resolution; {@code value} > 0 is a shift to state value-1, < 0 a reduce. */
    private void resolve(Map<String, Integer> action, Map<String, Integer> reducedBy, String a, int value,
                         int production) {
        if (!action.containsKey(a)) {
            action.put(a, value);
            if (value < 0) {
                reducedBy.put(a, production);
            }
            return;
        }
        Integer existing = action.get(a);
        if (existing == null) {
            return;
        }
        if (value < 0 && existing > 0) {
            Object[] s = precedenceOf(a);
            Object[] r = precedenceOf(PRODUCTIONS.get(production));
            int slevel = (Integer) s[1];
            int rlevel = (Integer) r[1];
            if (slevel < rlevel || (slevel == rlevel && r[0].equals("left"))) {
                action.put(a, value);
                reducedBy.put(a, production);
            } else if (slevel == rlevel && r[0].equals("nonassoc")) {
                action.put(a, null);
            }
        } else if (value < 0 && existing < 0) {
            Production old = PRODUCTIONS.get(reducedBy.get(a));
            if (old.line() > PRODUCTIONS.get(production).line()) {
                action.put(a, value);
                reducedBy.put(a, production);
            }
        } else if (value > 0 && existing < 0) {
            Object[] s = precedenceOf(a);
            Object[] r = precedenceOf(PRODUCTIONS.get(reducedBy.get(a)));
            int slevel = (Integer) s[1];
            int rlevel = (Integer) r[1];
            if (slevel > rlevel || (slevel == rlevel && r[0].equals("right"))) {
                action.put(a, value);
                reducedBy.remove(a);
            } else if (slevel == rlevel && r[0].equals("nonassoc")) {
                action.put(a, null);
            }
        }
    }

    // ------------------------------------------------------------------ driver

    /** Thrown with jsonpath_ng's message when parsing fails. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message);
        }
    }

    /** Hook for rule actions that can fail (named operators). */
    interface Reductions {
        void reduced(String lhs, List<Token> rhsTokens) throws ParseError;
    }

    /** Parses the tokens; throws the error jsonpath_ng would raise. */
    void parse(TokenSource tokens, Reductions reductions) throws ParseError {
        List<Integer> states = new ArrayList<>();
        List<List<Token>> symbolTokens = new ArrayList<>();
        states.add(0);
        Token lookahead = null;
        boolean haveLookahead = false;
        while (true) {
            int state = states.get(states.size() - 1);
            Integer act;
            if (defaultReductions.containsKey(state)) {
                act = defaultReductions.get(state);
            } else {
                if (!haveLookahead) {
                    lookahead = tokens.next();
                    haveLookahead = true;
                }
                String type = lookahead == null ? END : lookahead.type();
                act = actions.get(state).get(type);
                if (act == null) {
                    if (lookahead == null) {
                        throw new ParseError("Parse error near the end of string!");
                    }
                    throw new ParseError("Parse error at " + lookahead.line() + ":" + lookahead.col() + " near token "
                            + lookahead.value() + " (" + lookahead.type() + ")");
                }
            }
            if (act > 0) {
                states.add(act - 1);
                symbolTokens.add(List.of(lookahead));
                haveLookahead = false;
            } else if (act < 0) {
                Production prod = PRODUCTIONS.get(-act);
                int n = prod.rhs().length;
                List<Token> covered = new ArrayList<>();
                for (int i = symbolTokens.size() - n; i < symbolTokens.size(); i++) {
                    covered.addAll(symbolTokens.get(i));
                }
                for (int i = 0; i < n; i++) {
                    states.remove(states.size() - 1);
                    symbolTokens.remove(symbolTokens.size() - 1);
                }
                reductions.reduced(prod.lhs(), covered);
                states.add(gotos.get(states.get(states.size() - 1)).get(prod.lhs()));
                symbolTokens.add(covered);
            } else {
                return;
            }
        }
    }
}
