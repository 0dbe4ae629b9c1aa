#!/usr/bin/env bash
# Packs KylinMock, KylinMock.Cli and KylinMock.Testcontainers into tests/Consumers/feed, then restores, builds and tests each
# consumer project from that feed only, as a stranger's project would: ./run.sh RESULTS_DIR
# writes one TRX per consumer to RESULTS_DIR and exits non-zero when any step fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$(mkdir -p "${1:-$here/TestResults}" && cd "${1:-$here/TestResults}" && pwd)"

version=$(dotnet msbuild "$root/src/KylinMock/KylinMock.csproj" -getProperty:Version)
rm -rf "$here/feed" "$here"/packages/kylinmock "$here"/packages/kylinmock.cli "$here"/packages/kylinmock.testcontainers
dotnet pack "$root/KylinMock.sln" -c Release -o "$here/feed" -v q --nologo

status=0
# TestcontainersConsumer starts the image on Docker: .ci/run has started the daemon and built the image.
for consumer in NUnitConsumer XunitConsumer MSTestConsumer TestcontainersConsumer; do
  project="$here/$consumer/$consumer.csproj"
  if ! dotnet restore "$project" -p:KylinMockVersion="$version" -v q; then
    echo "$consumer: restore from the packed feed failed" >&2
    status=1
    continue
  fi
  dotnet test "$project" --no-restore -p:KylinMockVersion="$version" \
    --logger "trx;LogFileName=$consumer.trx" --results-directory "$results" || status=1
done
exit $status
