package dev.caisey.bench.pdf;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap still in use right after a garbage collection, from the collectors' notifications (what a GC log
 * shows as the heap after each collection): the data a job really holds, unlike the heap in use at any moment, which
 * includes garbage not yet collected.
 */
final class LiveHeap {
    private final AtomicLong maxAfterGc = new AtomicLong(-1);

    private LiveHeap() {}

    /** Starts listening to every collector of this JVM. */
    static LiveHeap watch() {
        LiveHeap live = new LiveHeap();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> live.collected(n), null, null);
            }
        }
        return live;
    }

    /** The most heap in use after a collection so far, in bytes; -1 if no collection has run. */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    private void collected(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> isHeap(e.getKey()))
                .map(Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }
}
