package dev.issuecommand.followups.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Shows a duration as the number of minutes an operator configured ({@code 0.05}, {@code 1440}). */
final class Minutes {

    private Minutes() {
    }

    static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
