package cn.lantai.access;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import cn.lantai.access.internal.UseLedger;
import cn.lantai.access.internal.Visits;
import cn.lantai.access.internal.certificates.CertificateDocuments;
import cn.lantai.access.internal.certificates.CertificateNumbers;
import cn.lantai.access.internal.certificates.CertificateRecords;
import cn.lantai.access.internal.delivery.Watermark;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.ScannedPages;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certified copies (档案证明 / 出证): a reading-room clerk ({@code SERVE_READERS}, with sight of the record) issues a
 * copy of a record's scanned pages for a visit and purpose (of a controlled record only for a visit holding a live
 * grant of it, {@link GrantedCopies#forVisit}), as a PDF signed over its byte range (CMS SignedData,
 * SM3withSM2) and an OFD with the archive's electronic seal (GB/T 38540), both by the archive's one SM2 key
 * ({@link ArchiveSeal}). Each carries the archive's name, the number and its random verification code, the date, the
 * purpose, the 档号 and 题名, the watermarked pages ("档案证明 No. …") and a QR code of the verify URL. Issued ones are
 * registered, counted in the use ledger and audited, their files kept under {@code lantai.certificates.dir}
 * (default {@code <data-dir>/certificates}). Anyone verifies a number with its code, or an uploaded file; a wrong code
 * answers exactly as an unknown number. The clerk or the approver ({@code APPROVE_USE}) revokes with a reason.
 * The verify URL begins with {@code lantai.access.public-url}; where it is not set, with the address the clerk's own
 * request came to (a warning, once, recommends setting it: the public may reach the archive by another name).
 */
@Service
public class Certificates {

    /** At most this many pages in one certificate. */
    public static final int MAX_PAGES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Certificates.class);

    private final CatalogManagement catalog;
    private final ScannedPages scanned;
    private final Derivatives derivatives;
    private final CertificateRecords records;
    private final CertificateDocuments documents;
    private final Visits visits;
    private final GrantedCopies grants;
    private final UseLedger ledger;
    private final AuditTrail trail;
    private final ArchiveSeal seal;
    private final Watermark watermark;
    private final String archive;
    private final String publicUrl;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Path dir;
    private final Clock clock = Clock.systemUTC();

    Certificates(CatalogManagement catalog, ScannedPages scanned, Derivatives derivatives, CertificateRecords records,
            CertificateDocuments documents, Visits visits, GrantedCopies grants, UseLedger ledger, AuditTrail trail,
            ArchiveSeal seal, Watermark watermark, @Value("${lantai.archive-name:档案馆}") String archive,
            @Value("${lantai.access.public-url:}") String publicUrl,
            @Value("${lantai.certificates.dir:${lantai.data-dir}/certificates}") Path dir) {
        this.catalog = catalog;
        this.scanned = scanned;
        this.derivatives = derivatives;
        this.records = records;
        this.documents = documents;
        this.visits = visits;
        this.grants = grants;
        this.ledger = ledger;
        this.trail = trail;
        this.seal = seal;
        this.watermark = watermark;
        this.archive = archive;
        this.publicUrl = withoutSlash(publicUrl.strip());
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * What a clerk asks for: the record, the pages (null for the first or the last), the visit (or null), why, and
     * {@code origin}, the scheme, host and context path the clerk's request came to (the verify URL's base when
     * {@code lantai.access.public-url} is not set).
     */
    public record Request(long itemId, Integer firstPage, Integer lastPage, Long visitId, Purpose purpose,
            String origin) {
    }

    /**
     * Issues a certified copy: makes, signs and keeps both files, registers it, counts it, audits it.
     *
     * @throws NotPermitted without {@code SERVE_READERS} (audited)
     * @throws ItemNotFound for a record that does not exist or is beyond the clerk's sight
     * @throws AccessProblem for a bad page range, an unknown visit, no purpose, no scanned pages, no font; for a
     *                       controlled record without a visit (409) or without a live grant of a request filed for
     *                       that visit (403), both audited
     */
    @Transactional
    public IssuedCertificate issue(Request request, Viewer viewer) {
        if (!AccessRights.servesReaders(viewer)) {
            refuse(viewer, "issue", "item:" + request.itemId(), "SERVE_READERS");
        }
        Item item = catalog.item(new ItemId(request.itemId()), viewer);
        Visit visit = null;
        if (request.visitId() != null) {
            visit = visits.visit(request.visitId())
                    .orElseThrow(() -> new AccessProblem(400, "access.certificate.no-visit", request.visitId()));
        }
        requireGrant(item, visit, viewer);
        Purpose purpose = request.purpose() != null ? request.purpose() : visit != null ? visit.purpose() : null;
        if (purpose == null) {
            throw new AccessProblem(400, "access.certificate.no-purpose");
        }
        int pages = scanned.of(item.id()).size();
        if (pages == 0) {
            throw new AccessProblem(400, "access.certificate.no-pages");
        }
        int first = request.firstPage() == null ? 1 : request.firstPage();
        int last = request.lastPage() == null ? pages : request.lastPage();
        if (first < 1 || last < first || last > pages) {
            throw new AccessProblem(400, "access.certificate.bad-range", first, last, pages);
        }
        if (last - first + 1 > MAX_PAGES) {
            throw new AccessProblem(400, "access.certificate.too-many-pages", MAX_PAGES);
        }
        if (!seal.pdfAvailable()) {
            throw new AccessProblem(503, "access.certificate.no-font");
        }
        Instant now = clock.instant();
        String number = CertificateNumbers.number(documents.year(now), records.nextSequence());
        String code = CertificateNumbers.newCode();
        String verifyUrl = base(request.origin()) + "/verify?n=" + number + "&c=" + code;
        Certificate certificate = new Certificate(number, item.id().value(), item.archivalCode(), title(item), first,
                last, visit == null ? null : visit.id(), purpose, viewer.name(), now, null, null, null);
        String visitor = visit == null ? null
                : visits.visitor(visit.visitorId()).filter(v -> !v.erased()).map(Visitor::name).orElse(null);
        List<BufferedImage> images = pageImages(item, first, last, number, viewer);
        CertificateDocuments.Made made = documents.make(certificate, code, verifyUrl, visitor, images, archive);
        records.insert(certificate, CertificateNumbers.digest(code), new CertificateRecords.Digests(
                sha256(made.pdf()), sm3(made.pdf()), sha256(made.ofd()), sm3(made.ofd())));
        ledger.record(UseKind.CERTIFICATE, certificate.visitId(), item.id().value(), "ITEM",
                item.description().get(DescriptionField.CATEGORY), purpose, 1, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "access.certificate.issue",
                "certificate:" + number + " item:" + item.id().value() + " " + item.archivalCode(), null,
                "pages " + first + "-" + last + " purpose " + purpose.name()
                        + (visit == null ? "" : " visit " + visit.id())));
        keep(number, made);
        return new IssuedCertificate(certificate, code, verifyUrl);
    }

    /** The configured public URL, else the issuing request's origin (and a warning, once). */
    private String base(String origin) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("a certificate needs lantai.access.public-url or the request's origin");
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("lantai.access.public-url is not set: certificates' QR codes point at {}, the address the clerk "
                    + "reached; set it to the address the public reaches the portal at", origin);
        }
        return withoutSlash(origin);
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The certificate's PDF or OFD as issued ({@code pdf} or {@code ofd}), for the clerk or the approver with sight
     * of the record; audited.
     */
    public Path file(String number, String format, Viewer viewer) {
        Certificate c = forStaff(number, viewer, "download");
        if (!format.equals("pdf") && !format.equals("ofd")) {
            throw new AccessProblem(404, "access.certificate.not-found");
        }
        Path file = dir.resolve(number + "." + format);
        if (!Files.isRegularFile(file)) {
            throw new AccessProblem(404, "access.certificate.file-missing", number);
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "access.certificate.download",
                "certificate:" + number + " item:" + c.itemId() + " " + c.archivalCode(), null, format));
        return file;
    }

    /**
     * The issued certificates whose number, 档号 or 题名 contains the text, newest first, at most 200: from the
     * register's own copy of the 档号 and 题名 taken at issue (what the certificate itself shows, verifiable by anyone
     * with its code), so the list reads no record from the catalogue and views none. The desk's right is checked.
     */
    public List<Certificate> search(String text, Viewer viewer) {
        requireStaff(viewer, "list", "certificates");
        return records.search(text);
    }

    /**
     * Revokes it with a reason; the verify page and API say so from now on.
     *
     * @throws AccessProblem without a reason (400), for no such certificate in sight (404), when already revoked
     *                            (409)
     */
    @Transactional
    public Certificate revoke(String number, String reason, Viewer viewer) {
        Certificate c = forStaff(number, viewer, "revoke");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new AccessProblem(400, "access.certificate.reason-required");
        }
        if (why.length() > 1000) {
            throw new AccessProblem(400, "access.certificate.reason-too-long", 1000);
        }
        if (!records.revoke(number, viewer.name(), why, clock.instant())) {
            throw new AccessProblem(409, "access.certificate.already-revoked", number);
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "access.certificate.revoke",
                "certificate:" + number + " item:" + c.itemId() + " " + c.archivalCode(), null, why));
        return records.byNumber(number).orElseThrow();
    }

    /**
     * What anyone learns from a number and its code: valid or revoked with what the certificate shows, or not found
     * (an unknown or malformed number and a wrong code alike).
     */
    @Transactional
    public CertificateStatus check(String number, String code) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String expected = CertificateNumbers.wellFormed(n) ? records.codeDigest(n).orElse(null) : null;
        boolean match = CertificateNumbers.same(expected == null ? CertificateNumbers.digest("") : expected,
                CertificateNumbers.digest(code)) && expected != null;
        if (!match) {
            return CertificateStatus.notFound();
        }
        return found(records.byNumber(n).orElseThrow(), "number");
    }

    /**
     * Checks an uploaded PDF or OFD: its signature with the archive's public key over the whole file, then the
     * certificate it is by the file's digest.
     *
     * @throws AccessProblem 413 for a file over {@link CertificateCheck#MAX_BYTES}
     */
    @Transactional
    public CertificateStatus verify(byte[] file) {
        if (file != null && file.length > CertificateCheck.MAX_BYTES) {
            throw new AccessProblem(413, "access.certificate.too-large", CertificateCheck.MAX_BYTES >> 20);
        }
        if (seal.publicKey() == null) {
            throw new AccessProblem(503, "access.certificate.no-key");
        }
        CertificateCheck.Verdict verdict = CertificateCheck.check(file, seal.publicKey());
        if (!verdict.valid()) {
            return CertificateStatus.invalid(verdict.problem());
        }
        return records.byFileDigest(sha256(file)).map(c -> found(c, "file")).orElseGet(CertificateStatus::notFound);
    }

    /** The archive's public key as published: PEM, algorithm, SM3 fingerprint of its DER. */
    public PublicKeyInfo publicKey() {
        return new PublicKeyInfo(seal.publicKeyPem(), "SM2 (GB/T 32918.2, curve sm2p256v1), SM3withSM2, signer id "
                + "1234567812345678; X.509 SubjectPublicKeyInfo PEM", seal.fingerprint());
    }

    /** The archive's published key. */
    public record PublicKeyInfo(String pem, String algorithm, String sm3Fingerprint) {
    }

    public String archiveName() {
        return archive;
    }

    private CertificateStatus found(Certificate c, String how) {
        trail.record(new AuditEvent("anonymous", null, "access.certificate.verified",
                "certificate:" + c.number() + " item:" + c.itemId() + " " + c.archivalCode(), null, how));
        return CertificateStatus.of(c, archive);
    }

    private Certificate forStaff(String number, Viewer viewer, String action) {
        requireStaff(viewer, action, "certificate:" + number);
        return Optional.ofNullable(number).flatMap(records::byNumber).filter(c -> sees(c, viewer))
                .orElseThrow(() -> new AccessProblem(404, "access.certificate.not-found"));
    }

    private boolean sees(Certificate c, Viewer viewer) {
        try {
            catalog.item(new ItemId(c.itemId()), viewer);
            return true;
        } catch (ItemNotFound e) {
            return false;
        }
    }

    private void requireStaff(Viewer viewer, String action, String target) {
        if (!AccessRights.servesReaders(viewer) && !AccessRights.approvesUse(viewer)) {
            refuse(viewer, action, target, "SERVE_READERS|APPROVE_USE");
        }
    }

    /**
     * The clerk's sight is enough for an open, unclassified record. A controlled (or classified) one is copied only
     * for a registered visit whose request for it was approved and whose viewing period has not ended: the same
     * approval its reading needs, so a certificate is no way around the request.
     */
    private void requireGrant(Item item, Visit visit, Viewer viewer) {
        if (!Viewer.controlled(item.description().classification(), item.description().openStatus())) {
            return;
        }
        String refusal = visit == null ? "access.certificate.controlled-needs-visit"
                : grants.forVisit(visit.id(), item.id()).isEmpty() ? "access.certificate.no-grant" : null;
        if (refusal == null) {
            return;
        }
        trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "access.certificate.issue.refused",
                "item:" + item.id().value() + " " + item.archivalCode(), null,
                (visit == null ? "no visit" : "no live grant for visit " + visit.id())));
        throw visit == null ? new AccessProblem(409, refusal, item.archivalCode())
                : new AccessProblem(403, refusal, item.archivalCode(), String.valueOf(visit.id()));
    }

    private void refuse(Viewer viewer, String action, String target, String right) {
        trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "access.certificate." + action + ".refused",
                target, null, right));
        throw new NotPermitted("problem.not-permitted", right);
    }

    /** The pages' access images with the certificate's watermark burnt in. */
    private List<BufferedImage> pageImages(Item item, int first, int last, String number, Viewer viewer) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> lines = List.of("档案证明 No. " + number, archive);
        for (int p = first; p <= last; p++) {
            Path file = derivatives.access(item.id(), p, viewer).file();
            try {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new AccessProblem(503, "access.certificate.page-unreadable", p);
                }
                images.add(watermark.burn(image, lines));
            } catch (IOException e) {
                throw new AccessProblem(503, "access.certificate.page-unreadable", p);
            }
        }
        return images;
    }

    /** Both files written beside their place and moved in, so a half-written certificate is never served. */
    private void keep(String number, CertificateDocuments.Made made) {
        try {
            Files.createDirectories(dir);
            for (String ext : List.of("pdf", "ofd")) {
                Path target = dir.resolve(number + "." + ext);
                Path temporary = dir.resolve(number + "." + ext + ".new");
                Files.write(temporary, ext.equals("pdf") ? made.pdf() : made.ofd());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the certificate's files in " + dir, e);
        }
    }

    private static String title(Item item) {
        String t = item.title();
        return t == null ? "" : t.length() > 1000 ? t.substring(0, 1000) : t;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sm3(byte[] bytes) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
