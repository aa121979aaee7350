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

    public static void main(String[] args) throws Exception {
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
                String first17 = "370102" + birth.toString().replace("-", "") + String.format("%03d", (seed * 10 + i / 29_000) % 1000);
                int sum = 0;
                for (int k = 0; k < 17; k++) {
                    sum += (first17.charAt(k) - '0') * W[k];
                }
                ws.value(r, 0, villages[household % villages.length]);
                ws.value(r, 1, (household / 50 + 1) + "号楼");
                ws.value(r, 2, (seed * 1_000_000 + household) + "号");
                ws.value(r, 3, "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())));
                ws.value(r, 4, first17 + CHECK.charAt(sum % 11));
                ws.value(r, 5, "13" + String.format("%d%08d", seed % 10, (i * 7919L + seed * 13L) % 100_000_000));
                ws.value(r, 8, relations[i % 3]);
                ws.value(r, 9, "户籍");
                ws.value(r, 10, "健康");
                ws.value(r, 11, "否");
            }
            wb.finish();
        }
    }
}
