# The habits: `make run` to try Hoot, `make test` for every test, `make bench` for the figures.
BUILD      ?= build
ASAN_BUILD ?= build-asan
DATA       ?= hoot-data
LISTEN     ?= 127.0.0.1:8080
CMAKE_GEN  := -G Ninja

.PHONY: deps build run test test-unit test-asan bench bench-search format clean demo

deps:
	@bash scripts/deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --target hoot

run: build
	./$(BUILD)/hoot serve --data $(DATA) --listen $(LISTEN)

# A real community to click through: a fresh demo-data/ with a Stack Exchange dump imported from
# ../shared/data/stackexchange/ when that folder is there (the sample hoot otherwise).
DEMO_DATA ?= demo-data
DEMO_DUMP ?= ../shared/data/stackexchange/beer.stackexchange.com
demo: build
	rm -rf $(DEMO_DATA)
	if [ -d "$(DEMO_DUMP)" ]; then ./$(BUILD)/hoot import stackexchange $(DEMO_DUMP) --data $(DEMO_DATA); \
	else echo "demo: no dump at $(DEMO_DUMP); serving the sample site"; fi
	./$(BUILD)/hoot serve --data $(DEMO_DATA) --listen $(LISTEN) --site-name "Hoot demo"

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DHOOT_SANITIZE=ON -DHOOT_PG_INTEGRATION=OFF

# Every test: unit, store and integration on the Release build, the browser walkthrough against
# the Release binary, then unit, store and integration once more under ASan+UBSan. Each ctest run
# gets a throw-away PostgreSQL cluster (HOOT_TEST_POSTGRES), stopped even when tests fail. The
# store suite runs on both backends in both builds; the integration suite runs a second time on
# PostgreSQL in the Release build (HOOT_PG_INTEGRATION), not again under ASan, for time.
test: deps $(BUILD)/build.ninja $(ASAN_BUILD)/build.ninja
	cmake --build $(BUILD)
	bash scripts/with_pg_cluster.sh sh -c 'cd $(BUILD) && ctest --output-on-failure --parallel 2 --timeout 300'
	bash tests/e2e/run.sh $(BUILD)/hoot
	cmake --build $(ASAN_BUILD)
	bash scripts/with_pg_cluster.sh sh -c 'cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure --parallel 2 --timeout 600'

bench: build
	bash bench/run.sh $(BUILD)/hoot

# The thread page and comment posting on SQLite and on PostgreSQL (one and two instances), each
# behind nginx, against nginx serving the page as a file (bench/README.md, "SQLite and PostgreSQL").
.PHONY: bench-backends
bench-backends: build
	bash bench/backends.sh $(BUILD)/hoot

# Idle live event streams: the server's memory with 1,000 and 5,000 open /events streams, and how
# long one comment takes to reach them all (bench/README.md, "Live event streams").
.PHONY: bench-sse
bench-sse: build
	python3 bench/sse_idle.py --binary $(BUILD)/hoot --streams 1000,5000
# `hoot import` on the largest shared dump and on synthetic ones of 100,000 and 1,000,000 posts,
# against the least its parts need (bench/README.md, "Stack Exchange import").
.PHONY: bench-import
bench-import: build
	cmake --build $(BUILD) --target import_parts
	bash bench/import.sh $(BUILD)/hoot $(BUILD)/bench/import_parts
# Hoot's resident memory serving a million-post community (the synthetic dump, imported once and
# kept) under a mixed load (bench/README.md, "Memory with a million posts").
.PHONY: bench-memory
bench-memory: build
	bash bench/memory_large.sh $(BUILD)/hoot
# Search latency on a generated site of 100,000 hoots (bench/README.md, "Search latency").
bench-search: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --target search_bench
	./$(BUILD)/bench/search_bench

# The store suite alone, on SQLite and on a throw-away PostgreSQL cluster.
.PHONY: test-pg
test-pg: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --target store_tests
	bash scripts/with_pg_cluster.sh sh -c 'cd $(BUILD) && ctest --output-on-failure --parallel 2 -R "^(Backends/|Postgres)"'

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
