package cn.lantai.exhibition;

/**
 * What a curator writes about an exhibition as a whole: its short address name (optional; lower-case letters, digits
 * and hyphens), title, subtitle and introduction, and its cover: a record named by id or 档号 and, optionally, the
 * page of its scan to show (all optional but the title).
 */
public record ExhibitionDraft(String slug, String title, String subtitle, String introduction, String cover,
        Integer coverPage) {
}
