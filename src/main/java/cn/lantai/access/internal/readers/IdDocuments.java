package cn.lantai.access.internal.readers;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.lantai.access.IdType;
import cn.lantai.access.AccessProblem;

/**
 * The checks of a visitor's ID document number and the masks of personal data. A resident ID (居民身份证) follows
 * GB 11643-1999: 18 characters, a 6-digit region code (address code, GB/T 2260) whose first two digits name a
 * province, a birth date {@code yyyyMMdd} that exists and is not in the future, a 3-digit sequence, and an ISO 7064
 * MOD 11-2 check character (0–9 or X). The other documents are checked for their shape only. Full-width characters
 * (１２３, ｘ) are read as their ASCII forms and letters as capitals, so the same number always reads the same.
 */
public final class IdDocuments {

    /** The longest number taken at all, before any other check. */
    public static final int MAX_LENGTH = 64;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** GB/T 2260's provinces, autonomous regions and municipalities, 71 台湾, 81 香港, 82 澳门, 83 (台湾居民居住证). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final Pattern RESIDENT_SHAPE = Pattern.compile("[0-9]{17}[0-9X]");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** A Chinese passport is a letter and 8 digits; a foreign one up to 20 letters and digits. */
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    /** 港澳居民来往内地通行证: H or M and 8 digits (10 in the older booklets). */
    private static final Pattern HK_MACAO = Pattern.compile("[HM][0-9]{8}([0-9]{2})?");
    /** 台湾居民来往大陆通行证: 8 digits (10 in the older booklets). */
    private static final Pattern TAIWAN = Pattern.compile("[0-9]{8}([0-9]{2})?");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private IdDocuments() {
    }

    /** The number in its one normal form, or {@link AccessProblem} saying what is wrong with it. */
    public static String normalise(IdType type, String given, LocalDate today) {
        if (type == null) {
            throw new AccessProblem("access.id.type-missing");
        }
        if (given == null || given.isBlank()) {
            throw new AccessProblem("access.id.missing");
        }
        if (given.length() > MAX_LENGTH * 2) {
            throw new AccessProblem("access.id.too-long", MAX_LENGTH);
        }
        String number = Normalizer.normalize(given, Normalizer.Form.NFKC).replaceAll("[\\s]", "")
                .toUpperCase(Locale.ROOT);
        if (number.length() > MAX_LENGTH) {
            throw new AccessProblem("access.id.too-long", MAX_LENGTH);
        }
        switch (type) {
            case RESIDENT_ID -> checkResident(number, today);
            case PASSPORT -> shape(number, PASSPORT, type);
            case HK_MACAO_PERMIT -> shape(number, HK_MACAO, type);
            case TAIWAN_PERMIT -> shape(number, TAIWAN, type);
            case OTHER -> shape(number, OTHER, type);
        }
        return number;
    }

    private static void checkResident(String number, LocalDate today) {
        if (number.length() != 18) {
            throw new AccessProblem("access.id.resident.length", number.length());
        }
        if (!RESIDENT_SHAPE.matcher(number).matches()) {
            throw new AccessProblem("access.id.resident.shape");
        }
        if (!PROVINCES.contains(number.substring(0, 2)) || number.startsWith("00", 2)) {
            throw new AccessProblem("access.id.resident.region", number.substring(0, 6));
        }
        String digits = number.substring(6, 14);
        LocalDate birth;
        try {
            birth = LocalDate.parse(digits, BIRTH);
        } catch (DateTimeParseException e) {
            throw new AccessProblem("access.id.resident.birth-date", digits);
        }
        if (birth.isAfter(today)) {
            throw new AccessProblem("access.id.resident.birth-future", digits);
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new AccessProblem("access.id.resident.birth-date", digits);
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            throw new AccessProblem("access.id.resident.check-digit");
        }
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static void shape(String number, Pattern pattern, IdType type) {
        if (!pattern.matcher(number).matches()) {
            throw new AccessProblem("access.id.shape." + type.name());
        }
    }

    /** {@code 3201********1234}: the first four and the last four characters; shorter numbers show less. */
    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int n = number.length();
        if (n >= 12) {
            return number.substring(0, 4) + "*".repeat(n - 8) + number.substring(n - 4);
        }
        if (n >= 6) {
            return number.substring(0, 1) + "*".repeat(n - 3) + number.substring(n - 2);
        }
        return "*".repeat(n);
    }

    /** {@code 138****5678}: the first three and last four digits of a phone number, the rest hidden. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip();
        if (p.length() <= 4) {
            return "*".repeat(p.length());
        }
        int head = Math.min(3, p.length() - 4);
        return p.substring(0, head) + "*".repeat(p.length() - head - 4) + p.substring(p.length() - 4);
    }

    /** A phone number without spaces and dashes, or null when none is given; refused when it is not one. */
    public static String phone(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String phone = Normalizer.normalize(given, Normalizer.Form.NFKC).replaceAll("[\\s()-]", "");
        if (phone.length() > 32 || !PHONE.matcher(phone).matches()) {
            throw new AccessProblem("access.phone.shape");
        }
        return phone;
    }

    /**
     * A name or a unit as given, stripped: required or not, at most {@code max} characters (a character outside
     * Unicode's basic plane, such as the GB18030 extensions' 𠀀, counts as one), no control characters. Script in it is
     * text: the pages escape it.
     */
    public static String text(String given, int max, boolean required, String field) {
        String text = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            if (required) {
                throw new AccessProblem("access." + field + ".missing");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new AccessProblem("access." + field + ".too-long", max);
        }
        if (CONTROL.matcher(text).find()) {
            throw new AccessProblem("access." + field + ".control");
        }
        return text;
    }
}
