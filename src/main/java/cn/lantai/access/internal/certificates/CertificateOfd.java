package cn.lantai.access.internal.certificates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import cn.lantai.audit.ArchiveSeal;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * The certified copy as an OFD (GB/T 33190) with an electronic seal (GB/T 38540, SES_Signature version 4) made with
 * ofdrw's signing module: the first page the certificate's text and QR code drawn as an image at 150 dpi (ofdrw would
 * embed the whole 5 MB font for real text), then each watermarked page image on an A4 page. The seal (SESeal) is the
 * archive's own: its picture a red ring with the archive's name, its certificate a self-signed X.509 certificate of the
 * archive's SM2 key, signed with that key; the signature is SM3withSM2 by the same key through {@link ArchiveSeal}
 * over the TBS_Sign whose dataHash is the SM3 of Signature.xml, which lists the SM3 of every other file of the
 * package (whole-document protection).
 */
final class CertificateOfd {

    private static final double A4_WIDTH = 210;
    private static final double A4_HEIGHT = 297;
    private static final int COVER_DPI = 150;

    private CertificateOfd() {
    }

    static byte[] render(CertificateContent content, Font font, ArchiveSeal seal, Path work) {
        try {
            Path unsigned = work.resolve("unsigned.ofd");
            layout(content, font, work, unsigned);
            Path signed = work.resolve("signed.ofd");
            ArchiveSealContainer container = new ArchiveSealContainer(seal, sealOf(seal, content.archive(), font));
            OFDSigner signer = new OFDSigner(new OFDReader(unsigned), signed);
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(container);
            signer.addApPos(new NormalStampPos(1, A4_WIDTH - 70, A4_HEIGHT - 95, 40, 40));
            signer.exeSign();
            signer.close();
            return Files.readAllBytes(signed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing the OFD failed", e);
        }
    }

    private static void layout(CertificateContent content, Font font, Path work, Path out) throws IOException {
        List<Path> images = new ArrayList<>();
        Path cover = work.resolve("cover.png");
        ImageIO.write(cover(content, font), "png", cover.toFile());
        images.add(cover);
        int n = 0;
        for (BufferedImage page : content.pages()) {
            Path file = work.resolve(String.format("page-%04d.jpg", ++n));
            ImageIO.write(page, "jpeg", file.toFile());
            images.add(file);
        }
        try (OFDDoc doc = new OFDDoc(out)) {
            var info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile(content.heading() + " " + content.number());
            info.setSubject(content.number());
            info.setAuthor(content.archive());
            info.setCreator("Lantai");
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                double[] box = i == 0 ? new double[] {0, 0, A4_WIDTH, A4_HEIGHT}
                        : fit(content.pages().get(i - 1), A4_WIDTH - 30, A4_HEIGHT - 30);
                VirtualPage page = new VirtualPage(A4_WIDTH, A4_HEIGHT);
                Canvas canvas = new Canvas(0d, 0d, A4_WIDTH, A4_HEIGHT);
                canvas.setDrawer(ctx -> ctx.drawImage(image, box[0], box[1], box[2], box[3]));
                page.add(canvas);
                doc.addVPage(page);
            }
        } catch (org.dom4j.DocumentException e) {
            throw new IOException("ofdrw could not make the OFD", e);
        }
    }

    /** Where an image goes on the A4 page, centred in a box of the given size: x, y, width, height in mm. */
    private static double[] fit(BufferedImage image, double boxWidth, double boxHeight) {
        double scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        return new double[] {(A4_WIDTH - w) / 2, (A4_HEIGHT - h) / 2, w, h};
    }

    /** The first page as an image: the heading, the lines (wrapped), the QR code in the lower right corner. */
    private static BufferedImage cover(CertificateContent content, Font font) {
        int w = (int) Math.round(A4_WIDTH / 25.4 * COVER_DPI);
        int h = (int) Math.round(A4_HEIGHT / 25.4 * COVER_DPI);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            int margin = 100;
            g.setFont(font.deriveFont(Font.PLAIN, 50f));
            FontMetrics big = g.getFontMetrics();
            int y = margin + big.getAscent();
            g.drawString(content.heading(), (w - big.stringWidth(content.heading())) / 2, y);
            y += 90;
            g.setFont(font.deriveFont(Font.PLAIN, 25f));
            FontMetrics m = g.getFontMetrics();
            for (String line : content.lines()) {
                for (String wrapped : wrap(m, printable(line), w - 2 * margin)) {
                    g.drawString(wrapped, margin, y);
                    y += 42;
                }
                y += 8;
            }
            int side = 270;
            g.drawImage(content.qrCode(), w - margin - side, h - margin - side, side, side, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static List<String> wrap(FontMetrics m, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (m.stringWidth(line + ch) > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }

    /**
     * The archive's electronic seal (SESeal v4): type 1 (单位印章), named after the archive, its signer's certificate
     * and its maker's the self-signed certificate of the archive's key, valid ten years, its picture a PNG of 40 mm,
     * signed by the archive's key over the DER of SES_SealInfo.
     */
    private static SESeal sealOf(ArchiveSeal seal, String archive, Font font) throws IOException,
            GeneralSecurityException {
        byte[] certificate = seal.certificate();
        Instant now = Instant.now();
        ASN1EncodableVector certs = new ASN1EncodableVector(1);
        certs.add(new DEROctetString(certificate));
        SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                .setType(new ASN1Integer(1))
                .setName(new DERUTF8String(archive + " 档案证明专用章"))
                .setCertListType(SES_ESPropertyInfo.CertListType)
                .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(certs)))
                .setCreateDate(new ASN1GeneralizedTime(Date.from(now)))
                .setValidStart(new ASN1GeneralizedTime(Date.from(now.minus(1, ChronoUnit.DAYS))))
                .setValidEnd(new ASN1GeneralizedTime(Date.from(now.plus(3650, ChronoUnit.DAYS))));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(stamp(archive, font), "png", png);
        SES_SealInfo info = new SES_SealInfo()
                .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("Lantai")))
                .setEsID(new DERIA5String(UUID.randomUUID().toString().replace("-", "")))
                .setProperty(property)
                .setPicture(new SES_ESPictrueInfo().setType("PNG").setData(png.toByteArray()).setWidth(40)
                        .setHeight(40));
        return new SESeal().seteSealInfo(info).setCert(new DEROctetString(certificate))
                .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                .setSignedValue(seal.signSealStructure(info.getEncoded("DER")));
    }

    /** The seal's picture: a red ring, a star, and the archive's name below it. */
    private static BufferedImage stamp(String archive, Font font) {
        int side = 400;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xD0, 0x10, 0x10));
            g.setStroke(new BasicStroke(16));
            g.drawOval(12, 12, side - 24, side - 24);
            int[] xs = new int[10];
            int[] ys = new int[10];
            for (int i = 0; i < 10; i++) {
                double r = i % 2 == 0 ? 60 : 24;
                double a = -Math.PI / 2 + i * Math.PI / 5;
                xs[i] = (int) (side / 2 + r * Math.cos(a));
                ys[i] = (int) (side / 2 - 30 + r * Math.sin(a));
            }
            g.fillPolygon(xs, ys, 10);
            g.setFont(font.deriveFont(Font.BOLD, archive.length() > 8 ? 26f : 34f));
            FontMetrics m = g.getFontMetrics();
            String name = archive.length() > 14 ? archive.substring(0, 14) : archive;
            g.drawString(name, (side - m.stringWidth(name)) / 2, side / 2 + 70);
            g.setFont(font.deriveFont(Font.PLAIN, 28f));
            m = g.getFontMetrics();
            String use = "档案证明专用章";
            g.drawString(use, (side - m.stringWidth(use)) / 2, side / 2 + 115);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** ofdrw's hook to sign: the seal, and SM3withSM2 by the archive's key through {@link ArchiveSeal}. */
    private static final class ArchiveSealContainer implements ExtendSignatureContainer {

        private final ArchiveSeal seal;
        private final SESeal eseal;

        ArchiveSealContainer(ArchiveSeal seal, SESeal eseal) {
            this.seal = seal;
            this.eseal = eseal;
        }

        @Override
        public MessageDigest getDigestFnc() {
            return new SM3.Digest();
        }

        @Override
        public ASN1ObjectIdentifier getSignAlgOID() {
            return GMObjectIdentifiers.sm2sign_with_sm3;
        }

        @Override
        public byte[] sign(InputStream inData, String propertyInfo) throws IOException, GeneralSecurityException {
            byte[] dataHash = new SM3.Digest().digest(inData.readAllBytes());
            TBS_Sign toSign = new TBS_Sign()
                    .setVersion(SES_Header.V4)
                    .setEseal(eseal)
                    .setTimeInfo(new ASN1GeneralizedTime(new Date(), Locale.ROOT))
                    .setDataHash(dataHash)
                    .setPropertyInfo(propertyInfo);
            byte[] signature = seal.signSealStructure(toSign.getEncoded("DER"));
            return new SES_Signature()
                    .setToSign(toSign)
                    .setCert(new DEROctetString(seal.certificate()))
                    .setSignatureAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                    .setSignature(signature)
                    .getEncoded("DER");
        }

        @Override
        public byte[] getSeal() throws IOException {
            return eseal.getEncoded("DER");
        }

        @Override
        public SigType getSignType() {
            return SigType.Seal;
        }
    }
}
