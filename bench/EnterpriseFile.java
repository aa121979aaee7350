import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an enterprise registry (企业名录) of N rows in the import layout: valid unified social
 * credit codes (GB 32100-2015, unique per seed), divisions across GB/T 4754, places among the given
 * villages, one in four 规模以上, states and staff back at random. Run as a single-file program with
 * fastexcel on the class path: java -cp fastexcel.jar:opczip.jar bench/EnterpriseFile.java OUT N SEED VILLAGES...
 */
public class EnterpriseFile {

    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final String[] HEADERS = {"统一社会信用代码", "企业名称", "行业门类", "行业大类", "企业规模", "规模以上", "医疗物资生产",
            "生活物资保障", "所在地区划代码", "园区", "地址", "职工总数", "复工状态", "状态日期", "返岗人数"};
    static final String[] SIZES = {"大型", "中型", "小型", "微型"};
    static final String[] STATES = {"未复工", "已备案", "已复工", "达产"};
    static final int[] DIVISIONS = {1, 6, 13, 14, 15, 17, 18, 23, 26, 27, 30, 33, 35, 36, 38, 39, 44, 47, 51, 52, 54, 59, 61, 62,
            64, 66, 70, 72, 73, 77, 80, 83, 84, 87};

    /** A valid credit code: 91 + the county + 9 characters from the sequence number and seed + the check character. */
    static String creditCode(String county, long seq) {
        StringBuilder b = new StringBuilder("91").append(county);
        long v = seq;
        for (int i = 0; i < 9; i++) {
            b.append(CHARS.charAt((int) (v % 31)));
            v /= 31;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(b.charAt(i)) * WEIGHTS[i];
        }
        return b.append(CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int seed = Integer.parseInt(args[2]);
        Random random = new Random(seed);
        try (OutputStream os = Files.newOutputStream(out)) {
            Workbook wb = new Workbook(os, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("企业名录");
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(0, c, HEADERS[c]);
            }
            for (int r = 1; r <= n; r++) {
                String village = args[3 + random.nextInt(args.length - 3)];
                int staff = 5 + random.nextInt(500);
                int state = random.nextInt(4);
                ws.value(r, 0, creditCode(village.substring(0, 6), (long) seed * 10_000_000L + r));
                ws.value(r, 1, "压测企业" + seed + "-" + r);
                ws.value(r, 3, String.format("%02d", DIVISIONS[random.nextInt(DIVISIONS.length)]));
                ws.value(r, 4, SIZES[random.nextInt(4)]);
                ws.value(r, 5, random.nextInt(4) == 0 ? "是" : "否");
                ws.value(r, 6, "否");
                ws.value(r, 7, "否");
                ws.value(r, 8, village);
                ws.value(r, 10, "某路 " + r + " 号");
                ws.value(r, 11, staff);
                ws.value(r, 12, STATES[state]);
                ws.value(r, 14, state >= 2 ? random.nextInt(staff + 1) : 0);
            }
            wb.finish();
        }
    }
}
