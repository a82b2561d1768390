package cn.lantai.bench;

import java.util.List;
import java.util.Random;

/**
 * Word lists and templates from which {@link CatalogueGenerator} builds realistic catalogue entries of a district
 * government: titles (题名) in the style of official documents (公文), responsible creators (责任者), document numbers
 * (文件编号) and OCR-like body text (全文). Titles are varied but deliberately similar to each other, which is what
 * makes full-text search over a real archive hard: many documents share words such as 通知, 工作 or the district name.
 */
final class Vocabulary {

    /** The fictional district (区) whose government produced the records. */
    static final String DISTRICT = "临江区";

    /** An organisation (机构) with its code, its name as 责任者 and the prefix of its document numbers (发文字号). */
    record Org(String code, String creator, String docPrefix) {
    }

    static final List<Org> ORGS = List.of(
            new Org("BGS", "区人民政府办公室", "区府办"),
            new Org("ZZB", "区委组织部", "区委组"),
            new Org("CZJ", "区财政局", "区财"),
            new Org("MZJ", "区民政局", "区民政"),
            new Org("JYJ", "区教育局", "区教"),
            new Org("WJJ", "区卫生健康局", "区卫健"),
            new Org("ZJJ", "区住房和城乡建设局", "区住建"),
            new Org("NYJ", "区农业农村局", "区农"),
            new Org("YJJ", "区应急管理局", "区应急"),
            new Org("RSJ", "区人力资源和社会保障局", "区人社"),
            new Org("SWJ", "区商务局", "区商"),
            new Org("DAJ", "区档案局", "区档"));

    static final List<String> STREETS = List.of("东城街道", "西湖街道", "南门街道", "北关街道", "新华街道", "江滨街道",
            "城关镇", "河口镇", "石桥镇", "白沙镇", "青山乡", "柳林乡");

    static final List<String> COMMUNITIES = List.of("和平社区", "幸福社区", "光明社区", "团结社区", "建设社区", "胜利社区",
            "朝阳社区", "民主社区", "文化路社区", "红旗村", "杨柳村", "王家庄村", "李家湾村", "三里桥村");

    static final List<String> SUBJECTS = List.of("安全生产", "防汛抗旱", "城乡居民最低生活保障", "老旧小区改造", "财政预算",
            "干部教育培训", "森林防火", "疫情防控", "第七次全国人口普查", "农村人居环境整治", "脱贫攻坚", "义务教育均衡发展",
            "城乡居民医疗保险", "退役军人优抚安置", "食品安全", "消防安全", "农村饮水安全", "道路交通安全", "全国文明城市创建",
            "政务公开", "档案工作", "信访工作", "招商引资", "国有资产管理", "社会救助", "居家养老服务", "殡葬改革",
            "城市管理", "生活垃圾分类", "河长制", "耕地保护", "就业创业", "根治欠薪", "安全饮用水", "扫黑除恶专项斗争",
            "乡村振兴", "基层党组织建设", "优化营商环境", "统计执法检查", "地名普查");

    static final List<String> PROJECTS = List.of("道路改造", "雨污分流", "老旧小区综合整治", "农贸市场建设", "文化活动中心建设",
            "养老服务站建设", "路灯安装", "河道清淤", "危房改造", "公共停车场建设", "自来水管网改造", "公厕新建",
            "健身广场建设", "卫生服务站装修");

    static final List<String> INSTITUTIONS = List.of("社会福利中心", "城市管理综合执法大队", "第三实验小学", "社区卫生服务中心",
            "便民服务中心", "公共资源交易中心", "退役军人服务站", "未成年人救助保护中心", "农业技术推广站", "档案馆新馆筹建办公室");

    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱");

    static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
            "建国", "志强", "秀英", "丽华", "海燕", "国庆", "红梅", "文斌");

    static final List<String> KEYWORDS = List.of("综合", "人事", "财务", "民政", "教育", "卫生", "城建", "农业", "应急", "社保",
            "商贸", "档案", "会议", "表彰", "机构", "规划");

    static final List<String> REMARKS = List.of("", "", "", "", "", "", "", "", "复印件", "附件另存", "原件破损", "有领导批示",
            "传真件");

    private static final List<String> BODY_SENTENCES = List.of(
            "为进一步做好%s工作，根据上级有关文件精神，结合我区实际，现将有关事项通知如下。",
            "各街道、镇（乡）和区直各部门要充分认识%s工作的重要性和紧迫性，切实加强组织领导。",
            "要按照属地管理、分级负责的原则，层层落实%s工作责任，确保各项措施落到实处。",
            "区财政局要做好%s工作经费保障，专款专用，不得挤占挪用。",
            "对工作中发现的问题，要建立台账，明确整改时限和责任人，实行销号管理。",
            "各单位要于每月五日前将%s工作进展情况报区人民政府办公室。",
            "区政府督查室将会同有关部门对%s工作开展专项督查，督查结果纳入年度目标考核。",
            "经研究，原则同意你单位所报方案，请严格按照有关规定组织实施。",
            "%s工作领导小组办公室设在区民政局，负责日常协调和督促检查工作。",
            "会议听取了有关部门关于%s工作情况的汇报，研究部署了下一阶段重点任务。",
            "会议强调，要坚持问题导向，补齐短板，推动%s工作取得新成效。",
            "现将《实施方案》印发给你们，请结合实际认真贯彻执行。",
            "项目总投资约%d万元，资金来源为区级财政预算安排和上级补助资金。",
            "工程计划于%d月开工，当年年底前竣工并交付使用。",
            "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。",
            "特此报告，请审阅。",
            "以上请示当否，请批示。",
            "专此函复。");

    private Vocabulary() {
    }

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static String personName(Random rnd) {
        return pick(rnd, SURNAMES) + pick(rnd, GIVEN);
    }

    /** A document title (题名) by one of the common 公文 patterns; the document type is chosen by the template. */
    static String title(Random rnd, Org org, int year, String subject) {
        String street = pick(rnd, STREETS);
        String community = pick(rnd, COMMUNITIES);
        String project = pick(rnd, PROJECTS);
        return switch (rnd.nextInt(16)) {
            case 0 -> "关于印发《" + DISTRICT + year + "年" + subject + "工作要点》的通知";
            case 1 -> "关于印发《" + DISTRICT + subject + "实施方案》的通知";
            case 2 -> DISTRICT + "人民政府关于同意设立" + DISTRICT + pick(rnd, INSTITUTIONS) + "的批复";
            case 3 -> "关于" + street + community + project + "工程的请示";
            case 4 -> "关于" + year + "年" + subject + "工作情况的报告";
            case 5 -> "关于召开全区" + subject + "工作会议的通知";
            case 6 -> "关于申请" + subject + "专项资金的请示";
            case 7 -> "关于调整" + DISTRICT + subject + "工作领导小组成员的通知";
            case 8 -> org.creator() + "关于" + subject + "有关事项的函";
            case 9 -> "关于表彰" + year + "年度" + subject + "先进集体和先进个人的决定";
            case 10 -> "关于进一步加强" + subject + "工作的意见";
            case 11 -> DISTRICT + subject + "工作专题会议纪要";
            case 12 -> "关于" + personName(rnd) + "等同志职务任免的通知";
            case 13 -> "关于拨付" + street + project + "经费的批复";
            case 14 -> "关于" + street + community + project + "工程竣工验收情况的报告";
            default -> "关于开展" + year + "年" + subject + "专项检查的通知";
        };
    }

    /** Responsible creator (责任者): mostly the organisation itself, sometimes the district government. */
    static String creator(Random rnd, Org org, String title) {
        if (title.startsWith(DISTRICT + "人民政府")) {
            return "区人民政府";
        }
        return rnd.nextInt(10) == 0 ? "区人民政府" : org.creator();
    }

    /** Document number (文件编号), e.g. {@code 区府办〔2019〕12号}. */
    static String docNumber(Org org, int year, int serial) {
        return org.docPrefix() + "〔" + year + "〕" + serial + "号";
    }

    /**
     * Plausible OCR-like body text (全文) of about {@code targetBytes} bytes in UTF-8, opening with the title as an
     * OCR of a real page would.
     */
    static String body(Random rnd, String title, String subject, int targetBytes) {
        StringBuilder sb = new StringBuilder(targetBytes / 2);
        sb.append(title).append('\n');
        int bytes = title.length() * 3;
        while (bytes < targetBytes) {
            String template = pick(rnd, BODY_SENTENCES);
            String topic = rnd.nextInt(5) == 0 ? pick(rnd, SUBJECTS) : subject;
            String sentence = template.contains("%d")
                    ? String.format(template, template.contains("月") ? 1 + rnd.nextInt(12) : 20 + rnd.nextInt(2000))
                    : template.contains("%s") ? String.format(template, topic) : template;
            sb.append(sentence);
            bytes += sentence.length() * 3;
            if (rnd.nextInt(4) == 0) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
