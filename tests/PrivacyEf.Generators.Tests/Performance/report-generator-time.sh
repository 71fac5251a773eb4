#!/usr/bin/env bash
# Builds the 300-entity model (the same templates LargeModelTests uses) as a real project against this checkout's
# runtime and generator, makes an edit in a file without privacy attributes, rebuilds, and prints the generator
# time the compiler itself reports for that warm rebuild (-p:ReportAnalyzer=true).
# On a shared machine the figure varies with the load: it rebuilds RUNS times (default 7) and prints each figure,
# the median and the lowest (the one least disturbed by other work). The first WARMUP rebuilds (default 2) are
# printed but not counted: the compiler server compiles the generator's own code to its final tier over the first
# few builds, as a developer's server has long done by the time they edit.
# Usage: report-generator-time.sh [work-dir]   (default: a new temporary directory, removed afterwards)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="${1:-}"
remove_work=""
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/privacyef-generator-time.XXXXXX")"
  remove_work=1
fi

mkdir -p "$work/Model" "$work/Services"
cat >"$work/LargeModel.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/PrivacyEf/PrivacyEf.csproj" />
    <ProjectReference Include="$repo/generators/PrivacyEf.Generators/PrivacyEf.Generators.csproj" ReferenceOutputAssembly="false" OutputItemType="Analyzer" />
  </ItemGroup>
</Project>
PROJECT
# Outside the repository: its Directory.Build.* files would not apply anyway, but say so for a work dir inside it.
echo '<Project />' >"$work/Directory.Build.props"
echo '<Project />' >"$work/Directory.Build.targets"
echo '<Project />' >"$work/Directory.Packages.props"

for n in $(seq 1 300); do
  sed -e "s/{N}/$n/g" -e "s/{AREA}/$((n % 10))/g" "$here/LargeModelEntity.txt" >"$work/Model/Record$n.cs"
done
for n in $(seq 1 100); do
  sed -e "s/{N}/$n/g" "$here/LargeModelUnrelated.txt" >"$work/Services/Service$n.cs"
done

cd "$work"
# A compiler server of its own, kept warm across the rebuilds as a developer's is: the shared one is shut down
# by every .ci/run on the machine, and this machine's environment turns it off (UseSharedCompilation=false),
# so that each build would start a new compiler whose JIT compilation of itself the first generator that binds
# anything pays for.
pipe="privacyef-generator-time-$$"
sdk="$(dotnet --list-sdks | awk -v version="$(dotnet --version)" '$1 == version { gsub(/[][]/, "", $2); print $2 "/" $1 }')"
stop_server() { dotnet "$sdk/Roslyn/bincore/VBCSCompiler.dll" -shutdown -pipename:"$pipe" >/dev/null 2>&1 || true; }
trap 'stop_server; if [[ -n "$remove_work" ]]; then rm -rf "$work"; fi' EXIT
dotnet build -c Release -nologo -v:q -p:UseSharedCompilation=true -p:SharedCompilationId="$pipe" >/dev/null
runs="${RUNS:-7}"
warmup="${WARMUP:-2}"
figures=()
for run in $(seq 1 $((warmup + runs))); do
  # An edit inside a method of a file without privacy attributes, different at every run.
  sed -i "s/sum += value[^;]*;/sum += value * $run;/" Services/Service1.cs
  dotnet build -c Release -nologo --no-restore --no-dependencies -p:UseSharedCompilation=true -p:SharedCompilationId="$pipe" -p:ReportAnalyzer=true -v:d >build.log
  # The compiler lists each generator's time under "Total generator execution time".
  figure="$(grep -A12 "Total generator execution time" build.log | awk '$NF == "PrivacyEf.Generators.PrivacyGenerator" { print $1; exit }')"
  if (( run <= warmup )); then
    echo "warm-up rebuild $run: PrivacyEf.Generators.PrivacyGenerator ${figure:-?} s (not counted)"
    continue
  fi
  echo "warm rebuild $((run - warmup)): PrivacyEf.Generators.PrivacyGenerator ${figure:-?} s (compiler-reported)"
  figures+=("${figure:-999}")
done
sorted=($(printf '%s\n' "${figures[@]}" | sort -g))
echo "median of $runs warm rebuilds: ${sorted[$((runs / 2))]} s; lowest: ${sorted[0]} s"
