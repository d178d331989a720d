package org.dbb.console.core.workspace.params;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.PyType;
import org.dbb.console.core.workspace.params.YamlValue.Scalar;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * One YAML file read the way fabric-cicd reads it: PyYAML's SafeLoader (YAML 1.1 typing, its tab and character
 * rules, its error texts) plus fabric-cicd's case-insensitive duplicate-key check. SnakeYAML only composes the
 * node tree; typing and construction follow PyYAML. Each instance serves one load; not thread-safe.
 */
final class YamlTree {

    /** The stream name PyYAML prints for text passed as a Python str. */
    private static final String STREAM_NAME = "<unicode string>";

    private static final String MAP = "tag:yaml.org,2002:map";
    private static final String SEQ = "tag:yaml.org,2002:seq";
    private static final String STR = "tag:yaml.org,2002:str";
    private static final String SET = "tag:yaml.org,2002:set";
    private static final String OMAP = "tag:yaml.org,2002:omap";
    private static final String PAIRS = "tag:yaml.org,2002:pairs";

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)"
                    + "(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?"
                    + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$");

    private final Path file;
    private final String text;
    private final int[] codePoints;
    private final Map<Node, YamlValue> constructed = new IdentityHashMap<>();
    /** Line and column where PyYAML's scanner starts the token it refuses, for the last scanner-rule error. */
    private final int[] scanRuleAt = new int[2];

    private YamlTree(Path file, String text) {
        this.file = file;
        this.text = text;
        this.codePoints = text.codePoints().toArray();
    }

    /**
     * Loads {@code text} (already decoded, without byte-order mark) as PyYAML would.
     *
     * @return the document's value; a Python {@code None} scalar when the text holds no document
     * @throws YamlLoadException when PyYAML (or fabric-cicd's duplicate-key check) would refuse the text
     */
    static YamlValue load(Path file, String text) throws YamlLoadException {
        return new YamlTree(file, text).load();
    }

    private YamlValue load() throws YamlLoadException {
        checkPrintable();
        Node root;
        try {
            root = compose();
        } catch (YamlLoadException composeError) {
            // PyYAML may already have stopped earlier, at a spot SnakeYAML lets through; its scanner reaches a
            // token before anything later happens to it, so a tie goes to the scanner.
            YamlLoadException earlier = scannerRuleError();
            boolean first = earlier != null && (scanRuleAt[0] < composeError.line()
                    || (scanRuleAt[0] == composeError.line() && scanRuleAt[1] <= composeError.column()));
            throw first ? earlier : composeError;
        }
        YamlLoadException scannerRule = scannerRuleError();
        if (scannerRule != null) {
            throw scannerRule;
        }
        if (root == null) {
            return new Scalar(PyType.NONE, null, new SourcePosition(file, 1, 1));
        }
        if (root instanceof MappingNode mapping) {
            new DuplicateKeyCheck(this).check(mapping);
        }
        return construct(root, 0);
    }

    private static boolean before(YamlLoadException a, YamlLoadException b) {
        return a.line() < b.line() || (a.line() == b.line() && a.column() < b.column());
    }

    private void checkPrintable() throws YamlLoadException {
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            boolean printable = cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
                    || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            if (!printable) {
                int[] lc = lineColumn(i);
                throw new YamlLoadException(String.format("unacceptable character #x%04x: special characters are not"
                        + " allowed%n  in \"%s\", position %d", cp, STREAM_NAME, i).replace("\r\n", "\n"),
                        lc[0], lc[1]);
            }
        }
    }

    private Node compose() throws YamlLoadException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setNestingDepthLimit(10_000);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(true);
        String source = text;
        while (true) {
            try {
                Composer composer = new Composer(new ParserImpl(new StreamReader(source), options),
                        new PyYamlResolver(), options);
                return composer.getSingleNode();
            } catch (MarkedYAMLException e) {
                Mark at = e.getProblemMark();
                if (at != null && e.getProblem() != null && e.getProblem().startsWith("found unknown escape character")
                        && at.getIndex() < codePoints.length && codePoints[at.getIndex()] == '\t') {
                    // PyYAML accepts a backslash followed by a tab in double quotes (it means a tab);
                    // SnakeYAML does not. "\t" has the same length and meaning, so marks stay valid.
                    int[] patched = source.codePoints().toArray();
                    patched[at.getIndex()] = 't';
                    source = new String(patched, 0, patched.length);
                    continue;
                }
                throw error(pyContext(e.getContext(), e.getProblem()), e.getContextMark(), pyProblem(e.getProblem()),
                        at);
            } catch (YAMLException e) {
                throw new YamlLoadException(String.valueOf(e.getMessage()), 0, 0);
            } catch (RuntimeException e) {
                // SnakeYAML signals a few malformed inputs with plain runtime exceptions; still a load error.
                throw new YamlLoadException(e.getClass().getSimpleName() + ": " + e.getMessage(), 0, 0);
            }
        }
    }

    private static String pyContext(String context, String problem) {
        if ("while scanning a tag".equals(context) && problem != null && problem.startsWith("expected URI")) {
            return "while parsing a tag";
        }
        return context;
    }

    /**
     * The first place where PyYAML's scanner refuses what SnakeYAML's accepts: a tab outside quoted scalars, block
     * scalar text and comments; an anchor or alias name that is not ASCII letters, digits, '-' and '_' followed by
     * a space, a line break or one of "?:,]}%@`"; directives not followed by '---'. Null when there is none.
     */
    private YamlLoadException scannerRuleError() {
        boolean[] safe = new boolean[codePoints.length + 1];
        boolean[] plain = new boolean[codePoints.length + 1];
        int scannedUpTo = codePoints.length;
        YamlLoadException tokenError = null;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        org.yaml.snakeyaml.scanner.Scanner scanner = new org.yaml.snakeyaml.scanner.ScannerImpl(
                new StreamReader(text), options);
        boolean afterDirective = false;
        try {
            while (tokenError == null && scanner.checkToken()) {
                org.yaml.snakeyaml.tokens.Token token = scanner.getToken();
                if (token instanceof org.yaml.snakeyaml.tokens.ScalarToken scalar) {
                    boolean[] target = scalar.getStyle() == DumperOptions.ScalarStyle.PLAIN ? plain : safe;
                    int end = Math.min(scalar.getEndMark().getIndex(), codePoints.length);
                    for (int i = scalar.getStartMark().getIndex(); i < end; i++) {
                        target[i] = true;
                    }
                }
                if (token instanceof org.yaml.snakeyaml.tokens.DirectiveToken) {
                    afterDirective = true;
                    continue;
                }
                if (afterDirective && token instanceof org.yaml.snakeyaml.tokens.StreamEndToken) {
                    tokenError = error(null, null, "expected '<document start>', but found '<stream end>'",
                            token.getStartMark());
                    scanRuleAt[0] = tokenError.line();
                    scanRuleAt[1] = tokenError.column();
                }
                afterDirective = false;
                if (token instanceof org.yaml.snakeyaml.tokens.AnchorToken
                        || token instanceof org.yaml.snakeyaml.tokens.AliasToken) {
                    tokenError = anchorError(token);
                }
            }
        } catch (MarkedYAMLException e) {
            scannedUpTo = e.getProblemMark() == null ? 0 : e.getProblemMark().getIndex();
            // SnakeYAML's scanner may have failed inside an anchor name it read too far; look for one.
            tokenError = textualAnchorError(safe, plain, scannedUpTo);
        } catch (YAMLException e) {
            scannedUpTo = 0;
        }
        YamlLoadException tab = tabError(safe, plain, scannedUpTo);
        if (tab != null && (tokenError == null || before(tab, tokenError))) {
            scanRuleAt[0] = tab.line();
            scanRuleAt[1] = tab.column();
            return tab;
        }
        return tokenError;
    }

    private YamlLoadException anchorError(org.yaml.snakeyaml.tokens.Token token) {
        return anchorError(token.getStartMark().getIndex(), token.getStartMark());
    }

    private YamlLoadException anchorError(int start, Mark startMark) {
        scanRuleAt[0] = startMark.getLine() + 1;
        scanRuleAt[1] = startMark.getColumn() + 1;
        String name = codePoints[start] == '*' ? "alias" : "anchor";
        int i = start + 1;
        while (i < codePoints.length && isAnchorChar(codePoints[i])) {
            i++;
        }
        int after = i < codePoints.length ? codePoints[i] : 0;
        if (i > start + 1 && after != 0 && "%@`".indexOf(after) >= 0) {
            // PyYAML ends the name there and then fails on the character; SnakeYAML took it into the name.
            return error("while scanning for the next token", null, "found character "
                    + PyValues.reprString(Character.toString(after)) + " that cannot start any token", markAt(i));
        }
        if (i == start + 1 || "\0 \t\r\n\u0085\u2028\u2029?:,]}%@`".indexOf(after) < 0) {
            return error("while scanning an " + name, startMark,
                    "expected alphabetic or numeric character, but found "
                            + PyValues.reprString(after == 0 ? "\0" : Character.toString(after)), markAt(i));
        }
        return null;
    }

    private YamlLoadException textualAnchorError(boolean[] safe, boolean[] plain, int upTo) {
        boolean inComment = false;
        for (int i = 0; i < Math.min(codePoints.length, upTo + 1); i++) {
            int cp = codePoints[i];
            int prev = i == 0 ? '\n' : codePoints[i - 1];
            if (cp == '\n' || cp == '\r') {
                inComment = false;
            } else if (!inComment && !safe[i] && !plain[i]) {
                if (cp == '#' && " \t\n\r".indexOf(prev) >= 0) {
                    inComment = true;
                } else if ((cp == '&' || cp == '*') && " \t\n\r[{,-?:".indexOf(prev) >= 0) {
                    YamlLoadException e = anchorError(i, markAt(i));
                    if (e != null) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isAnchorChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
    }

    private YamlLoadException tabError(boolean[] safe, boolean[] plain, int scannedUpTo) {
        if (text.indexOf('\t') < 0) {
            return null;
        }
        boolean inComment = false;
        for (int i = 0; i < Math.min(codePoints.length, scannedUpTo); i++) {
            int cp = codePoints[i];
            if (cp == '\n' || cp == '\r') {
                inComment = false;
                continue;
            }
            if (inComment || safe[i]) {
                continue;
            }
            if (cp == '#' && !plain[i] && (i == 0 || codePoints[i - 1] == ' ' || codePoints[i - 1] == '\t'
                    || codePoints[i - 1] == '\n' || codePoints[i - 1] == '\r')) {
                inComment = true;
                continue;
            }
            if (cp == '\t') {
                return error("while scanning for the next token", null,
                        "found character '\\t' that cannot start any token", markAt(i));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- construction (PyYAML SafeConstructor)

    YamlValue construct(Node node, int depth) throws YamlLoadException {
        YamlValue done = constructed.get(node);
        if (done != null) {
            return done;
        }
        if (depth > 2_000) {
            throw error(null, null, "the document nests too deeply (recursive aliases are not supported)",
                    node.getStartMark());
        }
        YamlValue value;
        String tag = node.getTag().getValue();
        if (node instanceof ScalarNode scalar) {
            value = constructScalar(scalar, tag);
        } else if (node instanceof SequenceNode seq) {
            value = constructSequence(seq, tag, depth);
        } else {
            value = constructMapping((MappingNode) node, tag, depth);
        }
        constructed.put(node, value);
        return value;
    }

    private YamlValue constructScalar(ScalarNode node, String tag) throws YamlLoadException {
        SourcePosition at = position(node.getStartMark());
        String v = node.getValue();
        switch (tag) {
            case STR:
                return Scalar.string(v, at);
            case "tag:yaml.org,2002:null":
                return new Scalar(PyType.NONE, null, at);
            case "tag:yaml.org,2002:bool":
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on" -> new Scalar(PyType.BOOL, Boolean.TRUE, at);
                    case "no", "false", "off" -> new Scalar(PyType.BOOL, Boolean.FALSE, at);
                    default -> throw error(null, null, "'" + v.toLowerCase(Locale.ROOT)
                            + "' is not a YAML boolean (KeyError in PyYAML)", node.getStartMark());
                };
            case "tag:yaml.org,2002:int":
                return new Scalar(PyType.INT, pyInt(v, node), at);
            case "tag:yaml.org,2002:float":
                return new Scalar(PyType.FLOAT, pyFloat(v, node), at);
            case "tag:yaml.org,2002:timestamp":
                return timestamp(v, node, at);
            case "tag:yaml.org,2002:binary":
                return new Scalar(PyType.BYTES, bytesRepr(pythonBase64(v, node)), at);
            case SEQ, OMAP, PAIRS:
                throw error(null, null, "expected a sequence node, but found scalar", node.getStartMark());
            case MAP, SET:
                throw error(null, null, "expected a mapping node, but found scalar", node.getStartMark());
            default:
                throw undefinedTag(node);
        }
    }

    private YamlValue constructSequence(SequenceNode node, String tag, int depth) throws YamlLoadException {
        SourcePosition at = position(node.getStartMark());
        if (tag.equals(SEQ)) {
            List<YamlValue> items = new ArrayList<>();
            for (Node child : node.getValue()) {
                items.add(construct(child, depth + 1));
            }
            return new Sequence(items, at);
        }
        if (tag.equals(OMAP) || tag.equals(PAIRS)) {
            String what = tag.equals(OMAP) ? "an ordered map" : "pairs";
            List<YamlValue> tuples = new ArrayList<>();
            for (Node child : node.getValue()) {
                if (!(child instanceof MappingNode pair)) {
                    throw error("while constructing " + what, node.getStartMark(),
                            "expected a mapping of length 1, but found " + nodeId(child), child.getStartMark());
                }
                if (pair.getValue().size() != 1) {
                    throw error("while constructing " + what, node.getStartMark(),
                            "expected a single mapping item, but found " + pair.getValue().size() + " items",
                            child.getStartMark());
                }
                NodeTuple t = pair.getValue().get(0);
                tuples.add(new Sequence(List.of(construct(t.getKeyNode(), depth + 1),
                        construct(t.getValueNode(), depth + 1)), "tuple", position(child.getStartMark())));
            }
            return new Sequence(tuples, at);
        }
        if (tag.equals(MAP) || tag.equals(SET)) {
            throw error(null, null, "expected a mapping node, but found sequence", node.getStartMark());
        }
        if (isScalarTag(tag)) {
            throw error(null, null, "expected a scalar node, but found sequence", node.getStartMark());
        }
        throw undefinedTag(node);
    }

    private YamlValue constructMapping(MappingNode node, String tag, int depth) throws YamlLoadException {
        SourcePosition at = position(node.getStartMark());
        if (tag.equals(MAP) || tag.equals(SET)) {
            List<NodeTuple> pairs = flatten(node);
            Map<Object, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple t : pairs) {
                YamlValue key = construct(t.getKeyNode(), depth + 1);
                Object hash;
                try {
                    hash = PyValues.hashKey(key);
                } catch (IllegalArgumentException e) {
                    throw error("while constructing a mapping", node.getStartMark(), "found unhashable key",
                            t.getKeyNode().getStartMark());
                }
                YamlValue value = construct(t.getValueNode(), depth + 1);
                Entry old = entries.get(hash);
                entries.put(hash, new Entry(old == null ? key : old.key(), value));
            }
            if (tag.equals(SET)) {
                List<String> keys = new ArrayList<>();
                entries.values().forEach(e -> keys.add(e.key().repr()));
                String shown = keys.isEmpty() ? "set()" : "{" + String.join(", ", keys) + "}";
                return new Scalar(PyType.SET, shown, at);
            }
            return new Mapping(entries, at);
        }
        if (tag.equals(SEQ)) {
            throw error(null, null, "expected a sequence node, but found mapping", node.getStartMark());
        }
        if (tag.equals(OMAP) || tag.equals(PAIRS)) {
            throw error("while constructing " + (tag.equals(OMAP) ? "an ordered map" : "pairs"),
                    node.getStartMark(), "expected a sequence, but found mapping", node.getStartMark());
        }
        if (isScalarTag(tag)) {
            throw error(null, null, "expected a scalar node, but found mapping", node.getStartMark());
        }
        throw undefinedTag(node);
    }

    /** PyYAML's {@code flatten_mapping}: merge keys ({@code <<}) pull in the merged mappings' pairs first. */
    private List<NodeTuple> flatten(MappingNode node) throws YamlLoadException {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            Node key = t.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                Node value = t.getValueNode();
                if (value instanceof MappingNode m) {
                    merged.addAll(flatten(m));
                } else if (value instanceof SequenceNode s) {
                    List<List<NodeTuple>> sub = new ArrayList<>();
                    for (Node item : s.getValue()) {
                        if (!(item instanceof MappingNode m)) {
                            throw error("while constructing a mapping", node.getStartMark(),
                                    "expected a mapping for merging, but found " + nodeId(item), item.getStartMark());
                        }
                        sub.add(flatten(m));
                    }
                    for (int i = sub.size() - 1; i >= 0; i--) {
                        merged.addAll(sub.get(i));
                    }
                } else {
                    throw error("while constructing a mapping", node.getStartMark(),
                            "expected a mapping or list of mappings for merging, but found " + nodeId(value),
                            value.getStartMark());
                }
            } else {
                if (key.getTag().equals(PyYamlResolver.VALUE)) {
                    key.setTag(Tag.STR);
                }
                own.add(t);
            }
        }
        merged.addAll(own);
        return merged;
    }

    private static boolean isScalarTag(String tag) {
        return tag.equals(STR) || tag.endsWith(":null") || tag.endsWith(":bool") || tag.endsWith(":int")
                || tag.endsWith(":float") || tag.endsWith(":timestamp") || tag.endsWith(":binary");
    }

    YamlLoadException undefinedTag(Node node) {
        return error(null, null, "could not determine a constructor for the tag "
                + PyValues.reprString(node.getTag().getValue()), node.getStartMark());
    }

    /** The key object a mapping key node stands for, as the duplicate-key check needs it. */
    YamlValue constructKey(Node keyNode) throws YamlLoadException {
        return construct(keyNode, 0);
    }

    private static String nodeId(Node node) {
        return node instanceof ScalarNode ? "scalar" : node instanceof SequenceNode ? "sequence" : "mapping";
    }

    private BigInteger pyInt(String raw, Node node) throws YamlLoadException {
        String v = raw.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            BigInteger result;
            if (v.equals("0")) {
                result = BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                result = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                result = new BigInteger(v.substring(2), 16);
            } else if (v.startsWith("0")) {
                result = new BigInteger(v, 8);
            } else if (v.contains(":")) {
                result = BigInteger.ZERO;
                BigInteger base = BigInteger.ONE;
                String[] digits = v.split(":");
                for (int i = digits.length - 1; i >= 0; i--) {
                    result = result.add(new BigInteger(digits[i]).multiply(base));
                    base = base.multiply(BigInteger.valueOf(60));
                }
            } else {
                result = new BigInteger(v);
            }
            return sign < 0 ? result.negate() : result;
        } catch (NumberFormatException e) {
            throw error(null, null, "invalid literal for int() with base 10: " + PyValues.reprString(raw)
                    + " (ValueError in PyYAML)", node.getStartMark());
        }
    }

    private double pyFloat(String raw, Node node) throws YamlLoadException {
        String v = raw.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            if (v.equals(".inf")) {
                return sign * Double.POSITIVE_INFINITY;
            }
            if (v.equals(".nan")) {
                return Double.NaN;
            }
            if (v.contains(":")) {
                String[] digits = v.split(":");
                double result = 0;
                double base = 1;
                for (int i = digits.length - 1; i >= 0; i--) {
                    result += Double.parseDouble(digits[i]) * base;
                    base *= 60;
                }
                return sign * result;
            }
            if (v.isEmpty() || !v.matches("[0-9.e+-]+")) {
                throw new NumberFormatException();
            }
            return sign * Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(null, null, "could not convert string to float: " + PyValues.reprString(raw)
                    + " (ValueError in PyYAML)", node.getStartMark());
        }
    }

    private YamlValue timestamp(String v, Node node, SourcePosition at) throws YamlLoadException {
        Matcher m = TIMESTAMP.matcher(v.trim());
        if (!m.matches()) {
            throw error(null, null, "invalid timestamp " + PyValues.reprString(v) + " (TypeError in PyYAML)",
                    node.getStartMark());
        }
        String date = String.format("%04d-%02d-%02d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return new Scalar(PyType.DATE, date, at);
        }
        StringBuilder b = new StringBuilder(date).append(' ')
                .append(String.format("%02d:%s:%s", Integer.parseInt(m.group(4)), m.group(5), m.group(6)));
        if (m.group(7) != null && !m.group(7).isEmpty()) {
            String fraction = (m.group(7) + "000000").substring(0, 6);
            if (!fraction.equals("000000")) {
                b.append('.').append(fraction);
            }
        }
        if (m.group(8) != null) {
            if (m.group(8).equals("Z")) {
                b.append("+00:00");
            } else {
                b.append(m.group(9)).append(String.format("%02d", Integer.parseInt(m.group(10))))
                        .append(':').append(m.group(11) == null ? "00" : m.group(11));
            }
        }
        return new Scalar(PyType.DATETIME, b.toString(), at);
    }

    /** Python's lenient {@code base64.decodebytes}: characters outside the alphabet are skipped. */
    private byte[] pythonBase64(String value, Node node) throws YamlLoadException {
        StringBuilder data = new StringBuilder();
        int padding = 0;
        for (char c : value.toCharArray()) {
            if (c == '=') {
                padding++;
                if ((data.length() + padding) % 4 == 0) {
                    break;
                }
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/') {
                if (padding > 0) {
                    padding = 0;
                }
                data.append(c);
            }
        }
        if (data.length() % 4 == 1 || (data.length() % 4 != 0 && (data.length() + padding) % 4 != 0)) {
            throw error(null, null, "failed to decode base64 data: "
                    + (data.length() % 4 == 1 ? "Invalid base64-encoded string" : "Incorrect padding"),
                    node.getStartMark());
        }
        String body = data.toString();
        while (body.length() % 4 != 0) {
            body += "=";
        }
        return Base64.getDecoder().decode(body);
    }

    private static String bytesRepr(byte[] bytes) {
        StringBuilder b = new StringBuilder("b'");
        for (byte raw : bytes) {
            int c = raw & 0xff;
            if (c == '\'' || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append((char) c);
            }
        }
        return b.append('\'').toString();
    }

    // ---------------------------------------------------------------- positions and PyYAML error texts

    Path file() {
        return file;
    }

    SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Mark markAt(int index) {
        int[] lc = lineColumn(index);
        return new Mark(STREAM_NAME, index, lc[0] - 1, lc[1] - 1, codePoints, index);
    }

    /** 1-based line and column of a code point index, counting line breaks as PyYAML's reader does. */
    private int[] lineColumn(int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < codePoints.length; i++) {
            int cp = codePoints[i];
            if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029
                    || (cp == '\r' && (i + 1 >= codePoints.length || codePoints[i + 1] != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** An error shaped as PyYAML's {@code MarkedYAMLError.__str__}. */
    YamlLoadException error(String context, Mark contextMark, String problem, Mark problemMark) {
        List<String> lines = new ArrayList<>();
        if (context != null) {
            lines.add(context);
        }
        if (contextMark != null && (problem == null || problemMark == null
                || contextMark.getLine() != problemMark.getLine()
                || contextMark.getColumn() != problemMark.getColumn())) {
            lines.add(markText(contextMark));
        }
        if (problem != null) {
            lines.add(problem);
        }
        if (problemMark != null) {
            lines.add(markText(problemMark));
        }
        Mark where = problemMark != null ? problemMark : contextMark;
        int line = where == null ? 0 : where.getLine() + 1;
        int column = where == null ? 0 : where.getColumn() + 1;
        return new YamlLoadException(String.join("\n", lines), line, column);
    }

    private String markText(Mark mark) {
        return "  in \"" + STREAM_NAME + "\", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                + ":\n" + snippet(mark.getIndex());
    }

    /** PyYAML's {@code Mark.get_snippet(indent=4, max_length=75)}. */
    private String snippet(int pointer) {
        String breaks = "\0\r\n\u0085\u2028\u2029";
        String head = "";
        int start = pointer;
        while (start > 0 && breaks.indexOf(at(start - 1)) < 0) {
            start--;
            if (pointer - start > 75 / 2.0 - 1) {
                head = " ... ";
                start += 5;
                break;
            }
        }
        String tail = "";
        int end = pointer;
        while (end < codePoints.length && breaks.indexOf(at(end)) < 0) {
            end++;
            if (end - pointer > 75 / 2.0 - 1) {
                tail = " ... ";
                end -= 5;
                break;
            }
        }
        String snippet = new String(codePoints, start, Math.max(0, end - start));
        return "    " + head + snippet + tail + "\n" + " ".repeat(4 + pointer - start + head.length()) + "^";
    }

    private char at(int index) {
        int cp = index < codePoints.length ? codePoints[index] : 0;
        return cp > 0xffff ? 'x' : (char) cp;
    }

    private static final Pattern SNAKE_CHAR = Pattern.compile(
            "found character '(.+?)' that cannot start any token.*", Pattern.DOTALL);
    private static final Pattern SNAKE_FOUND_CODE = Pattern.compile("(.*but found) (.)\\((\\d+)\\)$", Pattern.DOTALL);
    private static final Pattern SNAKE_ESCAPE = Pattern.compile(
            "found unknown escape character (.*)\\((\\d+)\\)", Pattern.DOTALL);
    private static final Pattern SNAKE_HEX = Pattern.compile(
            "expected escape sequence of (\\d+) hexadecimal numbers, but found: (.*)", Pattern.DOTALL);
    private static final Pattern SNAKE_ALIAS = Pattern.compile("found undefined alias (.*)", Pattern.DOTALL);
    private static final Pattern SNAKE_GOT = Pattern.compile("(.*but (?:got|found)) (<[^>']+>|[^\\s'])$",
            Pattern.DOTALL);
    private static final Pattern SNAKE_QUOTED_CODE = Pattern.compile("(.*but found '.*') \\(\\d+\\)$",
            Pattern.DOTALL);
    private static final Pattern SNAKE_ANCHOR_CHAR = Pattern.compile("unexpected character found (.?)\\((\\d+)\\)",
            Pattern.DOTALL);
    private static final Pattern SNAKE_GLOBAL_TAG = Pattern.compile("Global tag is not allowed: (.*)", Pattern.DOTALL);

    /** SnakeYAML words a few problems differently from PyYAML; say them the PyYAML way. */
    private static String pyProblem(String problem) {
        if (problem == null) {
            return null;
        }
        Matcher m = SNAKE_CHAR.matcher(problem);
        if (m.matches()) {
            String ch = m.group(1).startsWith("\\t") ? "\t" : m.group(1);
            return "found character " + PyValues.reprString(ch) + " that cannot start any token";
        }
        m = SNAKE_FOUND_CODE.matcher(problem);
        if (m.matches()) {
            return m.group(1) + " " + PyValues.reprString(new String(Character.toChars(Integer.parseInt(m.group(3)))));
        }
        m = SNAKE_ESCAPE.matcher(problem);
        if (m.matches()) {
            return "found unknown escape character "
                    + PyValues.reprString(new String(Character.toChars(Integer.parseInt(m.group(2)))));
        }
        m = SNAKE_HEX.matcher(problem);
        if (m.matches()) {
            String found = m.group(2);
            String bad = found.codePoints().filter(c -> Character.digit(c, 16) < 0).findFirst()
                    .stream().mapToObj(Character::toString).findFirst().orElse(found.isEmpty() ? "" : found);
            return "expected escape sequence of " + m.group(1) + " hexadecimal numbers, but found "
                    + PyValues.reprString(bad);
        }
        m = SNAKE_QUOTED_CODE.matcher(problem);
        if (m.matches()) {
            return m.group(1);
        }
        m = SNAKE_ANCHOR_CHAR.matcher(problem);
        if (m.matches()) {
            return "expected alphabetic or numeric character, but found "
                    + PyValues.reprString(new String(Character.toChars(Integer.parseInt(m.group(2)))));
        }
        m = SNAKE_GLOBAL_TAG.matcher(problem);
        if (m.matches()) {
            return "could not determine a constructor for the tag " + PyValues.reprString(m.group(1));
        }
        m = SNAKE_ALIAS.matcher(problem);
        if (m.matches()) {
            return "found undefined alias " + PyValues.reprString(m.group(1));
        }
        m = SNAKE_GOT.matcher(problem);
        if (m.matches()) {
            return m.group(1) + " '" + m.group(2) + "'";
        }
        return problem;
    }
}
