package cn.lantai.accession.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import cn.lantai.support.TransferPackageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Content that no virus scanner could look at is never passed as clean. */
class ContentCheckTest {

    @TempDir
    Path dir;

    @Test
    void withoutAScannerThePackageGetsOneSecurityFaultAndNoFileIsCalledClean() throws IOException {
        Path pdf = Files.write(dir.resolve("正文.pdf"), TransferPackageBuilder.pdf("Record 1"));
        Path jpeg = Files.write(dir.resolve("图片.jpg"), TransferPackageBuilder.jpeg(1));
        TransferPackage pkg = new TransferPackage(dir, dir, List.of(), Map.of(), Map.of(), null, List.of(),
                List.of(new PayloadFile("正文.pdf", Files.size(pdf), pdf), new PayloadFile("图片.jpg", Files.size(jpeg),
                        jpeg)), List.of(), List.of());
        ContentInspection noScanner = new ContentInspection(new Clamd(dir.resolve("no-clamd.ctl")),
                new Clamscan("/nonexistent/clamscan", "", "2000M", Duration.ofSeconds(30)),
                new FormatIdentification(List.of("application/pdf", "image/jpeg")),
                new Quarantine(dir.resolve("quarantine"), Clock.systemUTC()));

        List<Finding> findings = new ContentCheck(noScanner).check(pkg, Map.of("正文.pdf", "0012-WS·2019-Y-BGS-0001"),
                List.of());

        assertThat(findings).extracting(Finding::property, Finding::code, Finding::result, Finding::file)
                .containsExactly(tuple(Property.USABILITY, "USE-FORMAT", Result.PASS, "正文.pdf"),
                        tuple(Property.USABILITY, "USE-FORMAT", Result.PASS, "图片.jpg"),
                        tuple(Property.SECURITY, "SEC-VIRUS", Result.FAIL, null));
        assertThat(findings.get(0).record()).isEqualTo("0012-WS·2019-Y-BGS-0001");
        assertThat(pdf).exists();
    }
}
