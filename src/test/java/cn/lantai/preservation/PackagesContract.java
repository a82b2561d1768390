package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.jobs.JobId;
import cn.lantai.preservation.internal.packages.PackageBuilder;
import cn.lantai.preservation.internal.packages.PackageSweep;
import cn.lantai.support.Staff;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.exceptions.CorruptChecksumException;
import gov.loc.repository.bagit.hash.BagitAlgorithmNameToSupportedAlgorithmMapping;
import gov.loc.repository.bagit.hash.StandardBagitAlgorithmNameToSupportedAlgorithmMapping;
import gov.loc.repository.bagit.hash.SupportedAlgorithm;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Packages out, through the API and the workbench: BagIt bags the Library of Congress' verifier (gov.loc:bagit)
 * accepts, and rejects once a byte is flipped; E-ARK-style packages whose METS lists every file with its size and
 * SHA-256 and nothing else; a stored file that no longer matches its digest stops the package; records beyond the
 * asker's sight never packaged; more than 10,000 ids refused with the limit. Runs on H2 and PostgreSQL.
 */
abstract class PackagesContract {

    private static final String METS = "http://www.loc.gov/METS/";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final Pattern JOB = Pattern.compile("\"id\":\"([0-9a-f-]+)\"");

    /** SM3 for the verifier's manifest-sm3.txt: a provider with that one digest, BouncyCastle's. */
    private static final SupportedAlgorithm SM3 = new SupportedAlgorithm() {
        @Override
        public String getMessageDigestName() {
            return "SM3";
        }

        @Override
        public String getBagitName() {
            return "sm3";
        }
    };
    private static final BagitAlgorithmNameToSupportedAlgorithmMapping WITH_SM3 = name -> name.equals("sm3") ? SM3
            : new StandardBagitAlgorithmNameToSupportedAlgorithmMapping().getSupportedAlgorithm(name);

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchivalStore store;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    PermissionManagement permissions;

    @Autowired
    PackageBuilder builder;

    @Autowired
    PackageSweep sweep;

    @TempDir
    Path dir;

    StoredRecords records;

    @BeforeAll
    static void sm3ForTheVerifier() {
        if (Security.getProvider("LantaiTestSM3") == null) {
            Provider sm3 = new Provider("LantaiTestSM3", "1", "SM3 only, for the BagIt verifier") {
            };
            sm3.put("MessageDigest.SM3", "org.bouncycastle.jcajce.provider.digest.SM3$Digest");
            Security.addProvider(sm3);
        }
    }

    @BeforeEach
    void aFonds() {
        records = new StoredRecords(catalog, store, dir);
    }

    @Test
    void aBagOfTheChosenRecordsIsValidForTheLibraryOfCongressVerifierAndItsExportIsAudited() throws Exception {
        Item a = records.open("关于档案数字化的通知", "正文.pdf", "%PDF-1.7 正文", "附件/扫描 件 1.jpg", "jpeg 100%");
        Item b = records.open("尚无文件的一件");

        Path bag = unzip(finished(job(ask("bagit", a, b)), Staff.archivist()), "bag");
        Bag read = new BagReader(WITH_SM3).read(bag);
        try (BagVerifier verifier = new BagVerifier(WITH_SM3)) {
            verifier.isValid(read, false);
        }
        BagVerifier.quicklyVerify(read);

        String data = "data/" + a.archivalCode() + "/";
        assertThat(bag.resolve(data + "content/附件/扫描 件 1.jpg")).hasContent("jpeg 100%");
        assertThat(bag.resolve(data + "metadata/description.json")).exists();
        assertThat(bag.resolve(data + "metadata/premis.xml")).exists();
        assertThat(bag.resolve("data/" + b.archivalCode() + "/metadata/description.json")).exists();
        StoredFile pdf = store.files(a.id()).get(0);
        assertThat(bag.resolve("manifest-sm3.txt")).content(StandardCharsets.UTF_8)
                .contains(pdf.sm3() + "  " + data + "content/正文.pdf");
        assertThat(bag.resolve("bag-info.txt")).content(StandardCharsets.UTF_8)
                .contains("Source-Organization: ", "Bagging-Date: ", "Payload-Oxum: ", "Bag-Count: 1 of 1");
        assertThat(bag.resolve("bagit.txt")).content(StandardCharsets.UTF_8).startsWith("BagIt-Version: 1.0\n");
        assertThat(audited(Staff.ARCHIVIST)).anySatisfy(e -> {
            assertThat(e.target()).contains("items:" + a.id().value() + "," + b.id().value());
            assertThat(e.after()).isEqualTo("BAGIT");
        });
    }

    @Test
    void aBagWithOneFlippedByteFailsTheVerifier() throws Exception {
        Item a = records.open("将被改动的一件", "正文.pdf", "%PDF-1.7 正文");
        Path bag = unzip(finished(job(ask("bagit", a)), Staff.archivist()), "bag");
        Path file = bag.resolve("data/" + a.archivalCode() + "/content/正文.pdf");
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 1;
        Files.write(file, bytes);

        Bag read = new BagReader(WITH_SM3).read(bag);
        try (BagVerifier verifier = new BagVerifier(WITH_SM3)) {
            assertThatThrownBy(() -> verifier.isValid(read, false)).isInstanceOf(CorruptChecksumException.class);
        }
    }

    @Test
    void aStoredFileThatNoLongerMatchesItsDigestStopsThePackageAndLeavesNothingToDownload() throws Exception {
        Item a = records.open("摘要不符的一件", "正文.pdf", "%PDF-1.7 正文");
        jdbc.sql("UPDATE stored_file SET sha256 = ? WHERE item_id = ?").params("0".repeat(64), a.id().value())
                .update();

        String job = job(ask("bagit", a));
        String status = awaitEnd(job, Staff.archivist());

        assertThat(status).contains("\"state\":\"FAILED\"", "SHA-256").doesNotContain("download");
        assertThat(mvc.perform(get("/api/v1/packages/{id}/zip", job).with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(openFilesUnder(builder.zip(new JobId(job)).getParent())).as("the writers' lists are closed")
                .isEmpty();
    }

    /** What this process holds open under the folder (Linux's /proc/self/fd; a deleted file shows as "(deleted)"). */
    private static List<String> openFilesUnder(Path folder) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(link -> {
                try {
                    return Files.readSymbolicLink(link).toString();
                } catch (IOException gone) {
                    return "";
                }
            }).filter(target -> target.startsWith(folder.toAbsolutePath().normalize().toString())).toList();
        }
    }

    @Test
    void anEarkPackageListsEveryFileInItsMetsWithItsSizeAndChecksumAndNothingElse() throws Exception {
        Item a = records.open("关于保存包的通知", "正文.pdf", "%PDF-1.7 正文 <&>", "附件/扫描 件 1.jpg", "jpeg");
        Item b = records.open("没有文件的一件");

        Path root = unzip(finished(job(ask("eark", a, b)), Staff.archivist()), "eark");
        Document mets = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(root.resolve("METS.xml").toFile());
        assertThat(mets.getDocumentElement().getAttribute("OBJID")).isEqualTo(root.getFileName().toString());

        Map<String, String[]> listed = new HashMap<>();
        for (String[] tagAndLink : List.of(new String[] {"file", "FLocat"}, new String[] {"mdRef", null})) {
            NodeList nodes = mets.getElementsByTagNameNS(METS, tagAndLink[0]);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                Element link = tagAndLink[1] == null ? e
                        : (Element) e.getElementsByTagNameNS(METS, tagAndLink[1]).item(0);
                String path = URI.create(link.getAttributeNS(XLINK, "href")).getPath();
                assertThat(e.getAttribute("CHECKSUMTYPE")).isEqualTo("SHA-256");
                assertThat(listed.put(path, new String[] {e.getAttribute("SIZE"), e.getAttribute("CHECKSUM")}))
                        .as("listed once: " + path).isNull();
            }
        }
        Map<String, String[]> present;
        try (Stream<Path> files = Files.walk(root)) {
            present = files.filter(Files::isRegularFile).filter(p -> !p.equals(root.resolve("METS.xml")))
                    .collect(Collectors.toMap(p -> root.relativize(p).toString(), PackagesContract::sizeAndSha256));
        }
        assertThat(listed.keySet()).isEqualTo(present.keySet());
        present.forEach((path, sizeAndDigest) -> assertThat(listed.get(path)).as(path).containsExactly(sizeAndDigest));
        assertThat(present).containsKeys("representations/" + a.archivalCode() + "/data/附件/扫描 件 1.jpg",
                "metadata/descriptive/" + a.archivalCode() + "/dc.xml",
                "metadata/descriptive/" + b.archivalCode() + "/description.json",
                "metadata/preservation/" + a.archivalCode() + "/premis.xml");
        assertThat(root.resolve("metadata/descriptive/" + a.archivalCode() + "/dc.xml"))
                .content(StandardCharsets.UTF_8).contains("<dc:title>关于保存包的通知</dc:title>");
        NodeList pointers = mets.getElementsByTagNameNS(METS, "fptr");
        assertThat(pointers.getLength()).as("one fptr per file").isEqualTo(2);
        for (int i = 0; i < pointers.getLength(); i++) {
            NodeList fileElements = mets.getElementsByTagNameNS(METS, "file");
            String fileId = ((Element) pointers.item(i)).getAttribute("FILEID");
            assertThat(LongStream.range(0, fileElements.getLength())
                    .mapToObj(j -> ((Element) fileElements.item((int) j)).getAttribute("ID")))
                    .as("fptr FILEID names a file element").contains(fileId);
        }
    }

    @Test
    void eachControlledRecordPackagedAndEachDownloadIsAudited() throws Exception {
        Item open = records.open("公开的一件", "正文.pdf", "%PDF 公开");
        Item secret = records.secret("机密的一件", "机密正文.pdf", "%PDF 机密");

        String job = job(ask("bagit", open, secret));
        finished(job, Staff.archivist());
        finished(job, Staff.archivist());

        assertThat(audited(Staff.ARCHIVIST, "preservation.package-record")).filteredOn(e -> e.after()
                .equals("package:" + job)).singleElement().satisfies(e -> {
                    assertThat(e.target()).isEqualTo("item:" + secret.id().value() + " " + secret.archivalCode());
                    assertThat(e.before()).isNull();
                });
        assertThat(audited(Staff.ARCHIVIST, "preservation.package-download"))
                .filteredOn(e -> e.target().equals("package:" + job)).hasSize(2);
    }

    @Test
    void theRightToExportIsAskedAgainWhenThePackageIsDownloaded() throws Exception {
        String user = "pkg-revoked-" + records.fonds.toLowerCase(Locale.ROOT);
        staff.ensure(user, "将被收回导出权的档案员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        Item a = records.open("导出权被收回前申请的一件", "正文.pdf", "%PDF 正文");
        String job = submit(ask("bagit", a), Staff.as(user));
        assertThat(awaitEnd(job, Staff.as(user))).contains("\"state\":\"SUCCEEDED\"");

        staff.asSecurityAdmin(() -> {
            permissions.assignRoles(user, Set.of());
            return null;
        });
        staff.confirmPending(user);

        assertThat(mvc.perform(get("/api/v1/packages/{id}/zip", job).with(Staff.as(user))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(audited(user, "preservation.package-download")).isEmpty();
    }

    @Test
    void aSelectionWithNothingTheAskerMayReadMakesNoPackage() throws Exception {
        String status = awaitEnd(job("{\"format\":\"bagit\",\"ids\":[999999999]}"), Staff.archivist());

        assertThat(status).contains("\"state\":\"FAILED\"", "nothing to package").doesNotContain("download");
    }

    @Test
    void aPackageWhoseFilesWouldNotFitOnTheDiskIsRefusedBeforeWriting() throws Exception {
        Item a = records.open("大得放不下的一件", "正文.pdf", "%PDF-1.7 正文");
        jdbc.sql("UPDATE stored_file SET size = ? WHERE item_id = ?").params(Long.MAX_VALUE / 2, a.id().value())
                .update();

        String job = job(ask("eark", a));

        assertThat(awaitEnd(job, Staff.archivist())).contains("\"state\":\"FAILED\"", "not enough disk space");
        assertThat(builder.zip(new JobId(job)).getParent()).doesNotExist();
    }

    @Test
    void packagesOlderThanTheKeepingTimeAreRemovedAndNewerOnesStay() throws Exception {
        Item a = records.open("过期保存包中的一件", "正文.pdf", "%PDF 正文");
        String old = job(ask("bagit", a));
        finished(old, Staff.archivist());
        String fresh = job(ask("bagit", a));
        finished(fresh, Staff.archivist());
        FileTime eightDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        try (Stream<Path> paths = Files.walk(builder.zip(new JobId(old)).getParent())) {
            for (Path p : paths.toList()) {
                Files.setLastModifiedTime(p, eightDaysAgo);
            }
        }

        assertThat(sweep.removeOlderThanKept(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(builder.zip(new JobId(old)).getParent()).doesNotExist();
        assertThat(mvc.perform(get("/api/v1/packages/{id}/zip", old).with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(builder.zip(new JobId(fresh))).exists();
    }

    @Test
    void recordsBeyondTheAskersSightAreNeverPackagedAndMissingOnesAreNotNamed() throws Exception {
        String low = "pkg-" + records.fonds.toLowerCase(Locale.ROOT);
        staff.ensure(low, "秘密级档案员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item open = records.open("公开的一件", "正文.pdf", "%PDF 公开");
        Item secret = records.secret("机密的一件", "机密正文.pdf", "%PDF 机密");

        String body = "{\"format\":\"bagit\",\"ids\":[" + open.id().value() + "," + secret.id().value()
                + ",999999999]}";
        String job = submit(body, Staff.as(low));
        Path bag = unzip(finished(job, Staff.as(low)), "bag");

        assertThat(bag.resolve("data")).isDirectoryContaining(p -> p.getFileName().toString()
                .equals(open.archivalCode()));
        try (Stream<Path> all = Files.walk(bag)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.contains(secret.archivalCode()) || p.contains("机密"));
        }
        assertThat(mvc.perform(get("/api/v1/packages/{id}", job).with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).as("another person's package").isEqualTo(404);
    }

    @Test
    void moreThanTenThousandIdsAreRefusedWithTheLimitAndNothingStarts() throws Exception {
        String ids = LongStream.rangeClosed(1, 10_001).mapToObj(Long::toString).collect(Collectors.joining(","));
        int before = audited(Staff.ARCHIVIST).size();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/packages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"bagit\",\"ids\":[" + ids + "]}").with(Staff.archivist())).andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("最多按编号选取 10000 件");
        assertThat(audited(Staff.ARCHIVIST)).hasSize(before);
    }

    @Test
    void malformedRequestsAreRefusedAs400() throws Exception {
        for (String body : List.of("{\"format\":\"zip\",\"ids\":[1]}", "{\"ids\":[1]}", "{\"format\":\"bagit\"}",
                "{\"format\":\"bagit\",\"ids\":[\"x\"]}", "{\"format\":\"bagit\",\"filter\":{\"year\":\"abc\"}}",
                "{\"format\":\"bagit\",\"filter\":{\"retention\":\"千年\"}}", "not json", "[]", "")) {
            assertThat(mvc.perform(post("/api/v1/packages").contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(Staff.archivist())).andReturn().getResponse().getStatus()).as(body).isEqualTo(400);
        }
        assertThat(mvc.perform(get("/api/v1/packages/{id}", "no-such-job").with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aFilterPackagesWhatTheCatalogueShowsForIt() throws Exception {
        Item a = records.open("甲", "甲.pdf", "%PDF 甲");
        Item b = records.open("乙", "乙.pdf", "%PDF 乙");

        String body = "{\"format\":\"bagit\",\"filter\":{\"fonds\":\"" + records.fonds + "\"}}";
        Path bag = unzip(finished(submit(body, Staff.archivist()), Staff.archivist()), "bag");

        try (Stream<Path> folders = Files.list(bag.resolve("data"))) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(a.archivalCode(),
                    b.archivalCode());
        }
    }

    @Test
    void theWorkbenchPackagesTheSelectedRowsAndShowsTheJobsProgress() throws Exception {
        Item a = records.open("工作台选中的一件", "正文.pdf", "%PDF 正文");
        RequestPostProcessor signedIn = Staff.page(Staff.ARCHIVIST);

        String location = mvc.perform(post("/catalogue/package").param("ids", Long.toString(a.id().value()))
                .param("packageFormat", "eark").with(signedIn).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/packages/");
        String job = location.substring("/packages/".length());
        awaitEnd(job, Staff.archivist());

        String page = mvc.perform(get(location).with(signedIn)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("导出保存包", "E-ARK", "已完成", "/packages/" + job + "/zip");
        assertThat(mvc.perform(get(location + "/zip").with(signedIn)).andReturn().getResponse()
                .getContentAsByteArray()).startsWith('P', 'K');
        MockHttpServletResponse firstBytes = mvc.perform(get(location + "/zip").header("Range", "bytes=0-1")
                .with(signedIn)).andReturn().getResponse();
        assertThat(firstBytes.getStatus()).as("a broken-off download resumes").isEqualTo(206);
        assertThat(firstBytes.getContentAsByteArray()).containsExactly('P', 'K');
        assertThat(mvc.perform(post("/catalogue/package").param("packageFormat", "eark").with(signedIn).with(csrf()))
                .andReturn().getResponse().getStatus()).as("nothing selected").isEqualTo(400);
        String tooMany = LongStream.rangeClosed(1, 10_001).mapToObj(Long::toString).collect(Collectors.joining(","));
        assertThat(mvc.perform(post("/catalogue/package").param("ids", tooMany).param("packageFormat", "bagit")
                .with(signedIn).with(csrf())).andReturn().getResponse().getStatus()).as("10,001 ids").isEqualTo(400);
        assertThat(mvc.perform(post("/catalogue/package").param("ids", "1").param("packageFormat", "tar")
                .with(signedIn).with(csrf())).andReturn().getResponse().getStatus()).as("no such format").isEqualTo(400);
        String catalogue = mvc.perform(get("/catalogue").param("fonds", records.fonds).with(signedIn)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(catalogue).contains("导出保存包（BagIt）", "导出保存包（E-ARK）");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String ask(String format, Item... items) {
        return "{\"format\":\"" + format + "\",\"ids\":[" + Stream.of(items).map(i -> Long.toString(i.id().value()))
                .collect(Collectors.joining(",")) + "]}";
    }

    private String job(String body) throws Exception {
        return submit(body, Staff.archivist());
    }

    /** Starts a package; answers its job id. */
    private String submit(String body, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/packages").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(202);
        Matcher id = JOB.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(id.find()).isTrue();
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/packages/" + id.group(1));
        return id.group(1);
    }

    private String awaitEnd(String job, RequestPostProcessor who) {
        String[] status = {null};
        Awaitility.await().alias("package " + job + " ends").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    status[0] = mvc.perform(get("/api/v1/packages/{id}", job).with(who)).andReturn().getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
                    return !status[0].contains("\"state\":\"QUEUED\"") && !status[0].contains("\"state\":\"RUNNING\"");
                });
        return status[0];
    }

    /** Waits for the package and downloads it. */
    private byte[] finished(String job, RequestPostProcessor who) throws Exception {
        assertThat(awaitEnd(job, who)).contains("\"state\":\"SUCCEEDED\"");
        MockHttpServletResponse zip = mvc.perform(get("/api/v1/packages/{id}/zip", job).with(who)).andReturn()
                .getResponse();
        assertThat(zip.getStatus()).isEqualTo(200);
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(zip.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        return zip.getContentAsByteArray();
    }

    /** Unpacks the zip under a fresh folder; answers its one top folder (the bag, or the package's OBJID). */
    private Path unzip(byte[] zip, String name) throws IOException {
        Path target = Files.createDirectories(dir.resolve(name + "-" + System.nanoTime()));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path file = target.resolve(e.getName()).normalize();
                assertThat(file.startsWith(target)).as(e.getName()).isTrue();
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            }
        }
        try (Stream<Path> tops = Files.list(target)) {
            return tops.collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                assertThat(l).as("one top folder").hasSize(1);
                return l.get(0);
            }));
        }
    }

    private List<AuditEntry> audited(String actor) {
        return audited(actor, "preservation.package");
    }

    private List<AuditEntry> audited(String actor, String action) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, null, null, null), 0, 1000))
                .entries();
    }

    private static String[] sizeAndSha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String[] {Long.toString(Files.size(file)), Digests.of(in).sha256()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
