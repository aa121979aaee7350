package org.fangkong.common.pii;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/** Test access to the package-private key file handling. */
public final class PiiKeysAccess {
    private PiiKeysAccess() {
    }

    public static Properties loadOrCreate(Path file) throws IOException {
        return PiiKeysConfig.loadOrCreate(file);
    }
}
