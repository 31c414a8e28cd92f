# kubedrill — `make run` starts the shell on the bundled notes; `make test` runs every test.
APT_PACKAGES := libedit-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build bench clean

## Install the C libraries the build links against (Debian/Ubuntu), unless already present.
deps:
	@if pkg-config --exists libedit libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
	    && [ -f /usr/include/sqlite3.h ]; then :; else \
	  echo "Installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); fi

build: deps
	swift build -c release --product kubedrill

## Start the interactive shell on the bundled Content/.
run: build
	.build/release/kubedrill

## Build and run the whole test suite.
test: deps
	swift test

bench: deps
	swift build -c release
	.build/release/kubedrill-bench

clean:
	swift package clean
