package cn.lantai.catalog.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code lantai.demo-data=true}: at the first start (empty catalogue) loads a generated sample archive, so a newcomer
 * sees a working archive: three fonds, the categories 文书, 会计 (vouchers in files, 卷), 婚姻登记 and 照片 with their
 * own fields, and a few thousand items with Chinese titles, some classified, most open.
 */
@Component
@ConditionalOnProperty(name = "lantai.demo-data", havingValue = "true")
class DemoCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final int ITEMS_PER_GROUP = 60;
    private static final int VOUCHERS_PER_FILE = 15;

    private static final String[][] ORGS = {{"BGS", "区委办公室", "区委办"}, {"ZFB", "区人民政府办公室", "区府办"},
            {"MZJ", "区民政局", "区民政"}, {"CZJ", "区财政局", "区财"}};
    private static final String[] SUBJECTS = {"安全生产", "防汛抗旱", "老旧小区改造", "城乡低保", "档案工作", "乡村振兴",
            "垃圾分类", "森林防火", "信访工作", "政务公开", "义务教育", "居家养老"};
    private static final String[] FORMS = {"关于印发《%1$s区%2$d年%3$s工作要点》的通知", "关于%2$d年%3$s工作情况的报告",
            "关于开展%3$s专项检查的通知", "关于%3$s经费的请示", "关于同意%3$s实施方案的批复", "%3$s工作会议纪要"};
    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴艳"};

    private final CatalogManagement catalog;
    private final CatalogVolumes volumes;
    private final EntryJudge judge;
    private final CatalogWriter writer;
    private final ChangeLog changes;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    DemoCatalogue(CatalogManagement catalog, CatalogVolumes volumes, EntryJudge judge, CatalogWriter writer, ChangeLog changes,
            TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.volumes = volumes;
        this.judge = judge;
        this.writer = writer;
        this.changes = changes;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        Long items = jdbc.queryForObject("SELECT COUNT(*) FROM item", Long.class);
        if (items != null && items > 0) {
            return;
        }
        catalog.registerFonds(new Fonds("0001", "临江区委办公室"), cn.lantai.catalog.Viewer.system());
        catalog.registerFonds(new Fonds("0002", "临江区人民政府办公室"), cn.lantai.catalog.Viewer.system());
        catalog.registerFonds(new Fonds("0003", "临江区民政局"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("KJ", "会计", List.of(
                new FieldDefinition("voucherNo", "凭证号", FieldDefinition.Type.TEXT, 30, false, null))), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("HY", "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", FieldDefinition.Type.TEXT, 20, true, null),
                new FieldDefinition("brideName", "女方姓名", FieldDefinition.Type.TEXT, 20, true, null),
                new FieldDefinition("registeredOn", "登记日期", FieldDefinition.Type.DATE, 20, true, null),
                new FieldDefinition("certificateNo", "结婚证字号", FieldDefinition.Type.TEXT, 30, false, null))), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("ZP", "照片", List.of(
                new FieldDefinition("photographer", "摄影者", FieldDefinition.Type.TEXT, 30, false, null),
                new FieldDefinition("place", "地点", FieldDefinition.Type.TEXT, 50, false, null),
                new FieldDefinition("people", "人物", FieldDefinition.Type.TEXT, 100, false, null))), cn.lantai.catalog.Viewer.system());
        Random random = new Random(2019);
        long operation = transactions.execute(tx -> changes.begin("DEMO", "system", null, "demo data", 0));
        int count = 0;
        Viewer system = Viewer.system();
        for (int year = 2015; year <= 2024; year++) {
            if (year >= 2020) {
                // accounting vouchers are kept in files (卷): two volumes a year
                for (int volume = 1; volume <= 2; volume++) {
                    volumes.create(new NewVolume("0002", "KJ", year, "D30", "CZJ",
                            year + "年记账凭证 第" + volume + "册", null, "控制使用", null), system);
                }
            }
            EntryJudge.Snapshot snapshot = judge.snapshot();
            List<CatalogWriter.Valid> batch = new ArrayList<>();
            for (String[] org : ORGS) {
                for (int i = 0; i < ITEMS_PER_GROUP; i++) {
                    batch.add(valid(snapshot, document(random, "0001", year, org, i)));
                }
            }
            for (int i = 0; i < ITEMS_PER_GROUP; i++) {
                batch.add(valid(snapshot, marriage(random, year, i)));
                batch.add(valid(snapshot, photo(random, year, i)));
            }
            for (int volume = 1; year >= 2020 && volume <= 2; volume++) {
                for (int i = 0; i < VOUCHERS_PER_FILE; i++) {
                    batch.add(valid(snapshot, voucher(year, volume, i)));
                }
            }
            transactions.executeWithoutResult(tx -> writer.write(batch, operation));
            count += batch.size();
        }
        int total = count;
        transactions.executeWithoutResult(tx -> changes.setCount(operation, total));
        log.info("Loaded the demo archive: {} items", total);
    }

    private static CatalogWriter.Valid valid(EntryJudge.Snapshot snapshot, EntryInput input) {
        Entry entry = snapshot.judge(input);
        if (!entry.valid()) {
            throw new IllegalStateException("demo entry breaks the rules: " + entry.violations());
        }
        return new CatalogWriter.Valid(entry.description(), entry.extra());
    }

    private static EntryInput document(Random random, String fonds, int year, String[] org, int n) {
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        String title = String.format(FORMS[random.nextInt(FORMS.length)], "临江", year, subject);
        Map<DescriptionField, String> f = base(fonds, "WS", year, random.nextInt(10) < 6 ? "Y" : "D30", org[0]);
        f.put(DescriptionField.TITLE, title);
        f.put(DescriptionField.CREATOR, org[1]);
        f.put(DescriptionField.DOC_NUMBER, org[2] + "〔" + year + "〕" + (n + 1) + "号");
        f.put(DescriptionField.DATE, LocalDate.of(year, 1, 1).plusDays(n * 6L).toString());
        f.put(DescriptionField.PAGES, Integer.toString(1 + random.nextInt(20)));
        f.put(DescriptionField.KEYWORDS, subject);
        int mark = random.nextInt(100);
        f.put(DescriptionField.CLASSIFICATION, mark < 92 ? "" : mark < 97 ? "秘密" : "机密");
        f.put(DescriptionField.OPEN_STATUS, mark >= 92 ? "控制使用" : year <= 1999 || mark < 70 ? "开放" : "未鉴定");
        return new EntryInput(null, f, null);
    }

    private static EntryInput voucher(int year, int volume, int n) {
        int number = (volume - 1) * VOUCHERS_PER_FILE + n + 1;
        Map<DescriptionField, String> f = base("0002", "KJ", year, "D30", "CZJ");
        f.put(DescriptionField.VOLUME, Integer.toString(volume));
        f.put(DescriptionField.TITLE, year + "年记账凭证 第" + number + "号");
        f.put(DescriptionField.CREATOR, "临江区财政局");
        f.put(DescriptionField.DATE, LocalDate.of(year, 1, 3).plusDays(number * 7L).toString());
        f.put(DescriptionField.OPEN_STATUS, "控制使用");
        return new EntryInput(null, f, Map.of("凭证号", "记-" + year + "-" + number));
    }

    private static EntryInput marriage(Random random, int year, int n) {
        String groom = NAMES[random.nextInt(NAMES.length)];
        String bride = NAMES[random.nextInt(NAMES.length)];
        LocalDate on = LocalDate.of(year, 1, 2).plusDays(n * 5L);
        Map<DescriptionField, String> f = base("0003", "HY", year, "Y", "MZJ");
        f.put(DescriptionField.TITLE, groom + "与" + bride + "结婚登记档案");
        f.put(DescriptionField.CREATOR, "临江区民政局婚姻登记处");
        f.put(DescriptionField.DATE, on.toString());
        f.put(DescriptionField.OPEN_STATUS, "控制使用");
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("男方姓名", groom);
        extra.put("女方姓名", bride);
        extra.put("登记日期", on.toString());
        extra.put("结婚证字号", "临婚字" + year + "第" + (n + 1) + "号");
        return new EntryInput(null, f, extra);
    }

    private static EntryInput photo(Random random, int year, int n) {
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        Map<DescriptionField, String> f = base("0002", "ZP", year, "Y", "ZFB");
        f.put(DescriptionField.TITLE, "临江区" + subject + "现场照片");
        f.put(DescriptionField.CREATOR, "临江区人民政府办公室");
        f.put(DescriptionField.DATE, LocalDate.of(year, 3, 1).plusDays(n * 4L).toString());
        f.put(DescriptionField.OPEN_STATUS, "开放");
        return new EntryInput(null, f, Map.of("摄影者", NAMES[random.nextInt(NAMES.length)], "地点", "临江区",
                "人物", NAMES[random.nextInt(NAMES.length)]));
    }

    private static Map<DescriptionField, String> base(String fonds, String category, int year, String retention,
            String org) {
        Map<DescriptionField, String> f = new EnumMap<>(DescriptionField.class);
        f.put(DescriptionField.FONDS, fonds);
        f.put(DescriptionField.CATEGORY, category);
        f.put(DescriptionField.YEAR, Integer.toString(year));
        f.put(DescriptionField.RETENTION, retention);
        f.put(DescriptionField.ORG, org);
        return f;
    }
}
