# syntax=docker/dockerfile:1
# axis-server image: the native server, its DuckDB library and the built web UI, on a slim
# Debian runtime as uid 1000. Build from the repository root:
#   docker build -f deploy/docker/server.Dockerfile -t axis-server .
# Secrets never go in this file: pass them at run time (env_file, orchestrator secrets).
# custom/ (agents.yaml, branding) is mounted at /app/custom or baked in with custom.Dockerfile.
# `make image-test` builds this file with buildah and runs the image (docs/deployment.md).

# --- web UI (served by axis-server itself; the separate web image is optional) -------------
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
# Same-origin by default: the UI calls the server that serves it.
ARG VITE_API_URL=""
ENV VITE_API_URL=${VITE_API_URL}
RUN npx vite build

# --- native build ----------------------------------------------------------------------------
FROM node:20-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config \
      libboost1.81-dev nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev libcli11-dev zlib1g-dev \
      libhiredis-dev libpq-dev libcurl4-openssl-dev libssl-dev libgtest-dev openssl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/fetch-duckdb.sh scripts/
RUN scripts/fetch-duckdb.sh
COPY CMakeLists.txt ./
COPY src/ src/
COPY bench/duckdb_load.cpp bench/
COPY tools/metric_bench.cpp tools/
COPY tests/unit/ tests/unit/
# The binary is copied out of the build tree: give it its install RPATH ($ORIGIN/../lib, i.e.
# /app/lib in the runtime stage) rather than the build tree's /src/third_party/duckdb/lib.
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DAXIS_WERROR=OFF \
      -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON \
 && ninja -C build axis-server \
 && strip build/axis-server

# --- runtime ---------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libyaml-cpp0.7 libspdlog1.10 libfmt9 libhiredis0.14 libpq5 libcurl4 libssl3 zlib1g \
      ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 appuser \
 && useradd --uid 1000 --gid 1000 --home-dir /app --no-create-home --shell /usr/sbin/nologin appuser
WORKDIR /app
COPY --from=build /src/build/axis-server /app/bin/axis-server
COPY --from=build /src/third_party/duckdb/lib/libduckdb.so /app/lib/libduckdb.so
COPY --from=web /src/web/dist /app/web
COPY data/examples/ /app/examples/
COPY config/ /app/config-examples/
RUN mkdir -p /app/custom/config /app/custom/branding /app/custom/agents /app/data \
 && chown -R 1000:1000 /app/data /app/custom
# PORT is honoured as Cloud Run sets it; HOST must be 0.0.0.0 inside a container.
ENV HOST=0.0.0.0 \
    PORT=8500 \
    DEBUG=false \
    AXIS_DATA_DIR=/app/data \
    AXIS_CUSTOM_DIR=/app/custom \
    AXIS_WEB_DIR=/app/web \
    AXIS_EXAMPLES_DIR=/app/examples
USER 1000:1000
VOLUME ["/app/data"]
EXPOSE 8500
HEALTHCHECK --interval=30s --timeout=10s --start-period=15s --retries=3 \
  CMD ["/app/bin/axis-server", "healthcheck"]
ENTRYPOINT ["/app/bin/axis-server"]
CMD ["serve"]
