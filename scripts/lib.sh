# Shared by the scripts in this folder: find the repository, a JDK 25 and Maven, and build when needed.
# Sourced, not run.

HOTLINE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOTLINE_JAR="$HOTLINE_ROOT/hotline-app/target/hotline.jar"

is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] &&
    "$1/bin/java" -version 2>&1 | head -n 1 | grep -Eq 'version "25([."]|$)'
}

# Picks a JDK 25: $JAVA_HOME if it is one, else the first under /usr/lib/jvm, else the java on PATH.
use_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -n "$candidate" ] && is_jdk25 "$candidate"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Hotline needs JDK 25, and none was found in JAVA_HOME, /usr/lib/jvm or on PATH; install one (for example Temurin 25) or set JAVA_HOME to it." >&2
  exit 1
}

use_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      echo "Installing Maven (apt-get)..." >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
    else
      echo "Hotline builds with Maven, which is not installed; install it (apt-get install maven)." >&2
      exit 1
    fi
  fi
}

# Builds the runnable jar when it is missing or older than any source, pom or resource.
build_if_needed() {
  build_jar_if_needed "$HOTLINE_JAR"
}

# Builds everything when the jar $1 (the application's, or the benchmark's) is missing or older than any source,
# pom or resource.
build_jar_if_needed() {
  local jar="$1"
  if [ -f "$jar" ] && [ -z "$(find "$HOTLINE_ROOT" -path "$HOTLINE_ROOT/.git" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  use_maven
  echo "Building Hotline (first run or sources changed)..." >&2
  (cd "$HOTLINE_ROOT" && mvn -B -q -ntp -DskipTests -Djdeb.skip=true install) >&2
  # Maven leaves an unchanged jar untouched; mark it fresh so the next run does not build again.
  touch "$jar"
}

# The dispatch screen's browser tests drive Debian's Chromium through its chromedriver; installs both when missing
# (as root, else says how). Selenium is told these paths, so it never downloads a browser or driver itself.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium and chromedriver for the browser tests (apt-get)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The browser tests need Chromium and chromedriver; install them: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
}

# The PostgreSQL backup test dumps and restores with pg_dump and pg_restore; installs them when missing (as root,
# else says how).
ensure_pg_client() {
  if command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = "0" ]; then
    echo "Installing the PostgreSQL client tools for the backup tests (apt-get)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "The PostgreSQL backup test needs pg_dump and pg_restore; install them: sudo apt-get install postgresql-client" >&2
    exit 1
  fi
}
