package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.accession.CheckedRecord;
import cn.lantai.accession.CheckedRecord.Origin;
import cn.lantai.accession.CheckedRecord.RecordFile;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.preservation.Digests;

/**
 * Each file of one record against the digests and size it should have, read once for SHA-256 and SM3: for a filing
 * the ones the unit declared (authenticity, DA/T 70: declared digests equal computed ones), for a stored record the
 * ones the store keeps (integrity: the file is still the one stored). A file that is not there is missing.
 */
public final class FileDigests {

    private FileDigests() {
    }

    public static List<Finding> check(String record, CheckedRecord checked) {
        List<Finding> findings = new ArrayList<>();
        boolean stored = checked.origin() == Origin.STORE;
        for (RecordFile file : checked.files()) {
            if (file.location() == null) {
                findings.add(Finding.fail(Property.INTEGRITY, "INTEG-MISSING", record, file.name(),
                        "accession.check.missing"));
                continue;
            }
            if (file.sha256() == null && file.sm3() == null && file.size() == null) {
                continue;
            }
            Digests computed = Digests.of(file.location());
            List<String> differing = new ArrayList<>();
            if (file.sha256() != null && !file.sha256().equalsIgnoreCase(computed.sha256())) {
                differing.add("sha256");
            }
            if (file.sm3() != null && !file.sm3().equalsIgnoreCase(computed.sm3())) {
                differing.add("sm3");
            }
            if (file.size() != null && file.size() != size(file.location())) {
                differing.add("size");
            }
            Property property = stored ? Property.INTEGRITY : Property.AUTHENTICITY;
            String code = stored ? "INTEG-FIXITY" : "AUTH-DIGEST";
            String reason = stored ? "accession.check.fixity" : "accession.check.declared";
            findings.add(differing.isEmpty()
                    ? Finding.pass(property, code, record, file.name(), reason + "-ok")
                    : Finding.fail(property, code, record, file.name(), reason + "-differs",
                            String.join("、", differing)));
        }
        return findings;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
