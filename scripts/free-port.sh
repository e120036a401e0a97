#!/usr/bin/env bash
# Prints a TCP port that is free on 127.0.0.1 right now (the kernel picks it).
set -euo pipefail
exec node -e '
const srv = require("node:net").createServer();
srv.listen(0, "127.0.0.1", () => { console.log(srv.address().port); srv.close(); });
'
