package br.com.whatsappoficial.profile;

/**
 * Where the square is cut from a logo that is not square: each offset is the share of the spare width (or
 * height) left of (or above) the square, so 0.5 is centred and 0 keeps the left (or top) edge.
 */
record PictureCrop(double x, double y) {

    static final PictureCrop CENTRED = new PictureCrop(0.5, 0.5);

    PictureCrop {
        if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("crop offsets must be between 0 and 1");
        }
    }

    /** The offsets a form sent as percentages; anything unreadable or out of range centres. */
    static PictureCrop ofPercent(String x, String y) {
        return new PictureCrop(percent(x), percent(y));
    }

    private static double percent(String value) {
        try {
            double percent = Double.parseDouble(value.strip());
            return percent >= 0 && percent <= 100 ? percent / 100 : 0.5;
        } catch (NumberFormatException notANumber) {
            return 0.5;
        }
    }
}
