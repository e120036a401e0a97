# AXIS: make run | make test | make bench | make build | make image-test
BUILD_DIR ?= build
JOBS ?= 2
HOST ?= 0.0.0.0
PORT ?= 8500

.PHONY: all setup build server binaries web run test bench image-test clean

all: build

setup:
	@scripts/setup.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

# The server binary alone: what `make run` needs.
server: setup $(BUILD_DIR)/build.ninja
	ninja -C $(BUILD_DIR) -j$(JOBS) axis-server

# Every binary: the server, the unit tests and the benchmark helper.
binaries: setup $(BUILD_DIR)/build.ninja
	ninja -C $(BUILD_DIR) -j$(JOBS)

web: setup
	@scripts/build-web.sh

build: binaries web

run: server web
	$(BUILD_DIR)/axis-server serve --host $(HOST) --port $(PORT)

test: build
	@scripts/run-tests.sh

bench: build
	@bench/run.sh

# Builds the server, web and custom images with buildah and runs them (scripts/image-test.sh).
# Not part of `test`: the server image compiles the whole server again. Needs root.
image-test:
	@scripts/image-test.sh

clean:
	rm -rf $(BUILD_DIR) web/dist
