import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a resident ledger (人员构成台账) of N rows in the import layout: households of three in
 * the villages of 历下区, valid ID numbers (checksum), unique phones. Run as a single-file program
 * with fastexcel on the class path: java -cp fastexcel.jar:opczip.jar bench/ResidentFile.java OUT N SEED VILLAGES...
 */
public class ResidentFile {

    static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String CHECK = "10X98765432";
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅海燕";

    /** A valid ID number (checksum) of someone born on {@code birth}, region {@code region}, number {@code seq}. */
    static String id(String region, LocalDate birth, int seq) {
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * W[k];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("passages")) {
            passages(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args[0].equals("outsiders")) {
            outsiders(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int seed = Integer.parseInt(args[2]);
        String[] villages = java.util.Arrays.copyOfRange(args, 3, args.length);
        Random random = new Random(seed);
        String[] relations = {"户主", "配偶", "子女"};
        try (OutputStream os = Files.newOutputStream(out)) {
            Workbook wb = new Workbook(os, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("人员构成台账");
            String[] headers = {"村（社区）/网格代码", "楼栋/院落", "门牌号", "姓名", "身份证号", "手机号", "性别", "年龄", "与户主关系",
                    "户籍类型", "健康状况", "是否来自重点地区", "离开重点地区日期", "迁出日期"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            for (int i = 0; i < n; i++) {
                int r = i + 1;
                int household = i / 3;
                // birth day and sequence number come from seed and row: no two rows share an ID number
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 29_000);
                String id = id("370102", birth, seed * 10 + i / 29_000);
                ws.value(r, 0, villages[household % villages.length]);
                ws.value(r, 1, (household / 50 + 1) + "号楼");
                ws.value(r, 2, (seed * 1_000_000 + household) + "号");
                ws.value(r, 3, "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())));
                ws.value(r, 4, id);
                ws.value(r, 5, "13" + String.format("%d%08d", seed % 10, (i * 7919L + seed * 13L) % 100_000_000));
                ws.value(r, 8, relations[i % 3]);
                ws.value(r, 9, "户籍");
                ws.value(r, 10, "健康");
                ws.value(r, 11, "否");
            }
            wb.finish();
        }
    }

    /** The outsider ledger (外来人员登记台账) in the import layout: one in ten from 武汉, the rest from elsewhere. */
    static void outsiders(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int seed = Integer.parseInt(args[2]);
        String[] villages = java.util.Arrays.copyOfRange(args, 3, args.length);
        Random random = new Random(seed);
        try (OutputStream os = Files.newOutputStream(out)) {
            Workbook wb = new Workbook(os, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("外来人员登记台账");
            String[] headers = {"村（社区）/网格代码", "姓名", "身份证号", "手机号", "从何地来", "来源地代码", "是否来自重点地区", "到达日期",
                    "离开重点地区日期", "住址", "事由", "离开日期"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            for (int i = 0; i < n; i++) {
                int r = i + 1;
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 29_000);
                String id = id("420102", birth, seed * 10 + i / 29_000);
                boolean wuhan = i % 10 == 0;
                LocalDate arrived = LocalDate.of(2020, 1, 15).plusDays(i % 30);
                ws.value(r, 0, villages[i % villages.length]);
                ws.value(r, 1, "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length())));
                ws.value(r, 2, id);
                ws.value(r, 3, "15" + String.format("%d%08d", seed % 10, (i * 7919L + seed * 13L) % 100_000_000));
                ws.value(r, 4, wuhan ? "湖北省武汉市" : "河南省郑州市");
                ws.value(r, 5, wuhan ? "420100" : "410100");
                ws.value(r, 7, arrived.toString());
                ws.value(r, 8, wuhan ? arrived.minusDays(1).toString() : "");
                ws.value(r, 9, (i % 500 + 1) + "号");
                ws.value(r, 10, "探亲");
            }
            wb.finish();
        }
    }

    /** A checkpoint's passage log (卡口登记台账) of N rows over the N/2000 days before 2020-02-20, one fever in a thousand. */
    static void passages(Path out, int n, int seed) throws Exception {
        Random random = new Random(seed);
        try (OutputStream os = Files.newOutputStream(out)) {
            Workbook wb = new Workbook(os, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("卡口登记台账");
            String[] headers = {"时间", "进/出", "姓名", "身份证号", "手机号", "本村居民", "从何处来", "到谁家", "事由", "车牌号", "体温", "处置",
                    "登记人"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            java.time.LocalDateTime start = java.time.LocalDateTime.of(2020, 2, 20, 0, 0).minusDays(n / 2000 + 1);
            for (int i = 0; i < n; i++) {
                int r = i + 1;
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 29_000);
                String id = id("370103", birth, seed * 10 + i / 29_000);
                java.time.LocalDateTime at = start.plusSeconds(i * 43L);
                ws.value(r, 0, at.toLocalDate() + " " + at.toLocalTime().withSecond(0));
                ws.value(r, 1, i % 2 == 0 ? "进" : "出");
                ws.value(r, 2, "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length())));
                ws.value(r, 3, id);
                ws.value(r, 6, "历城区");
                ws.value(r, 8, "上班");
                ws.value(r, 10, i % 1000 == 0 ? "37.8" : "36." + (i % 8 + 1));
                ws.value(r, 12, "门卫");
            }
            wb.finish();
        }
    }
}
