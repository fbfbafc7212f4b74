package org.switchboard.sip.stack;

import java.lang.management.ManagementFactory;
import java.net.*;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one datagram of a banned source costs the thread that reads the stack's UDP socket: N
 * datagrams from 127.0.0.2 (banned) into a {@link GatedDatagramSocket}, then one from 127.0.0.3;
 * the reader's CPU time (ThreadMXBean) divided by the datagrams the gate saw. Run by
 * bench/sip/drop-cost.sh.
 */
public class DropBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        InetAddress banned = InetAddress.getByName("127.0.0.2");
        java.util.Map<InetAddress, Long> bans = new java.util.concurrent.ConcurrentHashMap<>();
        bans.put(banned, Long.MAX_VALUE);
        AtomicLong seen = new AtomicLong(); PacketGate.install(s -> { seen.incrementAndGet(); return bans.get(s) == null; });
        GatedDatagramSocket server = new GatedDatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        server.setReceiveBufferSize(8 << 20);
        AtomicLong cpu = new AtomicLong();
        Thread reader = new Thread(() -> {
            try {
                var mx = ManagementFactory.getThreadMXBean();
                long start = mx.getCurrentThreadCpuTime();
                byte[] buf = new byte[65535];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                server.receive(p); // returns only for the admitted end marker
                cpu.set(mx.getCurrentThreadCpuTime() - start);
            } catch (Exception e) { e.printStackTrace(); }
        });
        reader.start();
        byte[] msg = ("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
                + "From: <sip:x@127.0.0.2>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes();
        DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(banned, 0));
        SocketAddress to = server.getLocalSocketAddress();
        long sent = 0;
        for (int i = 0; i < n; i++) {
            attacker.send(new DatagramPacket(msg, msg.length, to));
            sent++;
            if (i % 2000 == 0) Thread.sleep(1);
        }
        Thread.sleep(500);
        new DatagramSocket(new InetSocketAddress("127.0.0.3", 0)).send(new DatagramPacket(new byte[1], 1, to));
        reader.join(30000);
        System.out.printf("%d sent, %d read and dropped, reader CPU %.1f ms, %.2f us per dropped datagram (recv syscall + gate)%n", sent, seen.get() - 1,
                cpu.get() / 1e6, cpu.get() / 1e3 / (seen.get() - 1));
    }
}
