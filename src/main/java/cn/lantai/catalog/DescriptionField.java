package cn.lantai.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The description fields every item has (著录项, DA/T 18-2022), with the archival-code parts of DA/T 22-2015. Each
 * field is a column of its own; the Chinese label is the column header in Excel and CSV catalogues. Import, export,
 * validation, the API and the search index all walk this one list.
 */
public enum DescriptionField {
    ARCHIVE_CODE("archiveCode", "archive_code", "档案馆代码", Kind.TEXT, 20, false),
    FONDS("fonds", "fonds_code", "全宗号", Kind.TEXT, 4, true),
    CATEGORY("category", "category_code", "门类代码", Kind.TEXT, 2, true, "门类"),
    YEAR("year", "filing_year", "年度", Kind.INTEGER, 4, true),
    RETENTION("retention", "retention", "保管期限", Kind.RETENTION, 8, true),
    ORG("org", "org_code", "机构(问题)代码", Kind.TEXT, 16, false, "机构（问题）代码", "机构(问题)", "机构（问题）", "机构代码", "问题代码"),
    /** The file (卷) the item is in, for groups arranged in files; absent for loose items (件). */
    VOLUME("volume", "volume_no", "案卷号", Kind.INTEGER, 4, false, "卷号"),
    ITEM_NO("itemNo", "item_no", "件号", Kind.INTEGER, 4, true, "卷内件号", "卷内顺序号"),
    TITLE("title", "title", "题名", Kind.TEXT, 500, true, "文件题名", "标题"),
    DATE("date", "doc_date", "日期", Kind.DATE, 20, true, "文件日期", "成文日期", "形成日期"),
    CREATOR("creator", "creator", "责任者", Kind.TEXT, 200, true, "作者", "发文机关"),
    DOC_NUMBER("docNumber", "doc_number", "文件编号", Kind.TEXT, 100, false, "文号", "发文字号"),
    PAGES("pages", "pages", "页数", Kind.INTEGER, 6, false),
    CLASSIFICATION("classification", "classification", "密级", Kind.CLASSIFICATION, 16, false),
    OPEN_STATUS("openStatus", "open_status", "开放标识", Kind.OPEN_STATUS, 16, false, "开放状态", "开放情况"),
    PUBLIC_ATTRIBUTE("publicAttribute", "public_attribute", "公开属性", Kind.TEXT, 20, false),
    CARRIER("carrier", "carrier", "载体形态", Kind.TEXT, 50, false, "载体"),
    CUSTODIAL_HISTORY("custodialHistory", "custodial_history", "档案保管沿革", Kind.TEXT, 500, false, "保管沿革"),
    DESTRUCTION("destruction", "destruction", "销毁情况", Kind.TEXT, 200, false),
    SCOPE_NOTE("scopeNote", "scope_note", "范围和提要", Kind.TEXT, 2000, false, "提要", "内容提要"),
    PERSONS("persons", "persons", "人名", Kind.TEXT, 500, false),
    DRAFT("draft", "draft", "稿本", Kind.TEXT, 20, false),
    DOC_TYPE("docType", "doc_type", "文种", Kind.TEXT, 20, false),
    ATTACHMENTS("attachments", "attachments", "附件", Kind.TEXT, 500, false),
    FILE_SIZE("fileSize", "file_size", "计算机文件大小", Kind.TEXT, 30, false),
    FILE_FORMAT("fileFormat", "file_format", "计算机文件格式", Kind.TEXT, 30, false),
    GENERATION("generation", "generation", "生成方式", Kind.TEXT, 20, false),
    ARRANGEMENT("arrangement", "arrangement", "整理情况", Kind.TEXT, 200, false),
    LANGUAGE("language", "doc_language", "语种", Kind.TEXT, 20, false, "语言"),
    KEYWORDS("keywords", "keywords", "主题词", Kind.TEXT, 200, false, "关键词", "主题词/关键词"),
    CLASS_NUMBER("classNumber", "class_number", "分类号", Kind.TEXT, 50, false),
    NOTES("notes", "notes", "备注", Kind.TEXT, 1000, false),
    /** Full text of the record (OCR or extracted text), searchable; not a DA/T 18 element. */
    FULL_TEXT("fullText", "full_text", "全文", Kind.TEXT, 1_000_000, false);

    /** How a field's text is read and stored. */
    public enum Kind { TEXT, INTEGER, DATE, RETENTION, CLASSIFICATION, OPEN_STATUS }

    private static final Map<String, DescriptionField> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(DescriptionField::key, Function.identity()));

    private final String key;
    private final String column;
    private final String label;
    private final Kind kind;
    private final int maxLength;
    private final boolean mandatory;
    private final List<String> aliases;

    DescriptionField(String key, String column, String label, Kind kind, int maxLength, boolean mandatory,
            String... aliases) {
        this.key = key;
        this.column = column;
        this.label = label;
        this.kind = kind;
        this.maxLength = maxLength;
        this.mandatory = mandatory;
        this.aliases = List.of(aliases);
    }

    /** The name in the API and the search index. */
    public String key() {
        return key;
    }

    /** The database column. */
    public String column() {
        return column;
    }

    /** The Chinese name: the column header of catalogues. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean mandatory() {
        return mandatory;
    }

    public List<String> aliases() {
        return aliases;
    }

    public static Optional<DescriptionField> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
