package org.fangkong.common.jobs;

import java.net.InetAddress;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * This instance's name among several on one database: who picked a cluster task, who runs a long job.
 * The host name and a part of a random id, new at every start (two instances on one host differ).
 */
@Component
public class InstanceName {

    private final String value;

    InstanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        this.value = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return value;
    }
}
