package cn.lantai.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The controlled vocabularies of the description fields (受控词表), in one place: the rules refuse any other value and
 * the workbench offers exactly these as choices. Values are stored as listed (Chinese, as catalogues carry them);
 * 保管期限, 密级 and 开放标识 are stored by their codes, their labels living with their enums.
 */
public final class Vocabularies {

    /** 载体形态 (DA/T 18-2022): the carrier of the record. */
    public static final List<String> CARRIER = List.of("纸质", "电子", "照片", "底片", "录音带", "录像带", "胶片", "缩微品",
            "光盘", "磁盘", "实物", "其他");

    /** 文种: the kinds of official document of 党政机关公文处理工作条例 (2012) §8, and what older records add. */
    public static final List<String> DOC_TYPE = List.of("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报",
            "报告", "请示", "批复", "议案", "函", "纪要", "计划", "总结", "规定", "办法", "合同", "协议", "会议记录", "简报",
            "其他");

    /** 语种 (DA/T 18-2022 §语种): the language of the record. */
    public static final List<String> LANGUAGE = List.of("汉语", "蒙古语", "藏语", "维吾尔语", "哈萨克语", "朝鲜语", "壮语",
            "彝语", "英语", "日语", "俄语", "法语", "德语", "其他");

    private Vocabularies() {
    }

    /**
     * The stored values a field may take, in the order they are offered; empty for a field that takes free text,
     * numbers or dates.
     */
    public static List<String> of(DescriptionField field) {
        return switch (field) {
            case CARRIER -> CARRIER;
            case DOC_TYPE -> DOC_TYPE;
            case LANGUAGE -> LANGUAGE;
            case RETENTION -> Arrays.stream(Retention.values()).map(Retention::code).toList();
            case CLASSIFICATION -> Arrays.stream(Classification.values()).map(Enum::name).toList();
            case OPEN_STATUS -> Arrays.stream(OpenStatus.values()).map(Enum::name).toList();
            default -> List.of();
        };
    }

    /** Whether the field's values are a listed vocabulary of text (the enum-valued fields parse their own). */
    public static boolean listed(DescriptionField field) {
        return field == DescriptionField.CARRIER || field == DescriptionField.DOC_TYPE
                || field == DescriptionField.LANGUAGE;
    }
}
