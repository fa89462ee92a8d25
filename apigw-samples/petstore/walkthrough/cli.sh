#!/usr/bin/env bash
# The README's AWS CLI walk-through, run against the petstore sample (start it first:
# java -jar apigw-samples/petstore/target/apigw-sample-petstore-0.1.0-SNAPSHOT-exec.jar).
# Every step checks what it got and the script stops at the first surprise.
#
# usage: apigw-samples/petstore/walkthrough/cli.sh [https://localhost:8443]
# needs: the AWS CLI (v1 or v2) and curl
set -euo pipefail
cd "$(dirname "$0")"
gateway=${1:-https://localhost:8443}

# SAMPLE ONLY: AWS's documented example key pair, which the sample accepts (SampleOperators.java)
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1
# the sample's certificate is self-signed (sample-only/README.md)
export PYTHONWARNINGS=ignore
apigateway() { aws --endpoint-url "$gateway/apigw/management" --no-verify-ssl apigateway "$@"; }

expect() { # expect <what> <expected> <actual>
  if [ "$2" != "$3" ]; then echo "FAILED: $1: expected '$2', got '$3'" >&2; exit 1; fi
  echo "ok: $1: $3"
}

# 1. import an OpenAPI definition with AWS's x-amazon-apigateway-integration extensions
id=$(apigateway import-rest-api --body fileb://greetings-openapi.json --query id --output text)
expect "imported API is listed" "$id" \
  "$(apigateway get-rest-apis --query "items[?id=='$id'].id" --output text)"

# 2. deploy it to a stage with a stage variable, and call it
first=$(apigateway create-deployment --rest-api-id "$id" --stage-name dev \
  --variables greeting=hello --description first --query id --output text)
expect "dev serves the deployment" '{"greeting": "hello"}' "$(curl -sk "$gateway/$id/dev/greeting")"

# 3. a method that requires an API key: refused without one; create a key and a usage plan
expect "a key is required" 403 "$(curl -sk -o /dev/null -w '%{http_code}' "$gateway/$id/dev/vip")"
read -r key value < <(apigateway create-api-key --name walkthrough --enabled \
  --query '[id, value]' --output text)
plan=$(apigateway create-usage-plan --name walkthrough --api-stages "apiId=$id,stage=dev" \
  --quota limit=1000,period=DAY --query id --output text)
apigateway create-usage-plan-key --usage-plan-id "$plan" --key-id "$key" --key-type API_KEY > /dev/null
expect "the key opens the method" "{\"greeting\": \"welcome, $key\"}" \
  "$(curl -sk -H "x-api-key: $value" "$gateway/$id/dev/vip")"
today=$(date -u +%Y-%m-%d)
expect "usage counts the call" 1 "$(apigateway get-usage --usage-plan-id "$plan" --key-id "$key" \
  --start-date "$today" --end-date "$today" --query "items.\"$key\"[0][0]" --output text)"

# 4. change the stage variable
apigateway update-stage --rest-api-id "$id" --stage-name dev \
  --patch-operations op=replace,path=/variables/greeting,value=bonjour > /dev/null
expect "the new variable is served" '{"greeting": "bonjour"}' "$(curl -sk "$gateway/$id/dev/greeting")"

# 5. roll back to the first deployment
apigateway update-stage --rest-api-id "$id" --stage-name dev \
  --patch-operations "op=replace,path=/deploymentId,value=$first" > /dev/null
expect "the rollback is served" '{"greeting": "hello"}' "$(curl -sk "$gateway/$id/dev/greeting")"
expect "the history has both deployments" 2 \
  "$(apigateway get-deployments --rest-api-id "$id" --query 'length(items)' --output text)"

# 6. delete the plan, the key and the API
apigateway delete-usage-plan-key --usage-plan-id "$plan" --key-id "$key"
apigateway delete-usage-plan --usage-plan-id "$plan"
apigateway delete-api-key --api-key "$key"
apigateway delete-rest-api --rest-api-id "$id"
expect "the deleted API is gone" 404 "$(curl -sk -o /dev/null -w '%{http_code}' "$gateway/$id/dev/greeting")"
echo "walk-through passed"
