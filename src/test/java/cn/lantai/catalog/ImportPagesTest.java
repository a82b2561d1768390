package cn.lantai.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.support.Catalogues;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import pages refuse what cannot be imported with a page that says why, and settle what can be before it starts. */
@LantaiTest
class ImportPagesTest {

    @Autowired
    MockMvc mvc;

    @TempDir
    Path tmp;

    @Test
    void anEmptyOrUnreadableUploadIsToldOnTheUploadPage() throws Exception {
        mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "empty.xlsx", null, new byte[0]))
                        .with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择要导入的文件")));
        mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "notes.xlsx", null,
                        "not a spreadsheet".getBytes())).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是有效的 xlsx 文件")));
    }

    @Test
    void startingAnUploadThatIsNotThisSessionsIsRefused() throws Exception {
        mvc.perform(post("/imports/start").param("token", "../../etc/passwd").with(Staff.page(Staff.ARCHIVIST))
                        .with(csrf()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("上传的文件已失效")));
    }

    @Test
    void aJobThatIsNotAnImportIsNotFound() throws Exception {
        mvc.perform(get("/imports/no-such-job").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/imports/no-such-job/progress").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isNotFound());
    }

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Staff staff;

    @Test
    void theMappingStepRegistersTheFondsAFileNamesOnlyWithTheirNames() throws Exception {
        String unknown = Catalogues.freshFonds();
        byte[] file = Files.readAllBytes(Catalogues.standard().items(unknown, 2019, 2).xlsx(tmp));
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "u.xlsx", null, file))
                        .session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未登记的全宗号：" + unknown)))
                .andExpect(content().string(containsString("name=\"fonds." + unknown + "\"")))
                .andReturn().getResponse().getContentAsString();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        mvc.perform(post("/imports/fonds").param("token", token.group(1)).param("fonds." + unknown, " ")
                        .session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写全宗名称")));
        assertThat(catalog.fonds()).extracting(Fonds::code).doesNotContain(unknown);
        mvc.perform(post("/imports/fonds").param("token", token.group(1)).param("fonds." + unknown, "区档案局")
                        .session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("尚未登记的全宗号"))));
        assertThat(catalog.fonds()).contains(new Fonds(unknown, "区档案局"));
    }

    @Test
    void someoneWhoMayNotRegisterFondsIsToldToAskAnAdministrator() throws Exception {
        staff.ensure("receiver", "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
        String unknown = Catalogues.freshFonds();
        byte[] file = Files.readAllBytes(Catalogues.standard().items(unknown, 2019, 2).xlsx(tmp));
        mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "u.xlsx", null, file))
                        .with(Staff.page("receiver")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请联系管理员")))
                .andExpect(content().string(not(containsString("name=\"fonds." + unknown + "\""))));
    }
}
