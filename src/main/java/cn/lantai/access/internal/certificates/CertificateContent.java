package cn.lantai.access.internal.certificates;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What a certified copy shows: its heading, the lines of its first page (archive, number and code, date, purpose,
 * visitor, 档号, 题名, pages, the statement, the verify URL), the QR code of the verify URL, the watermarked page images
 * in order, and the footer of each page image. The PDF and the OFD are made from the same content.
 */
public record CertificateContent(String number, String heading, List<String> lines, BufferedImage qrCode,
        List<BufferedImage> pages, String pageFooter, String archive) {

    public CertificateContent {
        lines = List.copyOf(lines);
        pages = List.copyOf(pages);
    }
}
