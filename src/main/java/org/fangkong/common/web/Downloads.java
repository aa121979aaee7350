package org.fangkong.common.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Files the platform hands out, the same way everywhere: workbooks as attachments, PDFs to print
 * inline; a Chinese name is sent encoded (RFC 5987), with a plain fallback for older clients.
 */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    public static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return file(MediaType.parseMediaType(XLSX), ContentDisposition.attachment(), filename, body);
    }

    public static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return file(MediaType.APPLICATION_PDF, ContentDisposition.inline(), filename, body);
    }

    private static ResponseEntity<byte[]> file(MediaType type, ContentDisposition.Builder disposition, String filename,
                                               byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, (StandardCharsets.US_ASCII.newEncoder().canEncode(filename)
                        ? disposition.filename(filename) : disposition.filename(filename, StandardCharsets.UTF_8)).build().toString())
                .body(body);
    }
}
