#!/bin/sh
# Starts one service's fast-jar (quarkus-run.jar) with the suite's JVM settings. Used by bin/run and
# by the container images, so that both start the same way.
#   deploy/run-java.sh APP_DIR [extra java arguments...]
# Environment:
#   JAVA       the java to run (default: java on the PATH)
#   JAVA_OPTS  the JVM settings (default below: a small service on few cores); replaces the defaults
#   JAVA_OPTS_APPEND  JVM settings added after them (e.g. -Xlog:gc)
#   AOT_CACHE  where the AOT cache lives (default APP_DIR/app.aot)
#   AOT        auto (default): on JDK 25+ use the AOT cache when it is there and no older than the
#              jar, else record one while this run lasts (written when it stops gracefully);
#              use: only use an existing cache; record: always record; off: neither;
#              train: record the cache by a start without a database and stop (an image's build step).
# The default JVM settings, measured in docs/performance.md: the client compiler only (most of the
# speed for a fraction of the compile CPU and code cache), the serial collector and a heap sized for
# the largest legitimate requests at once, not for the idle service (a live set of about 23 MiB,
# little garbage per request; up to 128 MiB when an instance reads its budget of large bodies at
# once, LARGE_BODIES_IN_FLIGHT: docs/performance.md "Memory for the largest requests"); it starts
# small and a full collection shrinks it back to 10% above what is live; a fixed 8 MiB young
# generation; two malloc arenas and, on JDK 25, freed native memory handed back to the system. Out of
# memory still ends the process (an orchestrator restarts it) because no legitimate request can reach
# it: every body is bounded before it is read. The AOT cache is recorded without JIT profiles: the
# client compiler never reads them, and they only cost memory. It belongs to the JVM settings it was
# recorded with (APP_DIR/app.aot.settings): started with other settings, a service records a new one
# (AOT=auto) or starts without it (AOT=use), and says so, instead of failing to start.
set -eu
APP_DIR=$1
shift
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms24m -Xmx128m -Xmn8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -Xss512k -XX:ReservedCodeCacheSize=24m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError}
AOT=${AOT:-auto}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
cache=${AOT_CACHE:-$APP_DIR/app.aot}
settings="$major $JAVA_OPTS ${JAVA_OPTS_APPEND:-}"
jvm_args=""
case " $settings " in
  *FlightRecorderOptions*|*StartFlightRecording*)
    echo "run-java.sh: note: JFR settings in JAVA_OPTS / JAVA_OPTS_APPEND keep the JVM from using the AOT cache (a slower start)" >&2 ;;
esac
# a cache recorded with other JVM settings (a heap, a young generation, another JDK) may not load, and
# the JVM then refuses to start: such a cache is not used
if [ -f "$cache" ] && [ "$(cat "$cache.settings" 2>/dev/null)" != "$settings" ]; then
  echo "run-java.sh: the AOT cache $cache was recorded with other JVM settings ($(cat "$cache.settings" 2>/dev/null || echo unknown); now: $settings): not used$( [ "$AOT" = auto ] && echo ', a new one is recorded')" >&2
  if [ "$AOT" = auto ] && [ -w "$(dirname "$cache")" ]; then rm -f "$cache" "$cache.settings"; else AOT=off; fi
fi
if [ "${major:-0}" -ge 25 ]; then
  jvm_args="-XX:TrimNativeHeapInterval=5000"
fi
record_args="-XX:AOTCacheOutput=$cache -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
if [ "${major:-0}" -ge 25 ] && [ "$AOT" != off ]; then
  if [ "$AOT" = record ]; then
    rm -f "$cache"
    echo "$settings" >"$cache.settings"
    jvm_args="$jvm_args $record_args"
  elif [ -f "$cache" ] && [ ! "$APP_DIR/quarkus-run.jar" -nt "$cache" ] && [ -z "$(find "$APP_DIR/lib" "$APP_DIR/app" "$APP_DIR/quarkus" -newer "$cache" -type f 2>/dev/null | head -1)" ]; then
    jvm_args="$jvm_args -XX:AOTCache=$cache"
  elif [ "$AOT" = auto ] && [ -w "$(dirname "$cache")" ]; then
    rm -f "$cache"
    echo "$settings" >"$cache.settings"
    jvm_args="$jvm_args $record_args"
  fi
fi
if [ "$AOT" = train ]; then
  # the image's build step: start the service without a database (no migration; nothing connects at
  # start) and stop it gracefully once started: the cache then holds the classes of the start, so
  # that a container starts from it at once (bin/run trains on real settlements instead)
  [ "${major:-0}" -ge 25 ] || { echo "AOT=train needs JDK 25+"; exit 1; }
  rm -f "$cache"
  echo "$settings" >"$cache.settings"
  log=$(mktemp)
  # shellcheck disable=SC2086
  "$JAVA" $record_args $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
      -Dquarkus.http.port=0 -Dquarkus.shutdown.delay=0s -Dquarkus.flyway.migrate-at-start=false \
      -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/aot-training "$@" \
      -jar "$APP_DIR/quarkus-run.jar" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    grep -q ' started in ' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "AOT=train: the service stopped while starting"; exit 1; }
    sleep 0.5
  done
  sleep 1
  kill -TERM "$pid"
  wait "$pid" || true
  rm -f "$log"
  [ -s "$cache" ] || { echo "AOT=train: no cache was written to $cache"; exit 1; }
  echo "AOT cache trained: $cache"
  exit 0
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of words
exec "$JAVA" $jvm_args $JAVA_OPTS ${JAVA_OPTS_APPEND:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -jar "$APP_DIR/quarkus-run.jar"
