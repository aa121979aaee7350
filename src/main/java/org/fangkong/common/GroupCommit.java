package org.fangkong.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group-commit loop of a hot write path (check-ins, mask reservations): requests queue up, one
 * thread takes up to {@code maxBatch} waiting ones and hands them to {@code write}, which writes them
 * in one transaction and answers each after the commit. A batch that fails answers every request of
 * it with the failure. The queue is bounded: {@link #offer} says no when it is full.
 */
public final class GroupCommit<R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final int maxBatch;
    private final BlockingQueue<R> queue;
    private final Consumer<List<R>> write;
    private final Function<R, CompletableFuture<?>> resultOf;
    private final Thread thread;
    private volatile boolean running = true;

    public GroupCommit(String name, int capacity, int maxBatch, Consumer<List<R>> write, Function<R, CompletableFuture<?>> resultOf) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.write = write;
        this.resultOf = resultOf;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops taking batches; the one being written finishes (up to 10 s). */
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    /** Requests waiting to be written. */
    public int size() {
        return queue.size();
    }

    /** Queues a request; false when the queue is full. */
    public boolean offer(R request) {
        return queue.offer(request);
    }

    private void loop() {
        List<R> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                R first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{}: batch of {} failed", name, batch.size(), e);
                batch.forEach(r -> resultOf.apply(r).completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }
}
