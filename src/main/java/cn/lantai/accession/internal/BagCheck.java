package cn.lantai.accession.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Digests computed = Digests.of(location);
        List<String> differing = algorithms.stream().filter(a -> !manifests.get(a).get(name)
                .equals(a.equals("sm3") ? computed.sm3() : computed.sha256())).toList();
        findings.add(differing.isEmpty()
                ? Finding.pass(Property.AUTHENTICITY, code, record, name, "accession.check.digest-ok",
                        String.join("、", algorithms))
                : Finding.fail(Property.AUTHENTICITY, code, record, name, "accession.check.digest-differs",
                        String.join("、", differing)));
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
