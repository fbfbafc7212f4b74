# Sourced by the SIPp benchmarks (bench/sip/run.sh, register-step.sh, calls.sh): their SIPp settings.
# SIPp's socket buffers: SIPp is one thread, and its default 64 KB receive buffer overflowed at
# 4,000 REGISTER/s whenever an answer burst came in (127-330 datagrams dropped by the kernel at
# SIPp's socket in a 20 s run, none at the server's): those registrations then counted as the
# server's failures. The kernel caps this at net.core.rmem_max (Debian's default 208 KB; 4 MB on
# the machines of bench/README.md).
sipp_buffer=${SIPP_BUFFER:-4194304}

# UDP datagrams the kernel has dropped for a full receive buffer so far, on any socket (SIPp's or
# the server's): the benchmarks print the difference over a run.
rcvbuf_errors() { awk '/^Udp:/ && $2 ~ /^[0-9]+$/ {print $6}' /proc/net/snmp; }
