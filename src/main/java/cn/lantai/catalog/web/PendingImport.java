package cn.lantai.catalog.web;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

/**
 * An uploaded catalogue between the column-mapping step and the start of its import, kept in the person's session
 * (one at a time) under a random token. The file is deleted when a newer upload replaces it or the session ends;
 * starting the import takes the file over.
 */
record PendingImport(String token, String file, String fileName, List<String> header)
        implements Serializable, HttpSessionBindingListener {

    private static final String ATTRIBUTE = PendingImport.class.getName();

    static PendingImport keep(HttpSession session, Path file, String fileName, List<String> header) {
        PendingImport pending = new PendingImport(UUID.randomUUID().toString(), file.toString(), fileName,
                List.copyOf(header));
        session.setAttribute(ATTRIBUTE, pending);
        return pending;
    }

    /** The pending upload with this token, if it is still this session's. */
    static PendingImport take(HttpSession session, String token) {
        if (session.getAttribute(ATTRIBUTE) instanceof PendingImport p && p.token.equals(token)) {
            return p;
        }
        return null;
    }

    /** Forgets the upload once the import has taken its file. */
    static void release(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    Path path() {
        return Path.of(file);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        try {
            Files.deleteIfExists(path());
        } catch (IOException e) {
            // the sweep of abandoned uploads removes it later
        }
    }
}
