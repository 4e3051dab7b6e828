#!/usr/bin/env bash
# Offline dependency vulnerability check (docs/security.md, "Dependency vulnerabilities"). Lists every resolved
# dependency of every module, the benchmarks' included, in every scope, and matches them against the Maven advisories
# of a GitLab Advisory Database, given as a checkout or a bare git mirror. Findings recorded in
# config/dependency-check-suppressions.xml are shown with their reason; any other finding rated HIGH, CRITICAL or
# unrated fails (exit 1). Not part of .ci/run: the database has to be brought to the machine first.
#
#   config/advisory-check.sh <advisory database> [more Maven options, e.g. -o]
set -euo pipefail

cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: config/advisory-check.sh <advisory database> [Maven options]" >&2
    exit 2
fi
database="$1"
shift

work="$PWD/target/advisory-check"
rm -rf "$work"
mkdir -p "$work/classes"

# package first, so that a module's dependency on another module's jars resolves inside the reactor.
./mvnw -B -q -Pbench -DskipTests "$@" package dependency:list \
    -DoutputFile="$work/dependencies/"'${project.artifactId}.txt'

# Versions are compared by Maven's own ComparableVersion and ranges read by its VersionRange (maven-artifact).
maven_home="$(./mvnw -v "$@" | sed -n 's/^Maven home: //p')"
classpath="$(ls "$maven_home"/lib/maven-artifact-*.jar)"
javac -d "$work/classes" -cp "$classpath" config/advisory-check/*.java

lists=()
for list in "$work"/dependencies/*.txt; do
    lists+=("$(basename "$list" .txt)=$list")
done
java -cp "$work/classes:$classpath" AdvisoryCheck "$database" config/dependency-check-suppressions.xml "${lists[@]}"
