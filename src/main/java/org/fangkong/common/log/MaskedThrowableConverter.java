package org.fangkong.common.log;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Stack traces as Spring Boot prints them ({@code %wEx}), with every message in them masked by
 * {@link LogMasking}: an exception's message may quote the input that caused it.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return LogMasking.mask(super.throwableProxyToString(tp));
    }
}
