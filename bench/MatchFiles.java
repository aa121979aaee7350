import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Data for the cross-matching benchmark, sealed with the platform's keys as PiiSealer seals:
 * "persons N" writes N people of the registry as COPY text on stdout (keyed hashes of ID number,
 * phone and name; the name sealed with AES-GCM); "list N FILE" writes an xlsx list of N rows, half
 * of them people of the registry (by ID number or by phone), half strangers.
 * Keys come from FANGKONG_PII_ENCRYPTION_KEY and FANGKONG_PII_HASH_KEY (base64).
 */
public class MatchFiles {

    static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String CHECK = "10X98765432";
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅海燕";
    static final HexFormat HEX = HexFormat.of();

    static String id(long i) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i % 30_000);
        String first17 = "370102" + birth.toString().replace("-", "") + String.format("%03d", (i / 30_000) % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * W[k];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    static String phone(long i) {
        return "13" + String.format("%09d", (i * 7919L + 12_345L) % 1_000_000_000L);
    }

    static String name(long i) {
        return "" + SURNAMES.charAt((int) (i % SURNAMES.length())) + GIVEN.charAt((int) (i / 7 % GIVEN.length()))
                + GIVEN.charAt((int) (i / 131 % GIVEN.length()));
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("persons")) {
            persons(Long.parseLong(args[1]));
        } else {
            list(Integer.parseInt(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
        }
    }

    static void persons(long n) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(System.getenv("FANGKONG_PII_HASH_KEY")), "HmacSHA256"));
        SecretKeySpec aes = new SecretKeySpec(Base64.getDecoder().decode(System.getenv("FANGKONG_PII_ENCRYPTION_KEY")), "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecureRandom random = new SecureRandom();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (long i = 0; i < n; i++) {
                String id = id(i);
                String phone = phone(i);
                String name = name(i);
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(new byte[] {1});
                byte[] sealed = cipher.doFinal(name.getBytes(StandardCharsets.UTF_8));
                byte[] nameSealed = ByteBuffer.allocate(13 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();
                out.write("\\\\x" + HEX.formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8))) + '\t'
                        + id.substring(0, 4) + "**********" + id.substring(14) + '\t'
                        + "\\\\x" + HEX.formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8))) + '\t'
                        + phone.substring(0, 3) + "****" + phone.substring(7) + '\t'
                        + "\\\\x" + HEX.formatHex(nameSealed) + '\t' + name.charAt(0) + "**".substring(0, name.length() - 1) + '\t'
                        + "\\\\x" + HEX.formatHex(mac.doFinal(("name:" + name).getBytes(StandardCharsets.UTF_8))) + '\t'
                        + ((id.charAt(16) - '0') % 2 == 1 ? "M" : "F") + '\t'
                        + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14) + '\n');
            }
        }
    }

    /** Half the rows are people 0..registry-1 of the registry (every other by phone), half strangers. */
    static void list(int n, Path file, long registry) throws Exception {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("名单");
            String[] headers = {"姓名", "身份证号", "手机号", "离开武汉日期"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            long step = Math.max(1, registry / (n / 2 + 1));
            for (int r = 1; r <= n; r++) {
                long person = r % 2 == 0 ? (r / 2) * step % registry : registry + 1_000_000L + r;
                ws.value(r, 0, name(person));
                if (r % 4 == 2) {
                    ws.value(r, 2, phone(person));
                } else {
                    ws.value(r, 1, id(person));
                }
                ws.value(r, 3, "2020-01-" + (10 + r % 14));
            }
            wb.finish();
        }
    }
}
