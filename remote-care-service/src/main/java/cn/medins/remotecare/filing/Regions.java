package cn.medins.remotecare.filing;

/**
 * Administrative division codes (行政区划代码): a province is {@code XX0000}, a city (prefecture)
 * {@code XXXX00}. Two regions are the same prefecture when their first 4 digits match.
 */
public final class Regions {

    private Regions() {
    }

    public static boolean isProvince(String code) {
        return code.endsWith("0000");
    }

    public static boolean isCity(String code) {
        return !isProvince(code) && code.endsWith("00");
    }

    public static String province(String code) {
        return code.substring(0, 2);
    }

    public static boolean samePrefecture(String a, String b) {
        return a.substring(0, 4).equals(b.substring(0, 4));
    }

    /** A province destination covers the whole province; a city destination covers that city. */
    public static boolean covers(String destination, String region) {
        return isProvince(destination) ? province(destination).equals(province(region))
                : samePrefecture(destination, region);
    }

    /** Whether two destinations share any ground (equal, or one inside the other). */
    public static boolean overlap(String a, String b) {
        return covers(a, b) || covers(b, a);
    }
}
