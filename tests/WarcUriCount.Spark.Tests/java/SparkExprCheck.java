// Evaluates the Spark SQL expression subset that WarcUriCount.SparkPlan emits, with Spark 3.x semantics, so the
// plan's regexes and expressions are checked without a JVM Spark install. Run as a single-file program:
//   java SparkExprCheck.java < commands
// Strings are byte arrays as in Spark's UTF8String; regex functions decode them with Java's UTF-8 decoder (invalid
// bytes become U+FFFD) and run java.util.regex exactly as Spark's RegExpExtract/RegExpReplace/RLike/StringSplit do.
//
// Input lines (base64 fields):  RESET | STAGE | EXPR <expr> | ROW <file> <value>   (RESET forgets every stage)
// Output, one line per ROW: the last stage's columns as name=value joined by TAB, values N (null), T/F, I:<n>,
// S:<base64> (string) or B:<base64> (binary).
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

public class SparkExprCheck {
    // ----- values -----
    record Str(byte[] b) {
        String decode() { return new String(b, StandardCharsets.UTF_8); }
        static Str of(String s) { return new Str(s.getBytes(StandardCharsets.UTF_8)); }
    }
    record Bin(byte[] b) {}

    // ----- AST -----
    interface Node { Object eval(Map<String, Object> env); }

    // ----- tokenizer -----
    static final class Lexer {
        final String s; int i = 0;
        Lexer(String s) { this.s = s; }
        List<String[]> tokens() {
            List<String[]> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= s.length()) break;
                char c = s.charAt(i);
                if ((c == 'X' || c == 'x') && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    int j = s.indexOf('\'', i + 2);
                    out.add(new String[] {"bin", s.substring(i + 2, j)});
                    i = j + 1;
                } else if (c == '\'') {
                    int j = i + 1;
                    while (s.charAt(j) != '\'') { if (s.charAt(j) == '\\') j++; j++; }
                    out.add(new String[] {"str", unescape(s.substring(i + 1, j))});
                    i = j + 1;
                } else if (c == '`') {
                    int j = s.indexOf('`', i + 1);
                    out.add(new String[] {"id", s.substring(i + 1, j)});
                    i = j + 1;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                    out.add(new String[] {"num", s.substring(i, j)});
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                    out.add(new String[] {"id", s.substring(i, j)});
                    i = j;
                } else {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("->")) {
                        out.add(new String[] {"op", two.equals("!=") ? "<>" : two});
                        i += 2;
                    } else if ("(),=<>+-".indexOf(c) >= 0) {
                        out.add(new String[] {"op", String.valueOf(c)});
                        i++;
                    } else {
                        throw new IllegalArgumentException("unexpected character '" + c + "' in: " + s);
                    }
                }
            }
            return out;
        }

        // Spark's ParserUtils.unescapeSQLString (spark.sql.parser.escapedStringLiterals=false).
        static String unescape(String body) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < body.length(); k++) {
                char c = body.charAt(k);
                if (c != '\\' || k + 1 == body.length()) { sb.append(c); continue; }
                char n = body.charAt(++k);
                if (n == 'u' && k + 4 < body.length() + 0 && body.substring(k + 1, Math.min(body.length(), k + 5)).matches("[0-9A-Fa-f]{4}")) {
                    sb.append((char) Integer.parseInt(body.substring(k + 1, k + 5), 16));
                    k += 4;
                    continue;
                }
                if (n >= '0' && n <= '1' && k + 2 < body.length() && isOctal(body.charAt(k + 1)) && isOctal(body.charAt(k + 2))) {
                    sb.append((char) Integer.parseInt(body.substring(k, k + 3), 8));
                    k += 2;
                    continue;
                }
                switch (n) {
                    case '0' -> sb.append('\u0000');
                    case 'b' -> sb.append('\b');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'Z' -> sb.append('\u001A');
                    case '%' -> sb.append("\\%");
                    case '_' -> sb.append("\\_");
                    default -> sb.append(n);
                }
            }
            return sb.toString();
        }

        static boolean isOctal(char c) { return c >= '0' && c <= '7'; }
    }

    // ----- parser -----
    static final class Parser {
        final List<String[]> t; int p = 0; final Set<String> lambdaVars = new HashSet<>();
        Parser(List<String[]> t) { this.t = t; }
        String[] peek(int k) { return p + k < t.size() ? t.get(p + k) : new String[] {"eof", ""}; }
        boolean isKw(String kw) { return peek(0)[0].equals("id") && peek(0)[1].equalsIgnoreCase(kw); }
        boolean isOp(String op) { return peek(0)[0].equals("op") && peek(0)[1].equals(op); }
        void expectOp(String op) { if (!isOp(op)) throw new IllegalArgumentException("expected " + op + " at token " + p); p++; }
        void expectKw(String kw) { if (!isKw(kw)) throw new IllegalArgumentException("expected " + kw + " at token " + p); p++; }

        Node top(String[] aliasOut) {
            Node n = or();
            if (isKw("AS")) { p++; aliasOut[0] = t.get(p++)[1]; }
            else if (peek(0)[0].equals("eof") && n instanceof ColRef c) aliasOut[0] = c.name;
            else throw new IllegalArgumentException("expression needs an alias");
            if (!peek(0)[0].equals("eof")) throw new IllegalArgumentException("trailing tokens at " + p);
            return n;
        }

        Node or() {
            Node l = and();
            while (isKw("OR")) { p++; Node a = l, b = and(); l = env -> logic(a.eval(env), b, env, false); }
            return l;
        }

        Node and() {
            Node l = not();
            while (isKw("AND")) { p++; Node a = l, b = not(); l = env -> logic(a.eval(env), b, env, true); }
            return l;
        }

        Node not() {
            if (isKw("NOT")) { p++; Node a = not(); return env -> { Object v = a.eval(env); return v == null ? null : !(Boolean) v; }; }
            return predicate();
        }

        Node predicate() {
            Node l = additive();
            while (true) {
                if (peek(0)[0].equals("op") && List.of("=", "<>", "<", "<=", ">", ">=").contains(peek(0)[1])) {
                    String op = t.get(p++)[1];
                    Node a = l, b = additive();
                    l = env -> compare(op, a.eval(env), b.eval(env));
                } else if (isKw("IN") || (isKw("NOT") && peek(1)[1].equalsIgnoreCase("IN"))) {
                    boolean negate = isKw("NOT");
                    if (negate) p++;
                    p++;
                    expectOp("(");
                    List<Node> items = new ArrayList<>();
                    do { items.add(or()); } while (isOp(",") && ++p > 0);
                    expectOp(")");
                    Node a = l;
                    l = env -> {
                        Object v = a.eval(env);
                        if (v == null) return null;
                        boolean sawNull = false;
                        for (Node item : items) {
                            Object w = item.eval(env);
                            if (w == null) { sawNull = true; continue; }
                            if ((Boolean) compare("=", v, w)) return !negate;
                        }
                        return sawNull ? null : negate;
                    };
                } else if (isKw("IS")) {
                    p++;
                    boolean negate = isKw("NOT");
                    if (negate) p++;
                    expectKw("NULL");
                    Node a = l;
                    l = env -> (a.eval(env) == null) != negate;
                } else if (isKw("RLIKE")) {
                    p++;
                    Node a = l, b = additive();
                    l = env -> {
                        Object s = a.eval(env), r = b.eval(env);
                        if (s == null || r == null) return null;
                        return pattern(r).matcher(((Str) s).decode()).find(0);
                    };
                } else {
                    return l;
                }
            }
        }

        Node additive() {
            Node l = primary();
            while (isOp("+") || isOp("-")) {
                String op = t.get(p++)[1];
                Node a = l, b = primary();
                l = env -> {
                    Object x = a.eval(env), y = b.eval(env);
                    if (x == null || y == null) return null;
                    return op.equals("+") ? (Long) x + (Long) y : (Long) x - (Long) y;
                };
            }
            return l;
        }

        Node primary() {
            String[] tok = peek(0);
            if (tok[0].equals("str")) { p++; Str v = Str.of(tok[1]); return env -> v; }
            if (tok[0].equals("bin")) { p++; Bin v = new Bin(HexFormat.of().parseHex(tok[1])); return env -> v; }
            if (tok[0].equals("num")) { p++; Long v = Long.parseLong(tok[1]); return env -> v; }
            if (isOp("-")) { p++; Node a = primary(); return env -> { Object v = a.eval(env); return v == null ? null : -(Long) v; }; }
            if (isOp("(")) {
                // A lambda's parameter list: (a, b) -> body. Spark's grammar wants two or more names in parentheses;
                // one parameter is written without them (x -> body).
                if (peek(1)[0].equals("id") && peek(2)[0].equals("op") && peek(2)[1].equals(",") && lambdaAhead()) {
                    return lambda();
                }
                p++;
                Node n = or();
                expectOp(")");
                return n;
            }
            if (tok[0].equals("id") && peek(1)[0].equals("op") && peek(1)[1].equals("->")) {
                String param = tok[1];
                p += 2;
                return new Lambda(List.of(param), or());
            }
            if (tok[0].equals("id")) {
                String name = tok[1];
                if (name.equalsIgnoreCase("NULL")) { p++; return env -> null; }
                if (name.equalsIgnoreCase("TRUE")) { p++; return env -> Boolean.TRUE; }
                if (name.equalsIgnoreCase("FALSE")) { p++; return env -> Boolean.FALSE; }
                if (name.equalsIgnoreCase("CAST")) {
                    p++;
                    expectOp("(");
                    Node a = or();
                    expectKw("AS");
                    String type = t.get(p++)[1].toUpperCase(Locale.ROOT);
                    expectOp(")");
                    return env -> cast(a.eval(env), type);
                }
                if (peek(1)[0].equals("op") && peek(1)[1].equals("(")) {
                    p += 2;
                    List<Node> args = new ArrayList<>();
                    if (!isOp(")")) {
                        do { args.add(or()); } while (isOp(",") && ++p > 0);
                    }
                    expectOp(")");
                    return call(name.toLowerCase(Locale.ROOT), args);
                }
                p++;
                return new ColRef(name);
            }
            throw new IllegalArgumentException("unexpected token " + Arrays.toString(tok) + " at " + p);
        }

        boolean lambdaAhead() {
            int k = p + 1;
            while (k < t.size() && !(t.get(k)[0].equals("op") && t.get(k)[1].equals(")"))) k++;
            return k + 1 < t.size() && t.get(k + 1)[0].equals("op") && t.get(k + 1)[1].equals("->");
        }

        Node lambda() {
            expectOp("(");
            List<String> params = new ArrayList<>();
            do { params.add(t.get(p++)[1]); } while (isOp(",") && ++p > 0);
            expectOp(")");
            expectOp("->");
            Node body = or();
            return new Lambda(params, body);
        }
    }

    record ColRef(String name) implements Node {
        public Object eval(Map<String, Object> env) {
            if (!env.containsKey(name)) throw new IllegalArgumentException("unknown column " + name + " in " + env.keySet());
            return env.get(name);
        }
    }

    record Lambda(List<String> params, Node body) implements Node {
        public Object eval(Map<String, Object> env) { throw new IllegalStateException("lambda outside a higher-order function"); }
        Object apply(Map<String, Object> env, Object... values) {
            Map<String, Object> inner = new HashMap<>(env);
            for (int k = 0; k < params.size(); k++) inner.put(params.get(k), values[k]);
            return body.eval(inner);
        }
    }

    // Spark compiles a literal pattern once per expression; caching by text here only saves time.
    static final Map<String, Pattern> PATTERNS = new HashMap<>();

    static Pattern pattern(Object regex) {
        return PATTERNS.computeIfAbsent(((Str) regex).decode(), Pattern::compile);
    }

    static Object logic(Object a, Node bNode, Map<String, Object> env, boolean isAnd) {
        if (a != null && (Boolean) a != isAnd) return a; // short-circuit as Spark's And/Or
        Object b = bNode.eval(env);
        if (a == null) {
            if (b != null && (Boolean) b != isAnd) return b;
            return null;
        }
        return b;
    }

    static Object compare(String op, Object a, Object b) {
        if (a == null || b == null) return null;
        int c;
        if (a instanceof Str x && b instanceof Str y) c = Arrays.compareUnsigned(x.b(), y.b());
        else if (a instanceof Bin x && b instanceof Bin y) c = Arrays.compareUnsigned(x.b(), y.b());
        else if (a instanceof Long x && b instanceof Long y) c = Long.compare(x, y);
        else if (a instanceof Boolean x && b instanceof Boolean y) c = Boolean.compare(x, y);
        else throw new IllegalArgumentException("type mismatch in " + op + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName());
        return switch (op) {
            case "=" -> c == 0; case "<>" -> c != 0; case "<" -> c < 0; case "<=" -> c <= 0; case ">" -> c > 0; case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException(op);
        };
    }

    static Object cast(Object v, String type) {
        if (v == null) return null;
        return switch (type) {
            case "BINARY" -> v instanceof Str s ? new Bin(s.b()) : v;
            case "STRING" -> v instanceof Bin b ? new Str(b.b()) : v instanceof Str ? v : Str.of(String.valueOf(v));
            case "BIGINT" -> v instanceof Str s ? Long.parseLong(s.decode().trim()) : v;
            case "INT" -> {
                long l = v instanceof Str s ? Long.parseLong(s.decode().trim()) : (Long) v;
                if (l != (int) l) throw new ArithmeticException("int overflow in cast: " + l);
                yield l;
            }
            default -> throw new IllegalArgumentException("cast to " + type);
        };
    }

    static Node call(String name, List<Node> args) {
        return env -> {
            if (name.equals("if")) {
                Object c = args.get(0).eval(env);
                return Boolean.TRUE.equals(c) ? args.get(1).eval(env) : args.get(2).eval(env);
            }
            if (name.equals("coalesce")) {
                for (Node a : args) { Object v = a.eval(env); if (v != null) return v; }
                return null;
            }
            if (name.equals("transform")) {
                Object arr = args.get(0).eval(env);
                if (arr == null) return null;
                Lambda f = (Lambda) args.get(1);
                List<Object> out = new ArrayList<>();
                List<?> list = (List<?>) arr;
                for (int k = 0; k < list.size(); k++) {
                    out.add(f.params().size() == 2 ? f.apply(env, list.get(k), (long) k) : f.apply(env, list.get(k)));
                }
                return out;
            }
            if (name.equals("input_file_name")) return env.get("__file");
            if (name.equals("nullif")) {
                Object a = args.get(0).eval(env), b = args.get(1).eval(env);
                return a != null && b != null && (Boolean) compare("=", a, b) ? null : a;
            }
            Object[] v = new Object[args.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = args.get(k).eval(env);
                if (v[k] == null) return null; // every other function used is null-intolerant
            }
            switch (name) {
                case "regexp_extract": {
                    Matcher m = pattern(v[1]).matcher(((Str) v[0]).decode());
                    if (!m.find()) return Str.of("");
                    String g = m.group((int) (long) (Long) v[2]);
                    return Str.of(g == null ? "" : g);
                }
                case "regexp_replace": {
                    Matcher m = pattern(v[1]).matcher(((Str) v[0]).decode());
                    StringBuffer sb = new StringBuffer();
                    while (m.find()) m.appendReplacement(sb, ((Str) v[2]).decode());
                    m.appendTail(sb);
                    return Str.of(sb.toString());
                }
                case "translate": {
                    String src = ((Str) v[0]).decode(), from = ((Str) v[1]).decode(), to = ((Str) v[2]).decode();
                    Map<Integer, String> dict = new HashMap<>();
                    int j = 0;
                    for (int k = 0; k < from.length(); ) {
                        int cp = from.codePointAt(k);
                        String rep = j < to.length() ? new String(Character.toChars(to.codePointAt(j))) : "\u0000";
                        dict.putIfAbsent(cp, rep);
                        k += Character.charCount(cp);
                        if (j < to.length()) j += Character.charCount(to.codePointAt(j));
                    }
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < src.length(); ) {
                        int cp = src.codePointAt(k);
                        String rep = dict.get(cp);
                        if (rep == null) sb.appendCodePoint(cp); else if (!rep.equals("\u0000")) sb.append(rep);
                        k += Character.charCount(cp);
                    }
                    return Str.of(sb.toString());
                }
                case "concat": {
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    for (Object x : v) o.writeBytes(((Str) x).b());
                    return new Str(o.toByteArray());
                }
                case "substring": {
                    if (!(v[0] instanceof Bin b)) throw new IllegalArgumentException("the plan must use substring on BINARY only (byte positions)");
                    int pos = (int) (long) (Long) v[1];
                    int len = v.length > 2 ? (int) (long) (Long) v[2] : Integer.MAX_VALUE;
                    byte[] bytes = b.b();
                    if (pos > bytes.length) return new Bin(new byte[0]);
                    int start = 0, end;
                    if (pos > 0) start = pos - 1; else if (pos < 0) start = bytes.length + pos;
                    if ((bytes.length - start) < len) end = bytes.length; else end = start + len;
                    start = Math.max(start, 0);
                    if (start >= end) return new Bin(new byte[0]);
                    return new Bin(Arrays.copyOfRange(bytes, start, end));
                }
                case "substring_index": {
                    byte[] s = ((Str) v[0]).b(), d = ((Str) v[1]).b();
                    long count = (Long) v[2];
                    if (count != 1) throw new IllegalArgumentException("substring_index: only count 1 is modelled");
                    int at = indexOf(s, d);
                    return at < 0 ? v[0] : new Str(Arrays.copyOf(s, at));
                }
                case "octet_length":
                    return (long) (v[0] instanceof Str s ? s.b().length : ((Bin) v[0]).b().length);
                case "split": {
                    int limit = (int) (long) (Long) v[2];
                    String[] parts = pattern(v[1]).split(((Str) v[0]).decode(), limit == 0 ? -1 : limit);
                    List<Object> out = new ArrayList<>();
                    for (String part : parts) out.add(Str.of(part));
                    return out;
                }
                case "array_join": {
                    StringBuilder sb = new StringBuilder();
                    boolean first = true;
                    for (Object x : (List<?>) v[0]) {
                        if (x == null) continue;
                        if (!first) sb.append(((Str) v[1]).decode());
                        sb.append(((Str) x).decode());
                        first = false;
                    }
                    return Str.of(sb.toString());
                }
                default:
                    throw new IllegalArgumentException("function not modelled: " + name);
            }
        };
    }

    static int indexOf(byte[] s, byte[] d) {
        outer:
        for (int k = 0; k + d.length <= s.length; k++) {
            for (int j = 0; j < d.length; j++) if (s[k + j] != d[j]) continue outer;
            return k;
        }
        return -1;
    }

    static String encode(Object v) {
        Base64.Encoder b64 = Base64.getEncoder();
        if (v == null) return "N";
        if (v instanceof Boolean b) return b ? "T" : "F";
        if (v instanceof Long l) return "I:" + l;
        if (v instanceof Str s) return "S:" + b64.encodeToString(s.b());
        if (v instanceof Bin b) return "B:" + b64.encodeToString(b.b());
        throw new IllegalArgumentException("cannot print " + v.getClass());
    }

    public static void main(String[] argv) throws IOException {
        Base64.Decoder b64 = Base64.getDecoder();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<List<Node>> stages = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] f = line.split(" ");
            switch (f[0]) {
                case "RESET" -> { stages.clear(); names.clear(); }
                case "STAGE" -> { stages.add(new ArrayList<>()); names.add(new ArrayList<>()); }
                case "EXPR" -> {
                    String text = new String(b64.decode(f[1]), StandardCharsets.UTF_8);
                    String[] alias = new String[1];
                    try {
                        stages.get(stages.size() - 1).add(new Parser(new Lexer(text).tokens()).top(alias));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("cannot parse: " + text, e);
                    }
                    names.get(names.size() - 1).add(alias[0]);
                }
                case "ROW" -> {
                    Map<String, Object> env = new HashMap<>();
                    env.put("__file", new Str(b64.decode(f[1])));
                    env.put("value", new Str(f.length > 2 ? b64.decode(f[2]) : new byte[0]));
                    for (int s = 0; s < stages.size(); s++) {
                        Map<String, Object> next = new HashMap<>();
                        next.put("__file", env.get("__file"));
                        for (int e = 0; e < stages.get(s).size(); e++) {
                            next.put(names.get(s).get(e), stages.get(s).get(e).eval(env));
                        }
                        env = next;
                    }
                    List<String> cols = new ArrayList<>();
                    for (String n : names.get(names.size() - 1)) cols.add(n + "=" + encode(env.get(n)));
                    out.println(String.join("\t", cols));
                }
                default -> throw new IllegalArgumentException("unknown command " + f[0]);
            }
        }
        out.flush();
    }
}
