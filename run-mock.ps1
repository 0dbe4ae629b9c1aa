#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Starts the standalone KylinMock: an Apache Kylin 5 Job API at http://HOST:PORT/kylin/api.

.DESCRIPTION
    Builds the mock once (again only when its sources changed), then runs `kylin-mock serve` with
    the parameters below, prints the URL and serves until Ctrl+C. Run it the same way everywhere:
        dotnet tool restore && dotnet pwsh ./run-mock.ps1 -Port 7070 -Seed 42

.EXAMPLE
    dotnet pwsh ./run-mock.ps1 -Clock manual -Now 2026-03-15T12:00:00Z
#>
[CmdletBinding()]
param(
    # TCP port (0 takes a free one).
    [ValidateRange(0, 65535)] [int] $Port = 7070,
    # Address to listen on; loopback unless you need otherwise.
    [Alias('Host')] [string] $ListenHost = '127.0.0.1',
    # Seed of the generated estate.
    [int] $Seed = 42,
    # How many jobs to generate.
    [ValidateRange(0, 10000000)] [int] $Jobs = 500,
    # A fixture file to serve instead of a generated estate.
    [string] $Fixture,
    # Where the clock starts: ISO-8601 instant or epoch milliseconds.
    [string] $Now,
    # system: time flows; manual: time stands still until moved.
    [ValidateSet('system', 'manual')] [string] $Clock = 'system',
    # Require this token (header X-KylinMock-Token) on the control API.
    [string] $Token,
    # How many requests the journal keeps.
    [ValidateRange(0, 10000000)] [int] $Journal = 1000,
    # Refuse Kylin request bodies larger than this many MiB (413).
    [ValidateRange(1, 1048576)] [long] $MaxBodyMb = 32,
    # Refuse a job list whose page would hold more jobs than this (Kylin has no ceiling).
    [ValidateRange(1, 2147483647)] [int] $MaxPageSize = 100000,
    # Refuse fixture files larger than this many MiB.
    [ValidateRange(1, 1048576)] [long] $MaxFixtureMb = 8192
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$project = Join-Path $root 'src/KylinMock.Cli/KylinMock.Cli.csproj'
$dll = Join-Path $root 'src/KylinMock.Cli/bin/Release/net10.0/kylin-mock.dll'

if ($Fixture -and -not (Test-Path -LiteralPath $Fixture -PathType Leaf)) {
    Write-Error "run-mock: fixture file '$Fixture' does not exist." -ErrorAction Continue
    exit 2
}

$sources = Get-ChildItem -Path (Join-Path $root 'src') -Recurse -File -Include '*.cs', '*.csproj' |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
$stale = -not (Test-Path $dll) -or ($sources | Where-Object { $_.LastWriteTimeUtc -gt (Get-Item $dll).LastWriteTimeUtc })
if ($stale) {
    Write-Host 'run-mock: building KylinMock (Release)...'
    dotnet build $project -c Release --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Error 'run-mock: the build failed.' -ErrorAction Continue; exit 1 }
}

$arguments = @('serve', '--port', $Port, '--host', $ListenHost, '--seed', $Seed, '--jobs', $Jobs, '--clock', $Clock)
if ($Fixture) { $arguments += @('--fixture', (Resolve-Path -LiteralPath $Fixture).Path) }
if ($Now) { $arguments += @('--now', $Now) }
if ($Token) { $arguments += @('--token', $Token) }
$arguments += @('--journal', $Journal, '--max-body-mb', $MaxBodyMb, '--max-page-size', $MaxPageSize, '--max-fixture-mb', $MaxFixtureMb)

# A SIGTERM to `dotnet pwsh` stops only the dotnet launcher: the mock watches it (and us) and stops too.
$arguments += @('--exit-with-parent', $PID)
$launcher = (Get-Process -Id $PID).Parent
if ($launcher -and $launcher.ProcessName -eq 'dotnet') { $arguments += @('--exit-with-parent', $launcher.Id) }

# The mock prints its URL and runs until Ctrl+C or SIGTERM; its exit code is ours.
& dotnet $dll @arguments
exit $LASTEXITCODE
