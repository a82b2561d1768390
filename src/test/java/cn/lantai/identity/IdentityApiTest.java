package cn.lantai.identity;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The identity API answers malformed, hostile and unknown input with a clear problem and changes nothing. */
@LantaiTest
class IdentityApiTest {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String who, String body) {
        return request.with(Staff.as(who)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void badAccountsAreRefusedWithAReason() throws Exception {
        mvc.perform(json(post("/api/v1/accounts"), "admin", "{\"username\":\"a b\",\"displayName\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(json(post("/api/v1/accounts"), "admin",
                "{\"username\":\"" + "x".repeat(65) + "\",\"displayName\":\"x\"}")).andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/accounts"), "admin", "{\"username\":\"ok1\",\"displayName\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/accounts"), "admin", "{\"username\":\"ok2\",\"displayName\":\"x\",\"unit\":\"NOPE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/accounts"), "admin", "{\"username\":\"ADMIN\",\"displayName\":\"同名\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/accounts"), "admin", "{not json")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/accounts/nobody-at-all").with(Staff.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void badGrantsAreRefusedWithAReason() throws Exception {
        mvc.perform(json(put("/api/v1/accounts/archivist/clearance"), "secadmin", "{\"clearance\":\"很秘密\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/accounts/archivist/duty"), "secadmin", "{\"duty\":\"ROOT\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/accounts/archivist/roles"), "secadmin", "[\"NO_SUCH_ROLE\"]"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/roles/lower_case"), "secadmin", "{\"name\":\"x\",\"rights\":[]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/roles/GOOD_CODE"), "secadmin", "{\"name\":\"x\",\"rights\":[\"FLY\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/roles/GOOD_CODE"), "secadmin",
                "{\"name\":\"x\",\"rights\":[],\"fonds\":[\"' OR 1=1 --\"]}")).andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/units/U1"), "admin", "{\"name\":\"x\",\"parent\":\"U1\"}"))
                .andExpect(status().isBadRequest());
        // the archivist is unchanged by all of it
        mvc.perform(get("/api/v1/me").with(Staff.archivist())).andExpect(jsonPath("$.clearance").value("TOP_SECRET"))
                .andExpect(jsonPath("$.duty").doesNotExist());
    }
}
