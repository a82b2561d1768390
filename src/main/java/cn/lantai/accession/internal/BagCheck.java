package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.preservation.Digests;

/**
 * The payload against its manifests (RFC 8493, DA/T 70-2018): each file's SHA-256 and SM3 against every manifest
 * that lists it (authenticity: the package received is the one sent), listed files present and present files listed
 * (integrity; a file no manifest lists at all is a foreign file on the carrier, DA/T 70's security fault, and only
 * that; a file missing from one of two manifests is an integrity fault of the manifests), no empty file, content that
 * some record describes (when the catalogue could be read at all), the tag manifests, and Payload-Oxum. Each fault is
 * reported once: a file left out while
 * unpacking (already reported) is not reported again as missing, and Payload-Oxum only fails when no file's own fault
 * explains the difference.
 */
public final class BagCheck {

    /** RFC 8493's algorithm names beside SHA-256 and SM3, as {@link MessageDigest} knows them. */
    private static final Map<String, String> JAVA_NAMES = Map.of("sha512", "SHA-512", "sha1", "SHA-1", "md5", "MD5");

    private final TransferPackage pkg;
    private final Map<String, String> claims;
    private final List<Finding> findings = new ArrayList<>();
    private boolean fileFaults;

    /** @param claims payload-relative file → the label of the record that lists it */
    public BagCheck(TransferPackage pkg, Map<String, String> claims) {
        this.pkg = pkg;
        this.claims = claims;
    }

    public List<Finding> check() {
        Set<String> present = new LinkedHashSet<>();
        for (PayloadFile file : pkg.files()) {
            present.add(file.name());
            file(file);
        }
        Set<String> expected = new LinkedHashSet<>();
        pkg.manifests().values().forEach(m -> expected.addAll(m.keySet()));
        expected.addAll(claims.keySet());
        for (String name : expected) {
            if (!present.contains(name) && !pkg.withheld().contains(name)) {
                fileFaults = true;
                findings.add(Finding.fail(Property.INTEGRITY, "INTEG-MISSING", claims.get(name), name,
                        "accession.check.missing"));
            }
        }
        fileFaults |= !pkg.withheld().isEmpty();
        if (!pkg.manifests().isEmpty() && findings.stream().noneMatch(f -> f.code().equals("SEC-FOREIGN"))) {
            findings.add(Finding.pass(Property.SECURITY, "SEC-FOREIGN", null, null, "accession.check.no-foreign"));
        }
        tagManifests();
        oxum();
        return findings;
    }

    private void file(PayloadFile file) {
        String record = claims.get(file.name());
        if (foreign(pkg, file.name())) {
            fileFaults = true;
            findings.add(Finding.fail(Property.SECURITY, "SEC-FOREIGN", record, file.name(), "accession.check.foreign"));
            return;
        }
        if (file.size() == 0) {
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-EMPTY", record, file.name(), "accession.check.empty"));
        }
        if (pkg.manifests().isEmpty()) {
            return;
        }
        List<String> listing = pkg.manifests().entrySet().stream()
                .filter(m -> m.getValue().containsKey(file.name())).map(Map.Entry::getKey).toList();
        if (listing.size() < pkg.manifests().size()) {
            fileFaults = true;
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-UNLISTED", record, file.name(),
                    "accession.check.unlisted-in", String.join("、", pkg.manifests().keySet().stream()
                            .filter(a -> !listing.contains(a)).toList())));
        }
        digests(file.location(), file.name(), record, listing, pkg.manifests(), "AUTH-DIGEST");
        if (record == null && !pkg.records().isEmpty() && !file.name().equals(pkg.catalogue())) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-LINK", null, file.name(),
                    "accession.check.unclaimed"));
        }
    }

    /**
     * A payload file that no manifest lists is not part of the transfer: a foreign file on the carrier, which DA/T 70
     * checks under security. It is that one fault, so nothing else is judged of it (its content is not the unit's).
     */
    public static boolean foreign(TransferPackage pkg, String payloadName) {
        return !pkg.manifests().isEmpty()
                && pkg.manifests().values().stream().noneMatch(m -> m.containsKey(payloadName));
    }

    private void digests(Path location, String name, String record, List<String> algorithms,
            Map<String, Map<String, String>> manifests, String code) {
        Map<String, String> computed = computed(location, algorithms);
        List<String> differing = algorithms.stream().filter(a -> !manifests.get(a).get(name).equals(computed.get(a)))
                .toList();
        findings.add(differing.isEmpty()
                ? Finding.pass(Property.AUTHENTICITY, code, record, name, "accession.check.digest-ok",
                        String.join("、", algorithms))
                : Finding.fail(Property.AUTHENTICITY, code, record, name, "accession.check.digest-differs",
                        String.join("、", differing)));
    }

    /**
     * The file's digests in the algorithms its manifests use: SHA-256 and SM3 in one read ({@link Digests}), any other
     * (sha512, sha1, md5) in one more read each, only when a bag carries such a manifest.
     */
    private static Map<String, String> computed(Path location, List<String> algorithms) {
        Map<String, String> computed = new HashMap<>();
        if (algorithms.contains("sha256") || algorithms.contains("sm3")) {
            Digests digests = Digests.of(location);
            computed.put("sha256", digests.sha256());
            computed.put("sm3", digests.sm3());
        }
        for (String algorithm : algorithms) {
            if (!computed.containsKey(algorithm)) {
                computed.put(algorithm, digest(location, JAVA_NAMES.get(algorithm)));
            }
        }
        return computed;
    }

    private static String digest(Path location, String algorithm) {
        try (InputStream in = Files.newInputStream(location)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private void tagManifests() {
        Set<String> listed = new LinkedHashSet<>();
        pkg.tagManifests().values().forEach(m -> listed.addAll(m.keySet()));
        for (String name : listed) {
            Path location = pkg.bagRoot().resolve(name).normalize();
            if (!location.startsWith(pkg.bagRoot()) || !Files.isRegularFile(location)) {
                findings.add(Finding.fail(Property.INTEGRITY, "INTEG-MISSING", null, name, "accession.check.missing"));
                continue;
            }
            List<String> algorithms = pkg.tagManifests().entrySet().stream()
                    .filter(m -> m.getValue().containsKey(name)).map(Map.Entry::getKey).toList();
            digests(location, name, null, algorithms, pkg.tagManifests(), "AUTH-TAG-DIGEST");
        }
    }

    /** Payload-Oxum ({@code octets.count}) of bag-info.txt against the payload unpacked. */
    private void oxum() {
        String declared = pkg.bagInfo("Payload-Oxum");
        if (declared == null) {
            return;
        }
        long octets = pkg.files().stream().mapToLong(PayloadFile::size).sum();
        String actual = octets + "." + pkg.files().size();
        if (declared.strip().equals(actual)) {
            findings.add(Finding.pass(Property.INTEGRITY, "INTEG-OXUM", null, "bag-info.txt", "accession.check.oxum-ok",
                    actual));
        } else if (!fileFaults) {
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-OXUM", null, "bag-info.txt",
                    "accession.check.oxum-differs", declared.strip(), actual));
        }
    }
}
