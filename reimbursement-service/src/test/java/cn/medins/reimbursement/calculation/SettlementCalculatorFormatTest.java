package cn.medins.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the trace writes ratios: in percent, as a person writes them, whatever scale the policy used. */
class SettlementCalculatorFormatTest {

    @Test
    void ratiosAreWrittenInPercentWithoutTrailingZeros() {
        String[][] cases = {{"0.88", "88%"}, {"0.90", "90%"}, {"0.9", "90%"}, {"0.9000", "90%"}, {"0.905", "90.5%"},
                {"1", "100%"}, {"1.00", "100%"}, {"0.05", "5%"}, {"0", "0%"}, {"0.00", "0%"}, {"0.0125", "1.25%"}};
        for (String[] c : cases) {
            assertEquals(c[1], SettlementCalculator.percent(new BigDecimal(c[0])), c[0]);
        }
    }
}
