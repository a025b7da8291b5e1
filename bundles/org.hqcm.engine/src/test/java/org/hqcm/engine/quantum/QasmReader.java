package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small OpenQASM 2.0 / 3 reader for tests, written apart from the exporter: one quantum register, gate calls with
 * numeric parameter expressions (numbers, pi, + - * /, parentheses, unary minus), measurements and barriers; comments
 * with //. Anything else is an error naming the line.
 */
public final class QasmReader {

    /** One gate call: name, parameters, qubit indices. */
    public record Op(String name, double[] params, int[] qubits) {
    }

    /** What was read. */
    public record Program(String version, int qubits, List<Op> ops, boolean measured) {
    }

    private QasmReader() {
    }

    public static Program read(String text) {
        String version = null;
        int qubits = -1;
        String register = null;
        List<Op> ops = new ArrayList<>();
        boolean measured = false;
        StringBuilder clean = new StringBuilder();
        for (String line : text.split("\\R")) {
            int c = line.indexOf("//");
            clean.append(c >= 0 ? line.substring(0, c) : line).append('\n');
        }
        for (String raw : clean.toString().split(";")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("OPENQASM")) {
                version = s.substring("OPENQASM".length()).strip();
            } else if (s.startsWith("include")) {
                continue;
            } else if (s.startsWith("qreg")) {
                register = s.substring(4, s.indexOf('[')).strip();
                qubits = Integer.parseInt(s.substring(s.indexOf('[') + 1, s.indexOf(']')));
            } else if (s.startsWith("qubit[")) {
                qubits = Integer.parseInt(s.substring(6, s.indexOf(']')));
                register = s.substring(s.indexOf(']') + 1).strip();
            } else if (s.startsWith("creg") || s.startsWith("bit[") || s.startsWith("barrier")) {
                continue;
            } else if (s.startsWith("measure") || s.contains("= measure")) {
                measured = true;
            } else {
                ops.add(gate(s, register, qubits));
            }
        }
        if (version == null || qubits < 1) {
            throw new IllegalArgumentException("not an OpenQASM program with a quantum register");
        }
        return new Program(version, qubits, List.copyOf(ops), measured);
    }

    private static Op gate(String s, String register, int qubits) {
        String name;
        double[] params = new double[0];
        String rest;
        int paren = s.indexOf('(');
        int space = s.indexOf(' ');
        if (paren >= 0 && (space < 0 || paren < space)) {
            name = s.substring(0, paren).strip();
            int close = matching(s, paren);
            String[] args = s.substring(paren + 1, close).split(",");
            params = new double[args.length];
            for (int i = 0; i < args.length; i++) {
                params[i] = new Expression(args[i]).parse();
            }
            rest = s.substring(close + 1);
        } else {
            name = s.substring(0, space).strip();
            rest = s.substring(space + 1);
        }
        String[] targets = rest.split(",");
        int[] q = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            String t = targets[i].strip();
            if (!t.startsWith(register + "[")) {
                throw new IllegalArgumentException("'" + s + "': expected qubits of register " + register);
            }
            q[i] = Integer.parseInt(t.substring(register.length() + 1, t.indexOf(']')));
            if (q[i] < 0 || q[i] >= qubits) {
                throw new IllegalArgumentException("'" + s + "': qubit " + q[i] + " outside 0.." + (qubits - 1));
            }
        }
        return new Op(name.toLowerCase(Locale.ROOT), params, q);
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + s + "': unbalanced parentheses");
    }

    /** Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*. */
    private static final class Expression {
        private final String s;
        private int i;

        Expression(String s) {
            this.s = s.strip();
        }

        double parse() {
            double v = sum();
            skip();
            if (i != s.length()) {
                throw new IllegalArgumentException("'" + s + "': unexpected '" + s.substring(i) + "'");
            }
            return v;
        }

        private double sum() {
            double v = product();
            while (true) {
                skip();
                if (peek('+')) {
                    i++;
                    v += product();
                } else if (peek('-')) {
                    i++;
                    v -= product();
                } else {
                    return v;
                }
            }
        }

        private double product() {
            double v = unary();
            while (true) {
                skip();
                if (peek('*')) {
                    i++;
                    v *= unary();
                } else if (peek('/')) {
                    i++;
                    v /= unary();
                } else {
                    return v;
                }
            }
        }

        private double unary() {
            skip();
            if (peek('-')) {
                i++;
                return -unary();
            }
            if (peek('(')) {
                i++;
                double v = sum();
                skip();
                if (!peek(')')) {
                    throw new IllegalArgumentException("'" + s + "': expected ')'");
                }
                i++;
                return v;
            }
            if (s.startsWith("pi", i)) {
                i += 2;
                return Math.PI;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e'
                    || s.charAt(i) == 'E' || ((s.charAt(i) == '-' || s.charAt(i) == '+')
                            && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
