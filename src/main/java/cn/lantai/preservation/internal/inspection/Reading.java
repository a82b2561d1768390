package cn.lantai.preservation.internal.inspection;

/**
 * What opening a file in its format showed: the media type (refined where the content says more than its magic, as
 * an OFD inside a zip), a format name for people, whether it opened and whether it is encrypted.
 */
record Reading(String mediaType, String formatName, boolean opens, boolean encrypted) {

    static Reading opened(String mediaType, String formatName) {
        return new Reading(mediaType, formatName, true, false);
    }

    static Reading failed(String mediaType, String formatName) {
        return new Reading(mediaType, formatName, false, false);
    }
}
