package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import pages refuse what cannot be imported with a page that says why. */
@LantaiTest
class ImportPagesTest {

    @Autowired
    MockMvc mvc;

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
}
