package cn.lantai.accession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.TransferPackageBuilder;
import cn.lantai.support.TransferPackageBuilder.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The four-properties check (DA/T 70-2018) of units' transfer packages: each planted fault is named exactly once, by
 * its property, code, record and file, and records without a fault have none. Records are judged against the fonds
 * registered in the database, so the contract runs on both.
 */
@ExtendWith(ClamAvAvailable.class)
abstract class FourPropertiesCheckContract {

    @Autowired
    TransferPackages packages;
    @Autowired
    FourPropertiesCheck fourProperties;
    @Autowired
    CatalogManagement catalog;

    @TempDir
    Path dir;

    private String fonds;

    @BeforeEach
    void registerTheUnitsFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "移交测试全宗"), Viewer.system());
    }

    @Test
    void aCleanPackagePassesAndItsReportShowsWhatWasCheckedOfEveryRecordAndFile() {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 3);

        FourPropertiesReport report = check(sent);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.checks()).filteredOn(c -> c.record().equals(sent.archivalCode(2)))
                .extracting(PropertyCheck::code).contains("AUTH-METADATA", "INTEG-MANDATORY");
        assertThat(report.checks()).filteredOn(c -> c.file().equals(sent.pdfOf(2)))
                .extracting(PropertyCheck::code, PropertyCheck::record, PropertyCheck::reason)
                .contains(tuple("AUTH-DIGEST", sent.archivalCode(2), "sha256、sm3 摘要与清单一致"));
        assertThat(report.checks()).extracting(PropertyCheck::code).contains("AUTH-BAG", "AUTH-TAG-DIGEST",
                "INTEG-SEQUENCE", "INTEG-COUNT", "INTEG-OXUM", "SEC-FOREIGN");
        assertThat(report.checks()).filteredOn(c -> c.file().equals(sent.jpegOf(1)))
                .extracting(PropertyCheck::property, PropertyCheck::code).containsExactly(
                        tuple(Property.AUTHENTICITY, "AUTH-DIGEST"), tuple(Property.USABILITY, "USE-FORMAT"),
                        tuple(Property.SECURITY, "SEC-VIRUS"));
        assertThat(report.counts().get(Property.AUTHENTICITY).passed()).isGreaterThanOrEqualTo(3 + 7 + 3);
        assertThat(report.counts().values()).allMatch(c -> c.failed() == 0);
    }

    @Test
    void aPackageDoneWithLeavesNothingOfItsContentBehind() {
        Path zip = TransferPackageBuilder.of(fonds, 2019, 2).write(dir.resolve("p.zip"));
        TransferPackage pkg = packages.open(zip, dir.resolve("work"));

        packages.discard(pkg);

        assertThat(dir.resolve("work")).doesNotExist();
        assertThat(zip).exists();
    }

    @Test
    void aPackageWithOnePlantedFaultOfEachKindGetsAReportNamingExactlyThoseFaults() {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 15).sheet(Sheet.CSV_GB18030).gbkNames()
                .lyingDigest(2).missingFile(3).unlistedFile("私自夹带.exe").rawEntry("../../etc/passwd")
                .rawEntry("/etc/lantai-passwd").bomb("记录/5/附件.bin", 64L << 20).emptyFile(6).gapFrom(8)
                .declaredItems(16).cell(10, "日期", "2019-13-45").cell(11, "题名", null).declaredSize(12, "1 B")
                .cell(5, "文件", "记录/5/正文.pdf;记录/5/图片.jpg;记录/5/附件.bin")
                .virus(13).executableAsPdf(14).encryptedPdf(15);

        FourPropertiesReport report = check(sent);

        assertThat(report.failures()).extracting(PropertyCheck::property, PropertyCheck::code, PropertyCheck::record,
                PropertyCheck::file).containsExactlyInAnyOrder(
                tuple(Property.AUTHENTICITY, "AUTH-DIGEST", sent.archivalCode(2), sent.pdfOf(2)),
                tuple(Property.INTEGRITY, "INTEG-MISSING", sent.archivalCode(3), sent.pdfOf(3)),
                tuple(Property.SECURITY, "SEC-FOREIGN", "", "私自夹带.exe"),
                tuple(Property.SECURITY, "SEC-PATH", "", "../../etc/passwd"),
                tuple(Property.SECURITY, "SEC-PATH", "", "/etc/lantai-passwd"),
                tuple(Property.SECURITY, "SEC-BOMB", sent.archivalCode(5), "记录/5/附件.bin"),
                tuple(Property.INTEGRITY, "INTEG-EMPTY", sent.archivalCode(6), sent.pdfOf(6)),
                tuple(Property.INTEGRITY, "INTEG-SEQUENCE", sent.archivalCode(8), ""),
                tuple(Property.INTEGRITY, "INTEG-COUNT", "", "bag-info.txt"),
                tuple(Property.AUTHENTICITY, "AUTH-METADATA", sent.archivalCode(10), ""),
                tuple(Property.INTEGRITY, "INTEG-MANDATORY", sent.archivalCode(11), ""),
                tuple(Property.AUTHENTICITY, "AUTH-FILE-PROPS", sent.archivalCode(12), ""),
                tuple(Property.SECURITY, "SEC-VIRUS", sent.archivalCode(13), sent.virusOf(13)),
                tuple(Property.USABILITY, "USE-FORMAT", sent.archivalCode(14), sent.pdfOf(14)),
                tuple(Property.USABILITY, "USE-ENCRYPTED", sent.archivalCode(15), sent.pdfOf(15)));
        for (int clean : new int[] {1, 4, 7, 9}) {
            assertThat(report.failures()).noneMatch(c -> c.record().equals(sent.archivalCode(clean)));
        }
        assertThat(reason(report, "INTEG-SEQUENCE")).isEqualTo("件号不连续：应为 8，实为 9");
        assertThat(reason(report, "INTEG-COUNT")).isEqualTo("bag-info.txt 声明“件数”为 16，实际为 15");
        assertThat(reason(report, "AUTH-DIGEST")).isEqualTo("sha256 摘要与清单不一致：收到的文件不是发送时的文件");
        assertThat(reason(report, "AUTH-METADATA")).startsWith("著录项“日期”的值“2019-13-45”不符合著录规则：日期无效");
        assertThat(reason(report, "INTEG-MANDATORY")).isEqualTo("必填著录项“题名”为空");
        assertThat(reason(report, "SEC-VIRUS")).isEqualTo("发现病毒 " + ClamAvAvailable.EICAR_FINDING
                + "：文件已隔离，不会保存");
        assertThat(dir.resolve("work/data").resolve(sent.virusOf(13))).doesNotExist();
        assertThat(report.checks()).filteredOn(c -> c.file().equals(sent.virusOf(13))).extracting(PropertyCheck::code)
                .as("an infected file is scanned first and never opened to identify its format")
                .containsExactly("AUTH-DIGEST", "SEC-VIRUS");
        assertThat(report.counts().get(Property.SECURITY).failed()).isEqualTo(5);
    }

    @Test
    void catalogueSheetsInXlsxAndInUtf8WithABomPassAsTheImportReadsThem() {
        for (Sheet sheet : new Sheet[] {Sheet.XLSX, Sheet.CSV_UTF8_BOM}) {
            FourPropertiesReport report = check(TransferPackageBuilder.of(fonds, 2020, 4).sheet(sheet),
                    "work-" + sheet);

            assertThat(report.failures()).as(sheet.name()).isEmpty();
            assertThat(report.checks()).filteredOn(c -> c.code().equals("AUTH-METADATA")).hasSize(4);
        }
    }

    @Test
    void theDescribedFileFormatIsComparedWithWhatTheFilesAreByTheirContent() {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 3).cell(1, "计算机文件格式", "OFD")
                .cell(2, "计算机文件格式", "pdf").cell(3, "计算机文件格式", "JPG");

        FourPropertiesReport report = check(sent);

        assertThat(report.failures()).extracting(PropertyCheck::code, PropertyCheck::record)
                .containsExactly(tuple("AUTH-FILE-PROPS", sent.archivalCode(1)));
        assertThat(report.failures().get(0).reason()).startsWith("著录的计算机文件格式为“OFD”，文件实为 ");
        assertThat(report.checks()).filteredOn(c -> c.code().equals("AUTH-FILE-PROPS") && !c.failed()
                && c.reason().startsWith("计算机文件格式")).extracting(PropertyCheck::record)
                .containsExactlyInAnyOrder(sent.archivalCode(2), sent.archivalCode(3));
    }

    @Test
    void aBagWithoutManifestsIsOneStructuralFaultNotAFaultPerFile() {
        FourPropertiesReport report = check(TransferPackageBuilder.of(fonds, 2019, 3).withoutManifests());

        assertThat(report.failures()).extracting(PropertyCheck::code, PropertyCheck::reason).containsExactly(
                tuple("AUTH-BAG", "没有载荷清单（manifest-sha256.txt 或 manifest-sm3.txt），无法核对文件摘要"));
    }

    @Test
    void aPayloadOxumThatLiesIsNamedWhenNoFileExplainsIt() {
        FourPropertiesReport report = check(TransferPackageBuilder.of(fonds, 2019, 2).declaredOxum("1.1"));

        assertThat(report.failures()).extracting(PropertyCheck::code, PropertyCheck::file)
                .containsExactly(tuple("INTEG-OXUM", "bag-info.txt"));
    }

    @Test
    void aRepeatedItemNumberAndAFilesColumnPointingOutsideThePayloadAreNamedOnTheirRecord() {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 3)
                .cell(3, "档号", String.format("%s-WS·2019-Y-BGS-0002", fonds)).declaredItems(3)
                .cell(1, "文件", "记录/1/正文.pdf;记录/1/图片.jpg；../../etc/passwd");

        FourPropertiesReport report = check(sent);

        assertThat(report.failures()).extracting(PropertyCheck::code, PropertyCheck::record, PropertyCheck::file)
                .containsExactlyInAnyOrder(tuple("INTEG-SEQUENCE", sent.archivalCode(2), ""),
                        tuple("SEC-PATH", sent.archivalCode(1), "../../etc/passwd"));
    }

    @Test
    void oversizedAndHostileCellsAreMetadataFaultsOfTheirRecord() {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 2).cell(1, "题名", "长".repeat(100_000))
                .cell(2, "计算机文件大小", "=cmd|' /C calc'!A0");

        FourPropertiesReport report = check(sent);

        assertThat(report.failures()).extracting(PropertyCheck::code, PropertyCheck::record).containsExactlyInAnyOrder(
                tuple("AUTH-METADATA", sent.archivalCode(1)), tuple("AUTH-FILE-PROPS", sent.archivalCode(2)));
        assertThat(reason(report, "AUTH-METADATA")).contains("最多 500 个字符，实为 100,000 个");
    }

    @Test
    void aCatalogueThatCannotBeReadIsOneUsabilityFault() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        FourPropertiesReport report = check(TransferPackageBuilder.of(fonds, 2019, 2).rawCatalogue(binary));

        assertThat(report.failures()).extracting(PropertyCheck::property, PropertyCheck::code, PropertyCheck::file)
                .contains(tuple(Property.USABILITY, "USE-CATALOGUE", "catalogue.csv"));
        assertThat(report.failures()).extracting(PropertyCheck::code).doesNotContain("AUTH-LINK", "INTEG-MISSING");
    }

    @Test
    void aFileThatIsNoZipIsRefusedAndLeavesNoWorkFolder() throws Exception {
        Path zip = Files.write(dir.resolve("transfer.zip"), "这不是 zip 文件".getBytes(StandardCharsets.UTF_8));
        Path work = dir.resolve("work");

        assertThatThrownBy(() -> packages.open(zip, work)).isInstanceOf(PackageRefused.class)
                .extracting(e -> ((PackageRefused) e).code()).isEqualTo("accession.package.not-zip");
        assertThat(work).doesNotExist();
    }

    @Test
    void aWorkFolderThatHoldsSomethingIsNeverUsedSoNothingOfItIsRemoved() throws Exception {
        Path zip = TransferPackageBuilder.of(fonds, 2019, 1).write(dir.resolve("p.zip"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path kept = Files.writeString(work.resolve("someone-elses.txt"), "keep");

        assertThatThrownBy(() -> packages.open(zip, work)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kept).exists();
    }

    private FourPropertiesReport check(TransferPackageBuilder sent) {
        return check(sent, "work");
    }

    private FourPropertiesReport check(TransferPackageBuilder sent, String work) {
        Path zip = sent.write(dir.resolve(work + ".zip"));
        TransferPackage pkg = packages.open(zip, dir.resolve(work));
        return fourProperties.check(pkg);
    }

    private static String reason(FourPropertiesReport report, String code) {
        List<PropertyCheck> found = report.failures().stream().filter(c -> c.code().equals(code)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).result()).isEqualTo(Result.FAIL);
        return found.get(0).reason();
    }
}
