package cn.lantai.identity;

import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documented setting for local evaluation: the foundation's single administrator keeps working as before,
 * HTTP Basic on the API included. (Without it, see {@link LoginTest} and {@link SeparationOfDutiesTest}.)
 */
@LantaiTest
@TestPropertySource(properties = "lantai.security.evaluation-admin=true")
class EvaluationAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PermissionManagement permissions;

    @Test
    void theSingleAdministratorDoesArchiveWorkWithHttpBasic() throws Exception {
        mvc.perform(put("/api/v1/fonds/EV01").with(httpBasic("admin", Staff.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"评估全宗\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/search").param("q", "通知").with(httpBasic("admin", Staff.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/search").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
        // the other administrators gain nothing from the setting
        mvc.perform(put("/api/v1/fonds/EV02").with(httpBasic("secadmin", Staff.SECADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"越权\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aNewAccountHoldsWhatItIsGrantedOnceItsHolderHasChosenAPasswordAsInTheFoundation() {
        IssuedPassword issued = staff.asSystemAdmin(() -> accounts.create(new NewAccount("evalclerk", "评估员", null)));
        staff.asSecurityAdmin(() -> {
            permissions.grant("evalclerk", Set.of("READING_ROOM"), Set.of(), Classification.SECRET, null);
            return null;
        });
        staff.as("evalclerk", () -> {
            accounts.changePassword(issued.oneTimePassword(), Staff.PASSWORD);
            return null;
        });
        assertThat(staff.asSecurityAdmin(permissions::pendingChanges))
                .noneMatch(c -> c.subject().equals("evalclerk"));
        assertThat(permissions.permissions("evalclerk").orElseThrow().clearance()).isEqualTo(Classification.SECRET);
    }
}
