package cn.lantai.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * What unit catalogues write for a listed value (中文 for 汉语, 纸张 for 纸质 …): read as the listed value, and the
     * reading reported, never silent.
     */
    private static final Map<DescriptionField, Map<String, String>> SYNONYMS = Map.of(
            DescriptionField.CARRIER, Map.of("纸", "纸质", "纸张", "纸质", "纸本", "纸质", "纸质档案", "纸质",
                    "电子文件", "电子", "电子档案", "电子", "相片", "照片", "光碟", "光盘"),
            DescriptionField.DOC_TYPE, Map.of("会议纪要", "纪要", "信函", "函", "复函", "函"),
            DescriptionField.LANGUAGE, Map.ofEntries(Map.entry("中文", "汉语"), Map.entry("汉文", "汉语"),
                    Map.entry("汉", "汉语"), Map.entry("普通话", "汉语"), Map.entry("英文", "英语"),
                    Map.entry("日文", "日语"), Map.entry("俄文", "俄语"), Map.entry("法文", "法语"),
                    Map.entry("德文", "德语"), Map.entry("蒙文", "蒙古语"), Map.entry("藏文", "藏语"),
                    Map.entry("维文", "维吾尔语"), Map.entry("朝鲜文", "朝鲜语")));

    private Vocabularies() {
    }

    /** The listed value a common other way of writing it stands for, if it is one. */
    public static Optional<String> synonym(DescriptionField field, String value) {
        return Optional.ofNullable(SYNONYMS.getOrDefault(field, Map.of()).get(value));
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
