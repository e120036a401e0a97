#!/usr/bin/env bash
# Deploys the AXIS server to Cloud Run from deploy/cloudrun/service.yaml.
#   deploy/cloudrun/deploy.sh PROJECT REGION [IMAGE]
# IMAGE defaults to REGION-docker.pkg.dev/PROJECT/axis/axis-server:latest (build and push it
# first: docker build -f deploy/docker/server.Dockerfile -t IMAGE . && docker push IMAGE).
# Then schedule the PostgreSQL syncs with scripts/create_scheduler_job.sh (docs/sync.md).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 PROJECT REGION [IMAGE]" >&2
  exit 2
fi
project=$1
region=$2
image=${3:-$region-docker.pkg.dev/$project/axis/axis-server:latest}
here=$(cd "$(dirname "$0")" && pwd)
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT

sed -e "s#REGION-docker.pkg.dev/PROJECT/axis/axis-server:latest#$image#" \
    -e "s#PROJECT#$project#g" -e "s#REGION#$region#g" "$here/service.yaml" >"$rendered"
gcloud run services replace "$rendered" --project "$project" --region "$region"
url=$(gcloud run services describe axis-server --project "$project" --region "$region" \
  --format 'value(status.url)')
echo "deployed: $url"
echo "check:    curl -fsS $url/health"
