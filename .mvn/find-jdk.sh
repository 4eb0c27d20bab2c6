# Sourced by ./mvnw and ./floe: points JAVA_HOME at a JDK 25 or stops with a clear message.
# Looks at JAVA_HOME, then `java` on PATH, then the system's JVM directory.
floe_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
floe_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(floe_java_major "$JAVA_HOME")" = 25 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(floe_java_major "$candidate")" = 25 ]; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$candidate/bin/javac" ] && [ "$(floe_java_major "$candidate")" = 25 ]; then
      JAVA_HOME=$candidate; export JAVA_HOME; return 0
    fi
  done
  echo "Floe needs a JDK 25: none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
case $- in *f*) floe_noglob=1; set +f ;; *) floe_noglob=0 ;; esac
floe_find_jdk || exit 1
if [ "$floe_noglob" = 1 ]; then set -f; fi
