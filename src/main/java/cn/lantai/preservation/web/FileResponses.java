package cn.lantai.preservation.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.lantai.catalog.ElectronicFiles.Preview;
import cn.lantai.preservation.RecordFiles.FileDownload;
import cn.lantai.preservation.StoredFile;
import cn.lantai.preservation.internal.StoreElectronicFiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A stored file (and a finished package) as an HTTP answer, the same for the API and the workbench: its recorded media type, its length, its
 * name as RFC 6266 {@code filename*=UTF-8''…} (the last part of its name inside the record), never sniffed. Only the
 * formats the item page previews (PDF, raster images) are ever sent inline, and only those may be framed, by the
 * archive's own pages; anything else is an attachment, whatever was asked.
 */
final class FileResponses {

    private FileResponses() {
    }

    static ResponseEntity<StreamingResponseBody> of(FileDownload download, boolean inlineAsked) {
        StoredFile file = download.file();
        Preview preview = StoreElectronicFiles.preview(file.format());
        boolean inline = inlineAsked && preview != Preview.NONE;
        String shortName = file.name().substring(file.name().lastIndexOf('/') + 1);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(shortName, StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(inline ? mediaType(file.format())
                        : downloadType(file.format()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff");
        if (inline && preview == Preview.PDF) {
            // the item page shows it in a frame, no other site may: CSP's frame-ancestors overrides the shell's
            // X-Frame-Options DENY in browsers that know it (older ones show the download link only)
            answer.header("Content-Security-Policy", "frame-ancestors 'self'");
        }
        return answer.body(out -> {
            try (InputStream in = download.content().get()) {
                in.transferTo(out);
            }
        });
    }

    /** A finished package as a download; a {@link Resource} body, so Spring answers HTTP Range requests. */
    static ResponseEntity<Resource> zip(Path zip, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(zip));
    }

    /** The recorded type, unless it is one a browser would run (HTML, SVG, XML, script) or no type at all. */
    private static MediaType downloadType(String format) {
        MediaType type = mediaType(format);
        String subtype = type.getSubtype();
        boolean active = subtype.contains("html") || subtype.contains("xml") || subtype.contains("javascript");
        return active ? MediaType.APPLICATION_OCTET_STREAM : type;
    }

    private static MediaType mediaType(String format) {
        try {
            MediaType type = MediaType.parseMediaType(format);
            return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
