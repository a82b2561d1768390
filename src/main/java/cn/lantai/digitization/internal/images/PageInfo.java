package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;

/**
 * What a page image file says of one of its pages without decoding it: its index in the file (0 for a single-page
 * image), size in pixels, resolution in dots per inch as the file states it (0 where it states none), colour mode
 * and format (media type).
 */
public record PageInfo(int index, int width, int height, int dpiX, int dpiY, ColourMode colourMode, String format) {
}
