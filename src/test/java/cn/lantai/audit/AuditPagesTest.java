package cn.lantai.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The auditor's page hands out receipts as files and verifies the trail against the files brought back. */
@LantaiTest
class AuditPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Test
    void theAuditorTakesAReceiptFromThePageAndLaterVerifiesTheTrailAgainstIt() throws Exception {
        audit.record(new AuditEvent("张三", "10.0.0.1", "item.update", "page-receipt", null, null));

        byte[] file = mvc.perform(post("/audit/receipt").with(Staff.page("auditor")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("lantai-audit-receipt-")))
                .andReturn().getResponse().getContentAsByteArray();
        List<AuditReceipt> receipts = AuditReceipt.read(new String(file, StandardCharsets.UTF_8));
        assertThat(receipts).singleElement().satisfies(r -> assertThat(r.seq()).isPositive());

        mvc.perform(multipart("/audit/verify")
                        .file(new MockMultipartFile("receipts", "receipt.txt", "text/plain", file))
                        .with(Staff.page("auditor")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 张回执")));
        mvc.perform(multipart("/audit/verify")
                        .file(new MockMultipartFile("receipts", "notes.txt", "text/plain", "nothing".getBytes()))
                        .with(Staff.page("auditor")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("notes.txt")));
    }
}
