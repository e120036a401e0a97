#!/usr/bin/env bash
# Creates (or updates) a Google Cloud Scheduler job that POSTs /api/store/sync/<dataset> on a
# schedule, for a server on Cloud Run, then runs the job once.
#
#   PROJECT_ID=my-project SERVICE_URL=https://axis-xyz.run.app scripts/create_scheduler_job.sh
#
# Env: PROJECT_ID*, SERVICE_URL*, REGION (us-central1), DATASET (monitoring), JOB_NAME
# (axis-<dataset>-sync-daily), SCHEDULE ("0 3 * * *"), TIME_ZONE (Etc/UTC), AUTH_MODE oidc|none
# (oidc), SERVICE_ACCOUNT_EMAIL (needed for oidc), CLOUD_RUN_SERVICE (when set with oidc, the
# service account is granted roles/run.invoker on it). Needs gcloud, logged in.
set -euo pipefail

: "${PROJECT_ID:?set PROJECT_ID}"
: "${SERVICE_URL:?set SERVICE_URL}"
region=${REGION:-us-central1}
dataset=${DATASET:-monitoring}
job=${JOB_NAME:-axis-$dataset-sync-daily}
schedule=${SCHEDULE:-0 3 * * *}
time_zone=${TIME_ZONE:-Etc/UTC}
auth_mode=${AUTH_MODE:-oidc}
service_url=${SERVICE_URL%/}

case $dataset in
  monitoring | human_signals | eval | kpi) ;;
  *) echo "create_scheduler_job: unknown DATASET '$dataset' (monitoring, human_signals, eval, kpi)" >&2; exit 2 ;;
esac
command -v gcloud >/dev/null || { echo "create_scheduler_job: gcloud is not installed" >&2; exit 2; }

args=(--project "$PROJECT_ID" --location "$region" --schedule "$schedule" --time-zone "$time_zone"
  --uri "$service_url/api/store/sync/$dataset" --http-method POST)
case $auth_mode in
  oidc)
    : "${SERVICE_ACCOUNT_EMAIL:?set SERVICE_ACCOUNT_EMAIL for AUTH_MODE=oidc}"
    args+=(--oidc-service-account-email "$SERVICE_ACCOUNT_EMAIL" --oidc-token-audience "$service_url")
    if [ -n "${CLOUD_RUN_SERVICE:-}" ]; then
      gcloud run services add-iam-policy-binding "$CLOUD_RUN_SERVICE" --project "$PROJECT_ID" \
        --region "$region" --member "serviceAccount:$SERVICE_ACCOUNT_EMAIL" --role roles/run.invoker
    fi
    ;;
  none) ;;
  *) echo "create_scheduler_job: AUTH_MODE must be oidc or none" >&2; exit 2 ;;
esac

if gcloud scheduler jobs describe "$job" --project "$PROJECT_ID" --location "$region" >/dev/null 2>&1; then
  gcloud scheduler jobs update http "$job" "${args[@]}"
else
  gcloud scheduler jobs create http "$job" "${args[@]}"
fi
gcloud scheduler jobs run "$job" --project "$PROJECT_ID" --location "$region"
echo "scheduler job $job: POST $service_url/api/store/sync/$dataset at '$schedule' ($time_zone)"
