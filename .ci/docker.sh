#!/usr/bin/env bash
# A private Docker daemon and the KylinMock image, for CI and developers alike (docs/container.md):
#
#   eval "$(bash .ci/docker.sh start)"   installs docker.io when missing, starts a private dockerd, prints
#                                        `export DOCKER_HOST=unix://... DOCKER_API_VERSION=... TESTCONTAINERS_...`
#                                        (a running one is reused)
#   bash .ci/docker.sh build             publishes the single binary (the README's command) and builds the
#                                        image kylinmock/kylin-mock:VERSION from it, FROM scratch: nothing pulled
#   bash .ci/docker.sh stop              stops the daemon this script started, by its pid
#   bash .ci/docker.sh status            exits 0 when this checkout's daemon is running
#   bash .ci/docker.sh host | tag        prints DOCKER_HOST's value | the image's tag
#
# The daemon is this checkout's own: its socket, data root, exec root, pid file and configuration live in
# KYLINMOCK_DOCKER_DIR (/tmp/kylinmock-docker-<hash of this checkout's path> by default), so it never meets
# another daemon on the machine. It makes no bridge and no iptables rule: containers use host networking,
# and their traffic stays on this machine's loopback.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${KYLINMOCK_DOCKER_DIR:-/tmp/kylinmock-docker-$(printf '%s' "$root" | md5sum | cut -c1-8)}"
socket="unix://$dir/docker.sock"
image="kylinmock/kylin-mock"

log() { echo "docker.sh: $*" >&2; }
# The CLI of the docker.io package (the daemon's own version) when there is one, else the one on PATH.
docker_() { DOCKER_HOST="$socket" "$([ -x /usr/bin/docker ] && echo /usr/bin/docker || echo docker)" "$@"; }
running() { [ -f "$dir/docker.pid" ] && kill -0 "$(cat "$dir/docker.pid")" 2>/dev/null; }
version() { sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$root/Directory.Build.props"; }

start() {
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    log "installing docker.io"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  fi
  if running; then
    log "reusing the daemon (pid $(cat "$dir/docker.pid"))"
  else
    mkdir -p "$dir"
    echo '{}' >"$dir/daemon.json"   # never the machine's /etc/docker/daemon.json
    # setsid: the daemon outlives this script and a Ctrl+C in its terminal; stop ends it by its pid.
    setsid dockerd --host "$socket" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
      --config-file "$dir/daemon.json" --containerd-namespace "kylinmock-$(basename "$dir")" \
      --containerd-plugins-namespace "kylinmock-$(basename "$dir")-plugins" \
      --storage-driver=vfs --iptables=false --ip-masq=false --bridge=none --log-level=warn \
      </dev/null >"$dir/dockerd.log" 2>&1 &
    for _ in $(seq 1 300); do
      docker_ version >/dev/null 2>&1 && break
      sleep 0.1
    done
    if ! docker_ version >/dev/null 2>&1; then
      tail -n 20 "$dir/dockerd.log" >&2
      log "dockerd did not answer on $socket"
      exit 1
    fi
    log "dockerd (pid $(cat "$dir/docker.pid")) answers on $socket"
  fi
  # What a client of this daemon needs: Testcontainers for .NET speaks API 1.44 unless told the daemon's
  # own (Debian 12's docker.io: 1.41); Ryuk is an image from a registry, so it is off (tests clean up
  # themselves); and the daemon is this machine's, without a bridge for Testcontainers to find a host on.
  echo "export DOCKER_HOST=$socket DOCKER_API_VERSION=$(docker_ version -f '{{.Server.APIVersion}}')" \
    "TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
}

stop() {
  if ! running; then
    log "no daemon of this checkout is running"
    return 0
  fi
  local pid
  pid="$(cat "$dir/docker.pid")"
  # Containers left running (a test that failed to clean up) go first; then the daemon, by its pid.
  for id in $(docker_ ps -q 2>/dev/null); do docker_ rm -f "$id" >/dev/null 2>&1 || true; done
  kill -TERM "$pid"
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd (pid $pid) ignored SIGTERM for 20 s: killing it"
    kill -KILL "$pid"
  fi
  log "dockerd (pid $pid) stopped"
}

build() {
  local tag="$image:$(version)" out="$root/dist/linux-x64" context="$root/dist/image"
  # The README's publish command; its own artifacts path leaves the solution's bin and obj alone.
  (cd "$root" && dotnet publish src/KylinMock.Cli -c Release -r linux-x64 -o dist/linux-x64 \
    --artifacts-path dist/artifacts -v q --nologo) >&2
  rm -rf "$context"
  mkdir -p "$context/rootfs/tmp" "$context/rootfs/data" "$context/rootfs/etc/ssl/certs"
  cp "$out/kylin-mock" "$context/rootfs/kylin-mock"
  # The loader and the libraries ldd names, plus OpenSSL's two, which .NET opens at start (no ldd line).
  local libs
  libs="$(ldd "$out/kylin-mock" | grep -o '/[^ ]*')"
  for name in libssl.so.3 libcrypto.so.3; do
    libs="$libs $(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }')"
  done
  for lib in $libs; do
    mkdir -p "$context/rootfs$(dirname "$lib")"
    cp -L "$lib" "$context/rootfs$lib"
  done
  cp -L /etc/ssl/certs/ca-certificates.crt "$context/rootfs/etc/ssl/certs/"   # capture --from https://...
  printf 'root:x:0:0:root:/root:/sbin/nologin\nkylinmock:x:10001:10001:KylinMock:/data:/sbin/nologin\n' >"$context/rootfs/etc/passwd"
  printf 'root:x:0:\nkylinmock:x:10001:\n' >"$context/rootfs/etc/group"
  chmod 1777 "$context/rootfs/tmp" "$context/rootfs/data"
  cp "$root/.ci/Dockerfile" "$context/Dockerfile"
  DOCKER_BUILDKIT=0 docker_ build -q --label "org.opencontainers.image.version=$(version)" -t "$tag" "$context" >/dev/null
  log "built $tag ($(docker_ image inspect -f '{{.Size}}' "$tag") bytes)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  build) build ;;
  status) running ;;
  host) echo "$socket" ;;
  tag) echo "$image:$(version)" ;;
  *) echo "usage: $0 start|stop|build|status|host|tag" >&2; exit 2 ;;
esac
