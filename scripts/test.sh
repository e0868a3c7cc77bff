#!/usr/bin/env bash
# The test command (README): builds everything and runs every test project. Needs the .NET SDK; the browser tests
# (tests/KnowledgeLoop.Web.Tests) also need Debian's Chromium, which scripts/setup-browser.sh installs once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-browser.sh
dotnet build KnowledgeLoop.sln -c Release -nologo -v quiet
dotnet test KnowledgeLoop.sln -c Release --no-build -nologo "$@"
