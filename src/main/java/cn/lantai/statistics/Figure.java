package cn.lantai.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.context.MessageSourceResolvable;

/**
 * One figure of the yearly report: its key (stable, the JSON field name), the message key of its label and the
 * label's argument (a category's name, a retention or grade as its own message, resolved in the reader's language;
 * null for most), this year's value and the previous year's.
 */
public record Figure(String key, String label, MessageSourceResolvable labelArgument, BigDecimal value,
        BigDecimal previous) {

    /** The change against the previous year (this year's value less the previous one). */
    public BigDecimal change() {
        return value.subtract(previous);
    }

    /** The change in percent of the previous year, to one decimal; null when the previous year is 0 ("—"). */
    public BigDecimal changePercent() {
        if (previous.signum() == 0) {
            return null;
        }
        return change().multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
    }
}
