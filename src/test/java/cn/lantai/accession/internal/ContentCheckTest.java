package cn.lantai.accession.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.preservation.ContentInspection;
import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.preservation.internal.inspection.Clamscan;
import cn.lantai.preservation.internal.inspection.FormatIdentification;
import cn.lantai.preservation.internal.inspection.Quarantine;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.TransferPackageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Content that no virus scanner could look at is never passed as clean, and content found infected is never opened by
 * a reader: it is scanned first and quarantined at once.
 */
class ContentCheckTest {

    private static final String RECORD = "0012-WS·2019-Y-BGS-0001";
    private static final FormatIdentification FORMATS = new FormatIdentification(List.of("application/pdf",
            "image/jpeg", "text/plain", "application/xml"));

    @TempDir
    Path dir;

    @Test
    void withoutAScannerThePackageGetsOneSecurityFaultAndNoFileIsCalledClean() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1"));
        Path jpeg = Files.write(dir.resolve("图片.jpg"), TransferPackageBuilder.jpeg(1));
        ContentInspection noScanner = inspection("/nonexistent/clamscan", "", "2000M");

        List<Finding> findings = new ContentCheck(noScanner).check(pkg(pdf, jpeg), Map.of("正文.pdf", RECORD),
                List.of());

        assertThat(findings).extracting(Finding::property, Finding::code, Finding::result, Finding::file)
                .containsExactly(tuple(Property.USABILITY, "USE-FORMAT", Result.PASS, "正文.pdf"),
                        tuple(Property.USABILITY, "USE-FORMAT", Result.PASS, "图片.jpg"),
                        tuple(Property.SECURITY, "SEC-VIRUS", Result.FAIL, null));
        assertThat(findings.get(0).record()).isEqualTo(RECORD);
        assertThat(pdf).exists();
    }

    @Test
    @ExtendWith(ClamAvAvailable.class)
    void aFileFoundInfectedIsQuarantinedBeforeAnyReaderOpensItAndItsRecordsFormatIsNotJudgedOnIt() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1"));
        Path infected = Files.writeString(dir.resolve("附件.xml"), ClamAvAvailable.EICAR, StandardCharsets.US_ASCII);

        List<Finding> findings = new ContentCheck(withSignatures("2000M")).check(pkg(pdf, infected),
                Map.of("正文.pdf", RECORD, "附件.xml", RECORD), List.of(new RecordCheck.DeclaredFormat(RECORD, "XML",
                        List.of("正文.pdf", "附件.xml"))));

        assertThat(findings).filteredOn(f -> "附件.xml".equals(f.file()))
                .extracting(Finding::code, Finding::result, Finding::reason)
                .containsExactly(tuple("SEC-VIRUS", Result.FAIL, "accession.check.virus"));
        assertThat(findings).extracting(Finding::code).doesNotContain("AUTH-FILE-PROPS");
        assertThat(infected).doesNotExist();
        assertThat(dir.resolve("quarantine")).isNotEmptyDirectory();
    }

    @Test
    @ExtendWith(ClamAvAvailable.class)
    void aFilePastTheScannersLimitIsAFaultOfItsOwnNeitherCleanNorInfectedAndStaysWhereItIs() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1 ".repeat(400)));
        Path small = Files.writeString(dir.resolve("说明.txt"), "说明");

        List<Finding> findings = new ContentCheck(withSignatures("1K")).check(pkg(pdf, small),
                Map.of("正文.pdf", RECORD), List.of());

        assertThat(findings).filteredOn(f -> f.code().equals("SEC-VIRUS"))
                .extracting(Finding::file, Finding::result, Finding::reason).containsExactly(
                        tuple("正文.pdf", Result.FAIL, "accession.check.not-scanned"),
                        tuple("说明.txt", Result.PASS, "accession.check.virus-clean"));
        assertThat(findings.stream().filter(f -> f.reason().equals("accession.check.not-scanned")).findFirst()
                .orElseThrow().args()).singleElement().asString().contains("Heuristics.Limits.Exceeded");
        assertThat(pdf).exists();
        assertThat(dir.resolve("quarantine")).doesNotExist();
    }

    @Test
    @ExtendWith(ClamAvAvailable.class)
    void aFileTheScannerGivesNoVerdictOnIsNamedAloneAndTheOthersAreStillScanned() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1"));
        Path unreadable = Files.writeString(dir.resolve("读不出.txt"), "说明");
        Path scanner = Files.writeString(dir.resolve("clamscan-failing-on-one-file"), """
                #!/bin/sh
                for a in "$@"; do
                  case "$a" in --file-list=*) grep -q '读不出' "${a#--file-list=}" && echo "cannot read" >&2 && exit 2;; esac
                done
                exec clamscan "$@"
                """);
        Files.setPosixFilePermissions(scanner, PosixFilePermissions.fromString("rwx------"));
        ContentInspection inspection = inspection(scanner.toString(), ClamAvAvailable.database().toString(), "2000M");

        List<Finding> findings = new ContentCheck(inspection).check(pkg(pdf, unreadable), Map.of(), List.of());

        assertThat(findings).filteredOn(f -> f.code().equals("SEC-VIRUS"))
                .extracting(Finding::file, Finding::result, Finding::reason).containsExactly(
                        tuple("正文.pdf", Result.PASS, "accession.check.virus-clean"),
                        tuple("读不出.txt", Result.FAIL, "accession.check.not-scanned"));
        assertThat(findings.get(findings.size() - 1).args()).singleElement().asString().contains("exit 2");
        assertThat(unreadable).exists();
    }

    @Test
    void theDescribedFormatIsComparedByFormatFamilyNeverBySubstringAndAnUnknownValueIsNamed() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1"));
        Path text = Files.writeString(dir.resolve("说明.txt"), "关于档案移交的说明\n");
        Path jpeg = Files.write(dir.resolve("图片.jpg"), TransferPackageBuilder.jpeg(1));
        List<RecordCheck.DeclaredFormat> declared = List.of(declared("txt", "TXT", "说明.txt"),
                declared("f", "F", "正文.pdf"), declared("pdf-a", "PDF/A-2b", "正文.pdf"),
                declared("jpeg", ".jpeg", "图片.jpg"), declared("media-type", "application/pdf", "正文.pdf"),
                declared("mpg", "MPG", "正文.pdf"), declared("unknown-unchecked", "WPS", "missing.wps"));
        ContentInspection noScanner = inspection("/nonexistent/clamscan", "", "2000M");

        List<Finding> findings = new ContentCheck(noScanner).check(pkg(pdf, text, jpeg), Map.of(), declared);

        assertThat(findings).filteredOn(f -> f.code().equals("AUTH-FILE-PROPS"))
                .extracting(Finding::record, Finding::result, Finding::reason).containsExactlyInAnyOrder(
                        tuple("txt", Result.PASS, "accession.check.format-declared-ok"),
                        tuple("f", Result.FAIL, "accession.check.format-unknown"),
                        tuple("pdf-a", Result.FAIL, "accession.check.format-differs"),
                        tuple("jpeg", Result.PASS, "accession.check.format-declared-ok"),
                        tuple("media-type", Result.PASS, "accession.check.format-declared-ok"),
                        tuple("mpg", Result.FAIL, "accession.check.format-differs"),
                        tuple("unknown-unchecked", Result.FAIL, "accession.check.format-unknown"));
    }

    private static RecordCheck.DeclaredFormat declared(String record, String format, String file) {
        return new RecordCheck.DeclaredFormat(record, format, List.of(file));
    }

    private TransferPackage pkg(Path... files) throws IOException {
        List<PayloadFile> payload = new ArrayList<>();
        for (Path file : files) {
            payload.add(new PayloadFile(file.getFileName().toString(), Files.size(file), file));
        }
        return new TransferPackage(dir, dir, List.of(), Map.of(), Map.of(), null, List.of(), payload, List.of(),
                List.of());
    }

    private ContentInspection withSignatures(String maxFileSize) {
        return inspection("clamscan", ClamAvAvailable.database().toString(), maxFileSize);
    }

    private ContentInspection inspection(String clamscan, String database, String maxFileSize) {
        return new ContentInspection(new Clamd(dir.resolve("no-clamd.ctl")),
                new Clamscan(clamscan, database, maxFileSize, Duration.ofMinutes(5)), FORMATS,
                new Quarantine(dir.resolve("quarantine"), Clock.systemUTC()));
    }
}
