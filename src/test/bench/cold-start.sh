#!/usr/bin/env bash
# Usage (from the repository root, after mvn package): src/test/bench/cold-start.sh [target/madang.jar] [port]
# Cold start of target/madang.jar to /health/ready = UP, and resident memory once ready.
jar=${1:-target/madang.jar}; port=${2:-8097}
dir=$(mktemp -d); start=$(date +%s.%N)
(cd "$dir" && exec java -jar "$OLDPWD/$jar" --port "$port" --nocluster > "$dir/log.txt" 2>&1) & pid=$!
until curl -sf "localhost:$port/health/ready" 2>/dev/null | grep -q '"UP"'; do sleep 0.2; done
end=$(date +%s.%N); sleep 5
rss=$(ps -o rss= -p $(pgrep -f "port $port" | head -1))
echo "cold start to ready: $(echo "$end - $start" | bc) s; RSS after start: $((rss/1024)) MiB"
kill $(pgrep -f "port $port") ; rm -rf "$dir"
