package cn.lantai.preservation;

import java.nio.file.Path;

/**
 * A file to deposit into a record's object: its name inside the record ({@code 正文.pdf}, {@code 附件/表1.xlsx}:
 * relative, '/'-separated, no '.' or '..' segment), where its bytes are now, and its format as identified by content
 * (a media type such as {@code application/pdf}).
 */
public record ContentFile(String name, Path source, String format) {
}
