#!/usr/bin/env bash
# The test command (README): builds everything and runs every test project. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build KnowledgeLoop.sln -c Release -nologo -v quiet
dotnet test KnowledgeLoop.sln -c Release --no-build -nologo "$@"
