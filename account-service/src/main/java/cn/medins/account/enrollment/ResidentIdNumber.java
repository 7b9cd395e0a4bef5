package cn.medins.account.enrollment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, and an
 * ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdNumber() {
    }

    /** @return why the number is not a valid ID number, or empty when it is */
    public static Optional<String> problem(String number, LocalDate today) {
        if (number == null || !number.matches("\\d{17}[0-9X]")) {
            return Optional.of("must be 18 characters: 17 digits and a check character 0-9 or X");
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            return Optional.of("check character is wrong (GB 11643 MOD 11-2): expected "
                    + checkCharacter(number.substring(0, 17)));
        }
        Optional<LocalDate> birth = birthDate(number);
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().getYear() < 1880) {
            return Optional.of("digits 7-14 are not a possible birth date");
        }
        return Optional.empty();
    }

    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Region and check kept, birth date and sequence hidden: {@code 150402********123X}. */
    public static String mask(String number) {
        return number.substring(0, 6) + "*".repeat(8) + number.substring(14);
    }
}
