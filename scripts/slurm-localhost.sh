#!/usr/bin/env bash
# Starts (or stops) a one-node Slurm cluster on this machine, for trying `kmc sweep --slurm` on a laptop and for the
# tests. Needs root and Debian's packages: apt-get install slurm-wlm munge.
#
#   scripts/slurm-localhost.sh          # start munged, slurmctld and slurmd; waits until the node takes jobs
#   scripts/slurm-localhost.sh stop     # stop the daemons this script started
#
# It writes /etc/slurm/slurm.conf (refusing to replace one it did not write): one partition `debug` with this machine
# as its only node (CPUs and memory as slurmd detects them), no cgroups (ProctrackType=proctrack/linuxproc,
# TaskPlugin=task/none), no accounting. State and logs go to $SLURM_LOCALHOST_DIR (default /var/lib/slurm-localhost).
set -euo pipefail

conf=/etc/slurm/slurm.conf
marker="# written by anodekmc scripts/slurm-localhost.sh"
state="${SLURM_LOCALHOST_DIR:-/var/lib/slurm-localhost}"

die() { echo "slurm-localhost: $*" >&2; exit 1; }

stop_daemons() {
  for pidfile in "$state/slurmd.pid" "$state/slurmctld.pid"; do
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$pidfile"
    fi
  done
}

[ "$(id -u)" -eq 0 ] || die "run me as root (the daemons need it)"
if [ "${1:-start}" = stop ]; then
  stop_daemons
  exit 0
fi
[ "${1:-start}" = start ] || die "usage: $0 [start|stop]"
for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install slurm-wlm munge"
done
if [ -f "$conf" ] && ! grep -qxF "$marker" "$conf"; then
  die "$conf exists and was not written by this script; not replacing it"
fi

# munge: a key (the Debian package usually makes one) and the daemon, running as user munge
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge
chmod 700 /etc/munge
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/lib/munge /var/log/munge
chown munge:munge /run/munge /var/lib/munge /var/log/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- munged
fi
for _ in $(seq 50); do
  munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
  sleep 0.2
done
munge -n | unmunge >/dev/null || die "munged does not answer"

# slurm.conf: this machine as it is, named by its short host name and reached on 127.0.0.1
host="$(hostname -s)"
node="$(slurmd -C | head -n 1)"   # NodeName=HOST CPUs=... RealMemory=...
case "$node" in NodeName=*) ;; *) die "slurmd -C did not describe this machine: $node" ;; esac
stop_daemons
mkdir -p "$state/ctld" "$state/d" /etc/slurm
cat > "$conf.tmp" <<CONF
$marker
ClusterName=localhost
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
KillWait=30
MinJobAge=600
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
mv "$conf.tmp" "$conf"

slurmctld -c   # -c: a clean start, forgetting the jobs of an earlier cluster
slurmd
for _ in $(seq 60); do
  case "$(sinfo -h -n "$host" -o %t 2>/dev/null)" in
    idle*|mix*|alloc*) echo "slurm-localhost: node $host is up (sinfo, squeue, sbatch work; logs in $state)"; exit 0 ;;
  esac
  sleep 0.5
done
die "the node did not come up within 30 s; see $state/slurmctld.log and $state/slurmd.log"
