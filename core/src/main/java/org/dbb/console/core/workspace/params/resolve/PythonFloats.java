package org.dbb.console.core.workspace.params.resolve;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles the way Python's {@code float.__repr__} does (shortest round-tripping digits, exponent form
 * outside {@code 1e-4 <= |x| < 1e16}), which both {@code json.dumps} and PyYAML build on. Stateless and
 * thread-safe.
 */
final class PythonFloats {

    private PythonFloats() {
    }

    /** {@code repr(d)}: {@code 0.1}, {@code 1e-05}, {@code 1e+16}, {@code 100.0}, {@code nan}, {@code -inf}. */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int decimalPoint = digits.length() - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (decimalPoint > -4 && decimalPoint <= 16) {
            return sign + fixed(digits, decimalPoint);
        }
        int exponent = decimalPoint - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = Integer.toString(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
    }

    private static String fixed(String digits, int decimalPoint) {
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= digits.length()) {
            return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    /**
     * The shortest decimal that reads back as {@code d}; among equally short ones the closest, as David Gay's
     * algorithm used by CPython picks. Floor and ceiling are tried too because the rounding interval of a power of
     * two is asymmetric, where the nearest candidate can miss while a farther one still rounds back.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) {
                return nearest;
            }
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk && upOk) {
                return exact.subtract(down).abs().compareTo(up.subtract(exact).abs()) <= 0 ? down : up;
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
