# The two commands: `make run` (whole platform on one machine, UI on :8080) and `make test` (installs what tests need, runs every test).
DOTNET ?= dotnet
CONFIG ?= Release
URLS ?= http://0.0.0.0:8080

.PHONY: run test bench build clean deps

run:
	ASPNETCORE_ENVIRONMENT=SingleMachine $(DOTNET) run --project gateway/Chatbot.Gateway -c $(CONFIG) -- --urls $(URLS)

build:
	$(DOTNET) build Chatbot.sln -c $(CONFIG)

deps:
	bash scripts/install-test-deps.sh

test: deps
	bash scripts/run-tests.sh $(CONFIG)

bench:
	$(DOTNET) run --project tests/Chatbot.Benchmarks -c Release -- all

clean:
	$(DOTNET) clean Chatbot.sln
