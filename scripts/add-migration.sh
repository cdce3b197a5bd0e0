#!/usr/bin/env bash
# Adds a migration to one module for both providers.
# Usage: scripts/add-migration.sh Portal.Contents Contents AddSomething
#   $1 module project folder under src/Modules, $2 context prefix (ContentsSqliteDbContext...), $3 migration name
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1 prefix=$2 name=$3
project=src/Modules/$module/$module.csproj
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context "${prefix}${provider}DbContext" --output-dir "Data/Migrations/$provider"
done
