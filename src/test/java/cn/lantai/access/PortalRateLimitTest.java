package cn.lantai.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public surface's per-address limits at their defaults (120 portal requests and 10 verifications a minute): an
 * address past its allowance gets 429 with Retry-After, a problem in its language from the API and a page from the
 * portal, while other addresses go on; a forged X-Forwarded-For buys nothing; verification has its own, stricter
 * allowance. Each test calls from addresses of its own.
 */
@LantaiTest
class PortalRateLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(100, 250) + "." + r.nextInt(1, 250) + "." + r.nextInt(1, 250);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Calls until refused; answers how many were served first. The path is sent as written, escapes and all. */
    private int untilRefused(String address, String path, int most) throws Exception {
        for (int served = 0; served < most; served++) {
            int status = call(get(URI.create(path)).with(from(address))).getStatus();
            if (status == 429) {
                return served;
            }
        }
        throw new AssertionError(path + " was never refused after " + most + " calls");
    }

    @Test
    void anAddressPastItsAllowanceIsRefusedWithRetryAfterInItsLanguageAndOthersGoOn() throws Exception {
        String flooder = someAddress();
        // 120 a minute; the minute may turn once during the burst
        assertThat(untilRefused(flooder, "/api/v1/public/search?q=flood", 2 * 120 + 1)).isBetween(120, 240);

        MockHttpServletResponse api = call(get("/api/v1/public/search").param("q", "x").with(from(flooder))
                .header("Accept-Language", "zh-CN"));
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(api.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(api.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("请求过于频繁");
        MockHttpServletResponse english = call(get("/api/v1/public/items/1").with(from(flooder))
                .header("Accept-Language", "en"));
        assertThat(JSON.readTree(english.getContentAsString(StandardCharsets.UTF_8)).get("title").asString())
                .isEqualTo("Too many requests");

        MockHttpServletResponse page = call(get("/portal?lang=en").with(from(flooder)));
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getHeader("Retry-After")).isNotBlank();
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"en\">",
                "Too many requests", "href=\"/portal\"");

        MockHttpServletResponse forged = call(get("/portal").with(from(flooder))
                .header("X-Forwarded-For", someAddress()));
        assertThat(forged.getStatus()).as("no proxy is trusted by default: the header is not believed")
                .isEqualTo(429);
        assertThat(call(get("/portal").with(from(someAddress()))).getStatus()).as("another address goes on")
                .isEqualTo(200);
    }

    @Test
    void verificationHasItsOwnStricterAllowanceAgainstGuessingCertificateNumbers() throws Exception {
        String guesser = someAddress();
        assertThat(untilRefused(guesser, "/verify/LT-2026-000001", 2 * 10 + 1)).isBetween(10, 20);
        MockHttpServletResponse certificates = call(get("/api/v1/public/certificates/LT-2026-000002")
                .with(from(guesser)).header("Accept-Language", "zh-CN"));
        assertThat(certificates.getStatus()).as("the certificates API shares the allowance").isEqualTo(429);
        assertThat(certificates.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse page = call(get("/verify").with(from(guesser)).header("Accept-Language", "zh-CN"));
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"zh-CN\">", "请求过于频繁",
                "请在");
        assertThat(call(get("/portal").with(from(guesser))).getStatus()).as("the portal's allowance is apart")
                .isEqualTo(200);
    }

    @Test
    void anEscapedPathTakesTheAllowanceOfThePathItMeans() throws Exception {
        String guesser = someAddress();
        MockHttpServletResponse answered = call(get(URI.create("/%76erify?n=LT-2026-000001&c=ABCDEFGHJKMN"))
                .with(from(guesser)));
        MockHttpServletResponse plain = call(get("/verify").param("n", "LT-2026-000001").param("c", "ABCDEFGHJKMN")
                .with(from(someAddress())));
        assertThat(answered.getStatus()).as("the escaped address reaches the verify page (an unknown number)")
                .isEqualTo(plain.getStatus()).isNotEqualTo(429);
        assertThat(answered.getContentAsString(StandardCharsets.UTF_8)).contains("<title>档案证明核验");
        assertThat(untilRefused(guesser, "/%76erify?n=LT-2026-000001&c=ABCDEFGHJKMN", 2 * 10 + 1))
                .isBetween(9, 19);
        assertThat(call(get("/verify").with(from(guesser))).getStatus()).as("one allowance for both spellings")
                .isEqualTo(429);

        String reader = someAddress();
        assertThat(call(get(URI.create("/%70ortal")).with(from(reader))).getStatus()).isEqualTo(200);
        assertThat(untilRefused(reader, "/%70ortal/items/1", 2 * 120 + 1)).isBetween(119, 239);
        MockHttpServletResponse api = call(get(URI.create("/api/v1/%70ublic/search?q=x")).with(from(reader)));
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(api.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void anAnonymousCallAnywhereElseTakesThePortalsAllowance() throws Exception {
        String flooder = someAddress();
        assertThat(untilRefused(flooder, "/login", 2 * 120 + 1)).isBetween(120, 240);
        assertThat(call(get("/portal").with(from(flooder))).getStatus()).isEqualTo(429);
        assertThat(call(get("/css/portal.css").with(from(flooder))).getStatus()).as("static files stay free")
                .isEqualTo(200);
    }
}
