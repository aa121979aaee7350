package org.fangkong.common.web;

/**
 * Nothing there, or nothing the caller may see: records outside the caller's scope are reported
 * exactly like records that do not exist, so a scope never leaks what lies beyond it.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
