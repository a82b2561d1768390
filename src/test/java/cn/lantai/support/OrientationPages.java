package cn.lantai.support;

import java.awt.image.BufferedImage;
import java.util.List;

/** A notice of several lines of Chinese at the top of an A4 page at 200 dpi: enough text for Tesseract's OSD. */
public final class OrientationPages {

    /** A phrase of the page that OCR reads when the page stands upright. */
    public static final String PHRASE = "档案移交";

    private OrientationPages() {
    }

    public static BufferedImage upright() {
        return ScanRenderer.a4("关于做好年度档案移交工作的通知", List.of(
                "各科室：根据上级要求，现将二〇一九年度文件材料的收集、整理和移交工作通知如下。",
                "一、认真做好文件材料的收集和整理工作，做到齐全完整。",
                "二、按照规定的时间向档案室移交，并填写移交清单。",
                "三、做好电子文件的归档和保管工作，确保真实可用。"), 14f, 200, false, 1).image();
    }
}
