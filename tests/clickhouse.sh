# tests/clickhouse.sh: sourced by tests/sql.test and tests/bench-engines.sh.
# Two ClickHouse servers (Debian's clickhouse-server) on the loopback
# interface as the two shards of a cluster, each with its own data folder
# and ports under DIR, and a Distributed table over them.
#
#   ch_install                  apt-get it when missing and root; 0 if there
#   ch_start DIR                start both; sets ch_pids, ch_port1, ch_port2
#   ch_stop                     stop the servers ch_start started
#   ch_load CSV A.csv B.csv     (re)create t_local on each shard with CSV's
#                               columns (all String) and t_dist over them,
#                               and load A into shard 1, B into shard 2
#   ch_query FILE.sql           run it on shard 1 (through t_dist), CSV out
ch_server=/usr/sbin/clickhouse-server
ch_pids=

ch_install () {
  if [ ! -x "$ch_server" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      clickhouse-server clickhouse-client >"${TMPDIR:-/tmp}/cloudcast-clickhouse-apt.log" 2>&1 || true
  fi
  [ -x "$ch_server" ] && command -v clickhouse-client >/dev/null 2>&1
}

ch_start () {
  ch_dir=$1
  base=$((20000 + ($$ % 400) * 100))
  ch_port1=$((base + 10))
  ch_port2=$((base + 20))
  cat >"$ch_dir/users.xml" <<EOF
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
EOF
  for i in 1 2; do
    p=$((base + i * 10))
    s=$ch_dir/s$i
    mkdir -p "$s/data" "$s/tmp" "$s/files" "$s/log"
    cat >"$s/config.xml" <<EOF
<yandex>
  <logger><level>warning</level><log>$s/log/server.log</log>
    <errorlog>$s/log/err.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>$p</tcp_port>
  <http_port>$((p + 1))</http_port>
  <interserver_http_port>$((p + 2))</interserver_http_port>
  <path>$s/data/</path>
  <tmp_path>$s/tmp/</tmp_path>
  <user_files_path>$s/files/</user_files_path>
  <mark_cache_size>67108864</mark_cache_size>
  <users_config>$ch_dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers><two>
    <shard><replica><host>127.0.0.1</host><port>$ch_port1</port></replica></shard>
    <shard><replica><host>127.0.0.1</host><port>$ch_port2</port></replica></shard>
  </two></remote_servers>
</yandex>
EOF
    "$ch_server" --config-file="$s/config.xml" >"$s/log/stdout" 2>&1 &
    ch_pids="$ch_pids $!"
  done
  i=0
  while [ $i -lt 60 ]; do
    if clickhouse-client --port "$ch_port1" -q 'SELECT 1' >/dev/null 2>&1 \
       && clickhouse-client --port "$ch_port2" -q 'SELECT 1' >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
    i=$((i + 1))
  done
  return 1
}

ch_stop () {
  for p in $ch_pids; do
    kill "$p" 2>/dev/null
  done
  for p in $ch_pids; do
    wait "$p" 2>/dev/null
  done
  ch_pids=
}

ch_load () {
  cols=$(node "$top_srcdir/tests/sql-engines.js" columns "$1") || return 1
  for p in $ch_port1 $ch_port2; do
    clickhouse-client --port "$p" -q 'DROP TABLE IF EXISTS t_local' || return 1
    clickhouse-client --port "$p" -q "CREATE TABLE t_local ($cols) ENGINE = Log" || return 1
  done
  clickhouse-client --port "$ch_port1" -q 'DROP TABLE IF EXISTS t_dist' || return 1
  clickhouse-client --port "$ch_port1" -q \
    'CREATE TABLE t_dist AS t_local ENGINE = Distributed(two, default, t_local)' || return 1
  clickhouse-client --port "$ch_port1" -q 'INSERT INTO t_local FORMAT CSV' <"$2" || return 1
  clickhouse-client --port "$ch_port2" -q 'INSERT INTO t_local FORMAT CSV' <"$3"
}

ch_query () {
  clickhouse-client --port "$ch_port1" --multiquery --format CSVWithNames <"$1"
}
