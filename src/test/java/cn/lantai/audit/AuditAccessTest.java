package cn.lantai.audit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only the auditor reads the trail; everyone's actions are appended to it; nobody edits it. */
@LantaiTest
class AuditAccessTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "sysadmin", roles = {"ADMIN", "ARCHIVIST"})
    void nobodyButTheAuditorReadsOrVerifiesTheTrail() {
        assertThatThrownBy(() -> audit.entries(AuditQuery.any(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.verify(List.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.receipt()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutALoginTheTrailCannotBeRead() {
        assertThatThrownBy(() -> audit.entries(AuditQuery.any(), 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void theAuditorReadsAndVerifiesTheTrail() {
        audit.record(new AuditEvent("auditor", "127.0.0.1", "audit.view", null, null, null));

        assertThat(audit.entries(new AuditQuery(null, "audit.view", null, null, null), 0, 10).total()).isPositive();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    @WithMockUser(username = "reader", roles = "READER")
    void everyonesActionsAreAppendedWhateverTheirRole() {
        long before = jdbc.queryForObject("SELECT seq FROM audit_head", Long.class);

        audit.record(new AuditEvent("reader", "127.0.0.1", "item.view", "0012-WS·2019-Y-BGS-0001", null, null));

        assertThat(jdbc.queryForObject("SELECT seq FROM audit_head", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void theTrailOffersNoWayToEditOrDeleteAnEntry() {
        assertThat(Arrays.stream(AuditTrail.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)).containsExactlyInAnyOrder("record", "recordAll", "recordApart", "entries",
                "groups", "verify", "verify", "receipt");
    }

    @Test
    void anEventWithoutAnActionIsRefused() {
        assertThatThrownBy(() -> new AuditEvent("someone", null, " ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
